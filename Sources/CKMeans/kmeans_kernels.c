#include "kmeans_kernels.h"

#include <stdatomic.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

// Every build rounds alike: no fused multiply-adds.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

// Four rows at a time, one per lane.
typedef double v4d __attribute__((vector_size(32)));
typedef int64_t v4l __attribute__((vector_size(32)));
typedef int32_t v4i __attribute__((vector_size(16)));
typedef float v4f __attribute__((vector_size(16)));

// Macros, not functions: a vector passed to a function built without AVX changes the calling convention.
#define LOAD4(p) ({ v4d v_; memcpy(&v_, (p), sizeof v_); v_; })
#define STORE4(p, v) do { v4d w_ = (v); memcpy((p), &w_, sizeof w_); } while (0)
#define SPLAT(a) ((v4d){(a), (a), (a), (a)})
/// mask ? a : b, lane by lane (a comparison's lanes are all ones or all zeros)
#define SELECT(mask, a, b) ((v4d)(((v4l)(mask) & (v4l)(a)) | (~(v4l)(mask) & (v4l)(b))))
#define INLINE static inline __attribute__((always_inline))

/// Four bound words, as BoundWord.word(key:label:mask:) makes them: the key
/// (v4d) as a Float one unit lower, its low bits replaced by the label
/// (v4i); -infinity for a NaN or negative key.
#define BOUND_WORDS(key, label, labelMask) ({                                                   \
  v4d key_ = (key);                                                                             \
  v4i known_ = __builtin_convertvector(key_ >= 0, v4i);                                         \
  v4i bits_ = (known_ & ((v4i)__builtin_convertvector(key_, v4f) - 1)) | (~known_ & (int32_t)0xFF800000); \
  (bits_ & ~(labelMask)) | (label);                                                             \
})

#if defined(__x86_64__)
#define AVX2 __attribute__((target("avx2,popcnt")))
#endif

// MARK: - Which build

static atomic_int avx2Enabled;

#if defined(__x86_64__)
__attribute__((constructor)) static void detectAVX2(void) {
  __builtin_cpu_init();  // constructors may run before the runtime's own
  atomic_store_explicit(&avx2Enabled, __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt"),
                        memory_order_relaxed);
}
#endif

int analyze_kmeans_avx2(void) { return atomic_load_explicit(&avx2Enabled, memory_order_relaxed); }

void analyze_kmeans_set_avx2(int enabled) {
#if defined(__x86_64__)
  __builtin_cpu_init();
  enabled = enabled && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
#else
  enabled = 0;
#endif
  atomic_store_explicit(&avx2Enabled, enabled, memory_order_relaxed);
}

// MARK: - Bound pass

INLINE long failingScalar(const uint32_t *words, long from, long m, const int32_t *limits, uint32_t mask,
                          int32_t *list, long count) {
  for (long r = from; r < m; r++) {
    uint32_t word = words[r];
    list[count] = (int32_t)r;
    count += !((int32_t)word > limits[word & mask]);  // no branch: the list only grows for failed rows
  }
  return count;
}

#if defined(__x86_64__)
/// For each 8-bit mask, the positions of its set bits, lowest first, one a byte.
static uint64_t setBitPositions[256];

__attribute__((constructor)) static void fillSetBitPositions(void) {
  for (int bits = 0; bits < 256; bits++) {
    uint64_t positions = 0;
    int n = 0;
    for (int i = 0; i < 8; i++)
      if (bits & (1 << i)) positions |= (uint64_t)i << (8 * n++);
    setBitPositions[bits] = positions;
  }
}

