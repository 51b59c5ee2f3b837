#ifndef ANALYZE_PREFETCH_H
#define ANALYZE_PREFETCH_H

/// Starts loading the cache line at `address` for reading. Swift has no way
/// to emit a prefetch instruction itself; the hash-table lookups of the
/// loader issue these a few rows ahead, so their cache misses overlap.
static inline __attribute__((always_inline)) void analyze_prefetch(const void *address) {
  __builtin_prefetch(address, 0, 3);
}

#endif
