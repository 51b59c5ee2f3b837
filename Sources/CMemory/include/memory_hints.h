#ifndef ANALYZE_MEMORY_HINTS_H
#define ANALYZE_MEMORY_HINTS_H

#if defined(__linux__)
// Defines __GLIBC__ where the C library is glibc.
#include <malloc.h>
#endif

/// Starts loading the cache line at `address` for reading. Swift has no way
/// to emit a prefetch instruction itself; the hash-table lookups of the
/// loader issue these a few rows ahead, so their cache misses overlap.
static inline __attribute__((always_inline)) void analyze_prefetch(const void *address) {
  __builtin_prefetch(address, 0, 3);
}

/// Gives memory that was freed but is still held by the allocator (glibc
/// keeps it in per-thread arenas) back to the system; a no-op elsewhere.
static inline void analyze_release_free_memory(void) {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

/// Has allocations of `bytes` or more mapped on their own (glibc), so that
/// what they free goes back to the system at once instead of staying, partly
/// used, in the heap; a no-op elsewhere.
static inline void analyze_map_allocations_from(int bytes) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, bytes);
#endif
}

#endif