/// Eight rows at a time: each label's limit by a lane permutation (k <= 8),
/// and the failed rows' positions packed by a table, without a branch.
AVX2 static long failingAVX2(const uint32_t *words, long m, const int32_t *limits, long k, uint32_t mask,
                             int32_t *list) {
  int32_t table[8] = {0};
  for (long j = 0; j < k; j++) table[j] = limits[j];
  __m256i thresholds = _mm256_loadu_si256((const __m256i *)table);
  __m256i labelMask = _mm256_set1_epi32((int32_t)mask);
  long count = 0, r = 0;
  for (; r + 8 <= m; r += 8) {
    __m256i w = _mm256_loadu_si256((const __m256i *)(words + r));
    __m256i limit = _mm256_permutevar8x32_epi32(thresholds, _mm256_and_si256(w, labelMask));
    unsigned holds = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpgt_epi32(w, limit)));
    unsigned fails = ~holds & 0xFFu;
    // All eight slots are written; those past the failed rows are overwritten next.
    __m256i positions = _mm256_cvtepu8_epi32(_mm_cvtsi64_si128((long long)setBitPositions[fails]));
    _mm256_storeu_si256((__m256i *)(list + count), _mm256_add_epi32(positions, _mm256_set1_epi32((int32_t)r)));
    count += __builtin_popcount(fails);
  }
  return failingScalar(words, r, m, limits, mask, list, count);
}
#endif

long analyze_kmeans_failing(const uint32_t *words, long m, const int32_t *limits, long k, uint32_t mask,
                            int32_t *list) {
#if defined(__x86_64__)
  if (k <= 8 && analyze_kmeans_avx2()) return failingAVX2(words, m, limits, k, mask, list);
#endif
  return failingScalar(words, 0, m, limits, mask, list, 0);
}

// MARK: - Search of the failed rows

/// `p` is a constant where this is inlined: the loops over the columns
/// unroll and a group's columns stay in registers.
INLINE long searchColumns(const double *x, long stride, const long p, const int32_t *list, long count, long start,
                          const double *centres, long k, const double *losses, uint32_t mask, uint32_t *words,
                          int32_t *changedPositions, int32_t *changedFrom) {
  unsigned long largest = k > 2 ? (unsigned long)(k - 1) : 1;
  int bits = 64 - __builtin_clzl(largest);
  v4l keep = (v4l){0, 0, 0, 0} + (int64_t)~((1ULL << bits) - 1);
  v4i labelMask = (v4i){0, 0, 0, 0} + (int32_t)mask;
  long changed = 0;
  for (long q = 0; q < count; q += 4) {
    long r[4] = {list[q], list[q + 1], list[q + 2], list[q + 3]};
    // The rows four groups on: the failed rows are scattered, beyond what the hardware foresees.
    if (q + 20 <= count) {
      for (long f = 0; f < p; f++)
        for (long lane = 16; lane < 20; lane++) __builtin_prefetch(x + f * stride + list[q + lane], 0, 3);
    }
    v4d rows[8];
    for (long f = 0; f < p; f++) {
      const double *column = x + f * stride;
      rows[f] = (v4d){column[r[0]], column[r[1]], column[r[2]], column[r[3]]};
    }
    v4d best = SPLAT(__builtin_inf()), next = best;
    for (long j = 0; j < k; j++) {
      v4d d = SPLAT(0.0);
      for (long f = 0; f < p; f++) {
        v4d diff = rows[f] - centres[f * k + j];
        d += diff * diff;
      }
      v4d tagged = (v4d)(((v4l)d & keep) | (int64_t)j);
      // next = min(next, max(best, tagged)); best = min(best, tagged)
      v4d upper = SELECT(best < tagged, tagged, best);
      next = SELECT(upper < next, upper, next);
      best = SELECT(tagged < best, tagged, best);
    }
    v4i label = __builtin_convertvector((v4l)best & ~keep, v4i);
    v4d key = __builtin_elementwise_sqrt(next) - __builtin_elementwise_sqrt(best)
              + (v4d){losses[label[0]], losses[label[1]], losses[label[2]], losses[label[3]]};
    v4i word = BOUND_WORDS(key, label, labelMask);
    long lanes = count - q < 4 ? count - q : 4;  // the list is padded: the lanes past count repeat a row
    for (long lane = 0; lane < lanes; lane++) {
      uint32_t *slot = words + start + r[lane];
      int32_t from = (int32_t)(*slot & mask);
      *slot = (uint32_t)word[lane];
      changedPositions[changed] = (int32_t)r[lane];
      changedFrom[changed] = from;
      changed += from != label[lane];  // no branch: the list only grows for rows that moved
    }
  }
  return changed;
}

