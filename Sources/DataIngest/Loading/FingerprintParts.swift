/// The fingerprints of a file's rows (see ``FingerprintSet/fingerprint(_:)``),
/// or of its order runs (see ``OrderRuns``), grouped by their top bits as the
/// blocks are committed, for ``DuplicateRows`` to check each group on its own.
///
/// Grouping as the rows come costs the ordered stage two appends a row;
/// grouping once the file is read cost a sort of every fingerprint, and each
/// group's check then read every fingerprint's cache line to pick its own.
/// Each row's part is kept, a byte a row, to tell the rows of a part apart.
final class FingerprintParts: @unchecked Sendable {  // threads share it only to read
  /// The top bits of a fingerprint that choose its part: at most 8.
  let bits: Int
  /// Per part, its fingerprints in file order.
  private let fingerprints: UnsafeMutablePointer<RowBuffer<UInt64>>
  /// Per row, its part.
  private var parts: RowBuffer<UInt8>

  var partCount: Int { 1 << bits }
  /// Rows appended.
  var count: Int { parts.count }

  /// Parts of about `rowsPerPart` rows for a file of about `expectedRows`
  /// rows, and no more than 256 parts.
  init(expectedRows: Int, rowsPerPart: Int) {
    bits = (0..<8).first { expectedRows >> $0 <= rowsPerPart } ?? 8
    // Room is address space until used; a part's share varies little. At
    // least 1 MiB a buffer, which glibc maps on its own while loading (see
    // ``PurchaseHistoryLoader``): freed, it goes back to the system at once
    // rather than staying in the heap under the next file's columns.
    let mapped = 1 << 20
    let room = max((expectedRows >> bits).generousCapacity, mapped / MemoryLayout<UInt64>.stride)
    fingerprints = .allocate(capacity: 1 << bits)
    for part in 0..<(1 << bits) { (fingerprints + part).initialize(to: RowBuffer(capacity: room)) }
    parts = RowBuffer(capacity: max(expectedRows.generousCapacity, mapped))
  }

  deinit {
    for part in 0..<partCount { fingerprints[part].deallocate() }
    fingerprints.deallocate()
    parts.deallocate()
  }

  /// Appends the fingerprints of the next rows of the file.
  func append(_ block: UnsafeBufferPointer<UInt64>) {
    // A shift by 64 leaves 0: one part.
    let shift = UInt64(64 - bits)
    // A local copy: appending to the stored buffer row by row checked
    // exclusive access each time (3 % of a load's time).
    var parts = self.parts
    defer { self.parts = parts }
    for fingerprint in block {
      let part = Int(truncatingIfNeeded: fingerprint >> shift)
      fingerprints[part].append(fingerprint)
      parts.append(UInt8(truncatingIfNeeded: part))
    }
  }

  /// The fingerprints of part `part`, in file order.
  func part(_ part: Int) -> UnsafeBufferPointer<UInt64> { fingerprints[part].prefix }

  /// The rows (ascending) of the fingerprints at `positions[part]` (each
  /// ascending) of each part.
  func rows(at positions: [[Int]]) -> [Int] {
    var rows: [Int] = []
    // Per part, its fingerprints met so far, and the next position wanted.
    var seen = [Int](repeating: 0, count: partCount)
    var next = [Int](repeating: 0, count: partCount)
    var left = positions.reduce(0) { $0 + $1.count }
    var row = 0
    while left > 0 {
      let part = Int(parts[row])
      if next[part] < positions[part].count && positions[part][next[part]] == seen[part] {
        rows.append(row)
        next[part] += 1
        left -= 1
      }
      seen[part] += 1
      row += 1
    }
    return rows
  }
}
