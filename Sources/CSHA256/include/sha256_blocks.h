#ifndef ANALYZE_SHA256_BLOCKS_H
#define ANALYZE_SHA256_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (x86 SHA-NI) that
/// `analyze_sha256_blocks` uses; 0 elsewhere, and the caller hashes itself.
int analyze_sha256_accelerated(void);

/// Feeds `blocks` 64-byte blocks at `data` into the SHA-256 `state`
/// (FIPS 180-4 §6.2.2) with the SHA extensions. Call only when
/// `analyze_sha256_accelerated()` is 1.
void analyze_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