/// `searchColumns` with p a constant for each case.
INLINE long searchAnyColumns(const double *x, long stride, long p, const int32_t *list, long count, long start,
                             const double *centres, long k, const double *losses, uint32_t mask, uint32_t *words,
                             int32_t *changedPositions, int32_t *changedFrom) {
#define SEARCH(P) searchColumns(x, stride, P, list, count, start, centres, k, losses, mask, words, changedPositions, changedFrom)
  switch (p) {
  case 1: return SEARCH(1);
  case 2: return SEARCH(2);
  case 3: return SEARCH(3);
  case 4: return SEARCH(4);
  case 5: return SEARCH(5);
  case 6: return SEARCH(6);
  case 7: return SEARCH(7);
  default: return SEARCH(8);
  }
#undef SEARCH
}

#if defined(__x86_64__)
AVX2 static long searchAVX2(const double *x, long stride, long p, const int32_t *list, long count, long start,
                            const double *centres, long k, const double *losses, uint32_t mask, uint32_t *words,
                            int32_t *changedPositions, int32_t *changedFrom) {
  return searchAnyColumns(x, stride, p, list, count, start, centres, k, losses, mask, words, changedPositions,
                          changedFrom);
}
#endif

long analyze_kmeans_search(const double *x, long stride, long p, const int32_t *list, long count, long start,
                           const double *centres, long k, const double *losses, uint32_t mask, uint32_t *words,
                           int32_t *changedPositions, int32_t *changedFrom) {
#if defined(__x86_64__)
  if (analyze_kmeans_avx2())
    return searchAVX2(x, stride, p, list, count, start, centres, k, losses, mask, words, changedPositions, changedFrom);
#endif
  return searchAnyColumns(x, stride, p, list, count, start, centres, k, losses, mask, words, changedPositions,
                          changedFrom);
}

// MARK: - k-means++

void analyze_kmeans_start(const double *closest, const double *second, const int32_t *labels, long n, uint32_t mask,
                          uint32_t *words) {
  v4i labelMask = (v4i){0, 0, 0, 0} + (int32_t)mask;
  long i = 0;
  for (; i + 4 <= n; i += 4) {
    v4i label;
    memcpy(&label, labels + i, sizeof label);
    v4i word = BOUND_WORDS(__builtin_elementwise_sqrt(LOAD4(second + i)) - __builtin_elementwise_sqrt(LOAD4(closest + i)),
                           label, labelMask);
    memcpy(words + i, &word, sizeof word);
  }
  for (; i < n; i++) {
    v4d key = SPLAT(__builtin_elementwise_sqrt(second[i]) - __builtin_elementwise_sqrt(closest[i]));
    v4i word = BOUND_WORDS(key, ((v4i){0, 0, 0, 0} + labels[i]), labelMask);
    words[i] = (uint32_t)word[0];
  }
}

INLINE double lowerColumns(double *closest, double *second, int32_t *labels, const double *x, long m,
                           const long p, const double *y, int32_t index) {
  v4d sum = SPLAT(0.0);
  long r = 0;
  for (; r + 4 <= m; r += 4) {
    v4d dist = SPLAT(0.0);
    for (long f = 0; f < p; f++) {
      v4d diff = LOAD4(x + f * m + r) - y[f];
      dist += diff * diff;
    }
    v4d current = LOAD4(closest + r);
    v4d next = LOAD4(second + r);
    // second = min(second, max(closest, dist))
    v4d upper = SELECT(current < dist, dist, current);
    STORE4(second + r, SELECT(upper < next, upper, next));
    v4i nearer = __builtin_convertvector(dist < current, v4i);
    v4i label;
    memcpy(&label, labels + r, sizeof label);
    label = (nearer & index) | (~nearer & label);
    memcpy(labels + r, &label, sizeof label);
    dist = SELECT(current < dist, current, dist);
    STORE4(closest + r, dist);
    sum += dist;
  }
  double total = (sum[0] + sum[1]) + (sum[2] + sum[3]);
  for (; r < m; r++) {
    double dist = 0;
    for (long f = 0; f < p; f++) {
      double diff = x[f * m + r] - y[f];
      dist += diff * diff;
    }
    double upper = closest[r] < dist ? dist : closest[r];
    second[r] = upper < second[r] ? upper : second[r];
    if (dist < closest[r]) labels[r] = index;
    closest[r] = closest[r] < dist ? closest[r] : dist;
    total += closest[r];
  }
  return total;
}

