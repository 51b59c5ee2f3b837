import Testing

@testable import DataIngest

@Suite struct DuplicateRowsTests {
  /// Fingerprints spread over every part: row `i` repeats row `i - 1000`
  /// when `i % 7 == 3` and `i >= 1000`, and the first of two equal rows is
  /// never the duplicate.
  private static func fingerprints(rows: Int) -> (fingerprints: [UInt64], duplicates: [Int]) {
    var fingerprints: [UInt64] = []
    var duplicates: [Int] = []
    var state: UInt64 = 0x1234_5678
    for i in 0..<rows {
      if i >= 1000 && i % 7 == 3 {
        fingerprints.append(fingerprints[i - 1000])
        duplicates.append(i)
      } else {
        // SplitMix64 steps: distinct values whose top bits cover every part.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        fingerprints.append(z ^ (z >> 31) | 1)
      }
    }
    return (fingerprints, duplicates)
  }

  @Test("rows repeating an earlier row are found whatever the number of parts and threads", arguments: [0, 3, 7, 8])
  func duplicatesAcrossParts(bits: Int) {
    let (fingerprints, expected) = Self.fingerprints(rows: 20_000)
    // Parts of 20,000 >> bits rows give 2^bits parts.
    let parts = FingerprintParts(expectedRows: 20_000, rowsPerPart: 20_000 >> bits)
    #expect(parts.partCount == 1 << bits)
    // Appended in blocks of uneven sizes, as the blocks of a file come.
    var start = 0
    var size = 1
    while start < fingerprints.count {
      let end = min(fingerprints.count, start + size)
      fingerprints[start..<end].withUnsafeBufferPointer { parts.append($0) }
      start = end
      size = size * 3 + 1
    }
    #expect(parts.count == fingerprints.count)
    for threads in [1, 2, 3] {
      #expect(DuplicateRows.find(in: parts, threads: threads) == expected)
    }
  }
}
