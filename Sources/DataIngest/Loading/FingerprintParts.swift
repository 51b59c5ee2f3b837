/// The fingerprints of a file's rows (see ``FingerprintSet/fingerprint(_:)``),
/// each with its row, grouped by their top bits as the blocks are committed,
/// for ``DuplicateRows`` to check each group on its own.
///
/// Grouping as the rows come costs the ordered stage a couple of appends a
/// row; grouping once the file is read cost a sort of every fingerprint, and
/// each group's check then read every fingerprint's cache line to pick its
/// own, eight times over for ten million rows.
final class FingerprintParts: @unchecked Sendable {  // threads share it only to read
  /// The top bits of a fingerprint that choose its part.
  let bits: Int
  /// Per part, the fingerprints in file order, and their rows (from 0).
  private let fingerprints: UnsafeMutablePointer<RowBuffer<UInt64>>
  private let rows: UnsafeMutablePointer<RowBuffer<UInt32>>
  /// Rows appended.
  private(set) var count = 0

  var partCount: Int { 1 << bits }

  /// Parts of about `rowsPerPart` rows for a file of about `expectedRows` rows.
  init(expectedRows: Int, rowsPerPart: Int) {
    bits = (0..<32).first { expectedRows >> $0 <= rowsPerPart }!
    let parts = 1 << bits
    // Room is address space until used; a part's share varies little.
    let room = (expectedRows >> bits).generousCapacity + 1024
    fingerprints = .allocate(capacity: parts)
    rows = .allocate(capacity: parts)
    for part in 0..<parts {
      (fingerprints + part).initialize(to: RowBuffer(capacity: room))
      (rows + part).initialize(to: RowBuffer(capacity: room))
    }
  }

  deinit {
    for part in 0..<partCount {
      fingerprints[part].deallocate()
      rows[part].deallocate()
    }
    fingerprints.deallocate()
    rows.deallocate()
  }

  /// Appends the fingerprints of the next rows of the file.
  func append(_ block: UnsafeBufferPointer<UInt64>) {
    precondition(count + block.count < Int(UInt32.max), "a file of more than 4 billion rows")
    // A shift by 64 leaves 0: one part.
    let shift = UInt64(64 - bits)
    var row = UInt32(truncatingIfNeeded: count)
    for fingerprint in block {
      let part = Int(truncatingIfNeeded: fingerprint >> shift)
      fingerprints[part].append(fingerprint)
      rows[part].append(row)
      row &+= 1
    }
    count += block.count
  }

  /// The fingerprints of part `part`, in file order, and their rows.
  func part(_ part: Int) -> (fingerprints: UnsafeBufferPointer<UInt64>, rows: UnsafeBufferPointer<UInt32>) {
    (fingerprints[part].prefix, rows[part].prefix)
  }
}