INLINE double lowerAnyColumns(double *closest, double *second, int32_t *labels, const double *x, long m, long p,
                              const double *y, int32_t index) {
  switch (p) {
  case 1: return lowerColumns(closest, second, labels, x, m, 1, y, index);
  case 2: return lowerColumns(closest, second, labels, x, m, 2, y, index);
  case 3: return lowerColumns(closest, second, labels, x, m, 3, y, index);
  case 4: return lowerColumns(closest, second, labels, x, m, 4, y, index);
  default: return lowerColumns(closest, second, labels, x, m, p, y, index);
  }
}

#if defined(__x86_64__)
AVX2 static double lowerAVX2(double *closest, double *second, int32_t *labels, const double *x, long m, long p,
                             const double *y, int32_t index) {
  return lowerAnyColumns(closest, second, labels, x, m, p, y, index);
}
#endif

double analyze_kmeans_lower(double *closest, double *second, int32_t *labels, const double *x, long m, long p,
                            const double *centre, int32_t index) {
#if defined(__x86_64__)
  if (analyze_kmeans_avx2()) return lowerAVX2(closest, second, labels, x, m, p, centre, index);
#endif
  return lowerAnyColumns(closest, second, labels, x, m, p, centre, index);
}

INLINE void candidateSumsColumns(const double *x, long m, const long p, const double *y, long trials,
                                 const double *closest, double *totals) {
  // Up to 8 candidates a pass over the block (there are 2 + ln k of them).
  long done = 0;
  while (done < trials) {
    long batch = trials - done < 8 ? trials - done : 8;
    const double *yb = y + done * p;
    v4d partial[8];
    for (long t = 0; t < batch; t++) partial[t] = SPLAT(0.0);
    long r = 0;
    for (; r + 4 <= m; r += 4) {
      v4d current = LOAD4(closest + r);
      for (long t = 0; t < batch; t++) {
        v4d dist = SPLAT(0.0);
        for (long f = 0; f < p; f++) {
          v4d diff = LOAD4(x + f * m + r) - yb[t * p + f];
          dist += diff * diff;
        }
        partial[t] += SELECT(current < dist, current, dist);
      }
    }
    for (long t = 0; t < batch; t++) {
      double total = (partial[t][0] + partial[t][1]) + (partial[t][2] + partial[t][3]);
      for (long i = r; i < m; i++) {
        double dist = 0;
        for (long f = 0; f < p; f++) {
          double diff = x[f * m + i] - yb[t * p + f];
          dist += diff * diff;
        }
        total += closest[i] < dist ? closest[i] : dist;
      }
      totals[done + t] += total;
    }
    done += batch;
  }
}

INLINE void candidateSumsAnyColumns(const double *x, long m, long p, const double *y, long trials,
                                    const double *closest, double *totals) {
  switch (p) {
  case 1: candidateSumsColumns(x, m, 1, y, trials, closest, totals); break;
  case 2: candidateSumsColumns(x, m, 2, y, trials, closest, totals); break;
  case 3: candidateSumsColumns(x, m, 3, y, trials, closest, totals); break;
  case 4: candidateSumsColumns(x, m, 4, y, trials, closest, totals); break;
  default: candidateSumsColumns(x, m, p, y, trials, closest, totals); break;
  }
}

#if defined(__x86_64__)
AVX2 static void candidateSumsAVX2(const double *x, long m, long p, const double *y, long trials,
                                   const double *closest, double *totals) {
  candidateSumsAnyColumns(x, m, p, y, trials, closest, totals);
}
#endif

void analyze_kmeans_candidate_sums(const double *x, long m, long p, const double *candidates, long trials,
                                   const double *closest, double *totals) {
#if defined(__x86_64__)
  if (analyze_kmeans_avx2()) {
    candidateSumsAVX2(x, m, p, candidates, trials, closest, totals);
    return;
  }
#endif
  candidateSumsAnyColumns(x, m, p, candidates, trials, closest, totals);
}
