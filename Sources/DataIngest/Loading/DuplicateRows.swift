/// Finds the rows of a file whose raw text an earlier row had, from the
/// fingerprints of all its rows, once the file is read.
///
/// Checking each row as it is read needs one table of every fingerprint,
/// 128 MB for ten million rows, and a cache and TLB miss per row on the
/// ordered path of the load. Here the rows come grouped by the top bits of
/// their fingerprints (``FingerprintParts``) into parts whose tables fit in
/// the cache, and the parts are checked on several threads: the same rows,
/// for less memory on the load's peak and less time on its ordered path.
enum DuplicateRows {
  /// At most this many rows a part: a table of 1 MB or less, in the L2
  /// cache (parts of 1.2 million rows took twice as long to check).
  static let rowsPerPart = 100_000

  /// Rows `i` (ascending) with the fingerprint of some row `j < i`.
  static func find(in parts: FingerprintParts, threads: Int) -> [Int] {
    parts.rows(at: positions(in: parts, threads: threads))
  }

  /// The fingerprints that more than one row has.
  static func repeatedFingerprints(in parts: FingerprintParts, threads: Int) -> FingerprintSet {
    let positions = positions(in: parts, threads: threads)
    var repeated = FingerprintSet(expectedCount: positions.reduce(0) { $0 + $1.count })
    for (part, positions) in positions.enumerated() {
      let fingerprints = parts.part(part)
      for position in positions { _ = repeated.insert(fingerprints[position]) }
    }
    return repeated
  }

  /// Per part, where its fingerprints equal to one before them stand among its fingerprints.
  private static func positions(in parts: FingerprintParts, threads: Int) -> [[Int]] {
    let threads = max(1, min(threads, parts.partCount))
    let found = UnsafeMutablePointer<[Int]>.allocate(capacity: parts.partCount)
    found.initialize(repeating: [], count: parts.partCount)
    defer {
      found.deinitialize(count: parts.partCount)
      found.deallocate()
    }
    let results = SendablePointer(found)
    runInParallel(threads) { thread in
      // One table a thread, emptied for each part rather than allocated anew.
      var seen = FingerprintSet()
      for part in stride(from: thread, to: parts.partCount, by: threads) {
        let fingerprints = parts.part(part)
        seen.removeAll(expectedCount: fingerprints.count)
        results.pointer[part] = find(in: fingerprints, bits: parts.bits, seen: &seen)
      }
    }
    return Array(UnsafeBufferPointer(start: found, count: parts.partCount))
  }

  /// Where the fingerprints equal to one before them stand in
  /// `fingerprints`, which share their top `bits`; found with `seen`, an
  /// empty set.
  private static func find(in fingerprints: UnsafeBufferPointer<UInt64>, bits: Int, seen: inout FingerprintSet)
    -> [Int]
  {
    // The set places fingerprints by their top bits, which the part's share.
    @inline(__always) func key(_ i: Int) -> UInt64 {
      let fingerprint = fingerprints[i]
      return bits == 0 ? fingerprint : fingerprint << UInt64(bits) | fingerprint >> UInt64(64 - bits)
    }
    var duplicates: [Int] = []
    for i in fingerprints.indices {
      // Each slot is loaded a little ahead.
      if i + 16 < fingerprints.count { seen.prefetch(key(i + 16)) }
      if !seen.insert(key(i)) { duplicates.append(i) }
    }
    return duplicates
  }
}

/// A pointer that threads may share because each writes its own elements.
struct SendablePointer<Element>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Element>
  init(_ pointer: UnsafeMutablePointer<Element>) { self.pointer = pointer }
}
