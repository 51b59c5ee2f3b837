// The structural bytes of a block of CSV records, 64 bytes at a time: the
// loader's tokenizer then walks the set bits instead of testing every byte.
// Built for x86-64's baseline, with an AVX2 path chosen at run time (Swift
// builds a module for one instruction set).
#include "csv_scan.h"

#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

static uint64_t mask_portable(const uint8_t *bytes, uint8_t delimiter, int *quote) {
  uint64_t mask = 0;
  for (int i = 0; i < 64; i++) {
    uint8_t c = bytes[i];
    if (c == delimiter || c == '\n' || c == '\r') mask |= (uint64_t)1 << i;
    if (c == '"') *quote = 1;
  }
  return mask;
}

#if defined(__x86_64__)
__attribute__((target("avx2")))
static uint64_t mask_avx2(const uint8_t *bytes, __m256i delimiter, int *quote) {
  const __m256i lf = _mm256_set1_epi8('\n'), cr = _mm256_set1_epi8('\r'), dq = _mm256_set1_epi8('"');
  __m256i a = _mm256_loadu_si256((const __m256i *)bytes);
  __m256i b = _mm256_loadu_si256((const __m256i *)(bytes + 32));
  __m256i sa = _mm256_or_si256(_mm256_cmpeq_epi8(a, delimiter), _mm256_or_si256(_mm256_cmpeq_epi8(a, lf), _mm256_cmpeq_epi8(a, cr)));
  __m256i sb = _mm256_or_si256(_mm256_cmpeq_epi8(b, delimiter), _mm256_or_si256(_mm256_cmpeq_epi8(b, lf), _mm256_cmpeq_epi8(b, cr)));
  __m256i q = _mm256_or_si256(_mm256_cmpeq_epi8(a, dq), _mm256_cmpeq_epi8(b, dq));
  if (!_mm256_testz_si256(q, q)) *quote = 1;
  return (uint64_t)(uint32_t)_mm256_movemask_epi8(sa) | (uint64_t)(uint32_t)_mm256_movemask_epi8(sb) << 32;
}

__attribute__((target("avx2")))
static void scan_avx2(const uint8_t *bytes, size_t whole, uint8_t delimiter, uint64_t *masks, int *quote) {
  const __m256i d = _mm256_set1_epi8((char)delimiter);
  for (size_t w = 0; w < whole; w++) masks[w] = mask_avx2(bytes + 64 * w, d, quote);
}
#endif

int analyze_csv_structure(const uint8_t *bytes, size_t count, uint8_t delimiter, uint64_t *masks) {
  int quote = 0;
  size_t whole = count / 64;
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx2")) {
    scan_avx2(bytes, whole, delimiter, masks, &quote);
  } else
#endif
  {
    for (size_t w = 0; w < whole; w++) masks[w] = mask_portable(bytes + 64 * w, delimiter, &quote);
  }
  size_t rest = count - 64 * whole;
  if (rest > 0) {
    // The last bytes are copied after NULs, which no delimiter is, so that
    // nothing past the block is read.
    uint8_t tail[64];
    memset(tail, 0, sizeof tail);
    memcpy(tail, bytes + 64 * whole, rest);
    masks[whole] = mask_portable(tail, delimiter, &quote);
  }
  return quote;
}
