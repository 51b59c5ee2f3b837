#ifndef ANALYZE_CSV_SCAN_H
#define ANALYZE_CSV_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// Marks where fields and records may end in `bytes[0..<count]`: bit `i` of
/// `masks[w]` is set when byte `64 * w + i` is `delimiter`, LF or CR.
/// `masks` has room for `(count + 63) / 64` words. Returns 1 when some byte
/// is a double quote (the marks then do not tell where fields end), else 0.
int analyze_csv_structure(const uint8_t *bytes, size_t count, uint8_t delimiter, uint64_t *masks);

#endif
