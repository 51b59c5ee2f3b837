#ifndef ANALYZE_KMEANS_KERNELS_H
#define ANALYZE_KMEANS_KERNELS_H

// The innermost loops of k-means (Models/Clustering), in C because Swift
// compiles a module for one instruction set: these are built twice, for
// x86-64's baseline (SSE2) and for AVX2, and the AVX2 build is used where
// the processor has it (twice the lanes per instruction). Both builds do the
// same IEEE operations in the same order, without fused multiply-adds, so
// they return the same bits (`analyze_kmeans_set_avx2` lets tests check).
// Elsewhere than x86-64 there is one build.
//
// Blocks of rows are column-major: column f of an m-row block is
// x[f*m ... f*m + m-1]. Distances are computed directly, sum_f (x_f - y_f)^2,
// so a row equal to a centre is at exactly 0.

#include <stdint.h>

/// Whether the AVX2 build is in use: where the processor has AVX2 and
/// `analyze_kmeans_set_avx2(0)` was not called.
int analyze_kmeans_avx2(void);

/// Uses the AVX2 build (where the processor has it) or not, for all
/// threads; for tests that compare the two builds.
void analyze_kmeans_set_avx2(int enabled);

/// The bound pass of k-means (see BoundWord and BoundedAssignment): lists
/// the positions r in 0 ..< m whose bound does not hold,
///
///     holds(r) = (int32_t)words[r] > limits[words[r] & mask]
///
/// in ascending order, and returns how many. `limits` has `k` entries.
/// `list` must have room for m entries.
long analyze_kmeans_failing(const uint32_t *words, long m, const int32_t *limits, long k, uint32_t mask,
                            int32_t *list);

/// Searches the rows list[0 ..< count] of a column-major block (column f at
/// x + f*stride; row position r is row start + r of the data) for their
/// nearest of the k centres (column-major k x p: centres[f*k + j]), and
/// stores each one's bound word (BoundWord in Models: label j, key
/// sqrt(d2 second-nearest) - sqrt(d2 nearest) + losses[j], +infinity when
/// k = 1) in words[start + r]. Lists the rows whose label changed, in list
/// order: position in changedPositions, previous label in changedFrom
/// (room for `count` + 3 each). Returns how many changed.
///
/// The centre's index rides in the lowest ceil(log2 k) bits of each squared
/// distance, so nearest and second-nearest are two vector minima: squared
/// distances within 2^bits units in the last place count as tied and go to
/// the lower index. `p` is 1 ... 8. `list` must be readable up to `count`
/// rounded up to a multiple of 4 (padded with any of its rows).
long analyze_kmeans_search(const double *x, long stride, long p, const int32_t *list, long count, long start,
                           const double *centres, long k, const double *losses, uint32_t mask, uint32_t *words,
                           int32_t *changedPositions, int32_t *changedFrom);

/// One k-means++ step over an m-row block, for the new centre `centre`
/// (p values), the `index`-th chosen: lowers `closest` (squared distance to
/// the nearest centre chosen) where the new centre is nearer, sets `labels`
/// to `index` where it is strictly nearer, keeps `second` the second
/// smallest squared distance, and returns the block's new sum of `closest`
/// (four rows at a time into four partial sums, (s0 + s1) + (s2 + s3), then
/// the rows left over one by one).
double analyze_kmeans_lower(double *closest, double *second, int32_t *labels, const double *x, long m, long p,
                            const double *centre, int32_t index);

/// The k-means++ candidates' potentials over an m-row block: adds
/// sum_r min(closest[r], |x_r - y_t|^2) to totals[t] for each of the
/// `trials` candidates (row-major trials x p), summed as
/// `analyze_kmeans_lower` sums, reading each row once.
void analyze_kmeans_candidate_sums(const double *x, long m, long p, const double *candidates, long trials,
                                   const double *closest, double *totals);

/// The bound words (BoundWord in Models) of n rows from k-means++'s
/// squared distances to their nearest and second-nearest seed and their
/// nearest's index: key sqrt(second) - sqrt(closest), label `labels[i]`.
void analyze_kmeans_start(const double *closest, const double *second, const int32_t *labels, long n, uint32_t mask,
                          uint32_t *words);
#endif
