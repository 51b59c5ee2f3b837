import CMemory

/// Finds the rows of a file whose raw text an earlier row had, from the
/// fingerprints of all its rows in file order, once the file is read.
///
/// Checking each row as it is read needs one table of every fingerprint,
/// 128 MB for ten million rows, and a cache and TLB miss per row on the
/// ordered path of the load. Here the rows are grouped by the top bits of
/// their fingerprints into parts whose tables fit in the cache, and the
/// parts are checked on several threads: the same rows, for less memory on
/// the load's peak and less time on its ordered path.
enum DuplicateRows {
  /// Rows `i` (ascending) with `fingerprints[j] == fingerprints[i]` for some `j < i`.
  static func find(in fingerprints: [UInt64], threads: Int) -> [Int] {
    precondition(fingerprints.count < Int(UInt32.max), "a file of more than 4 billion rows")
    // About 1.2 million fingerprints a part: a table of 13 MB, mostly in the cache.
    let bits = (0..<32).first { fingerprints.count >> $0 <= 1_200_000 }!
    let parts = 1 << bits
    let shift = UInt64(64 - bits)
    // The rows of each part, ascending: a counting sort by part.
    var starts = [Int](repeating: 0, count: parts + 1)
    var rows = [UInt32](repeating: 0, count: fingerprints.count)
    fingerprints.withUnsafeBufferPointer { fingerprints in
      starts.withUnsafeMutableBufferPointer { starts in
        for fingerprint in fingerprints { starts[Int(fingerprint >> shift) + 1] += 1 }
        for part in 0..<parts { starts[part + 1] += starts[part] }
        var next = Array(starts)
        next.withUnsafeMutableBufferPointer { next in
          rows.withUnsafeMutableBufferPointer { rows in
            for row in fingerprints.indices {
              let part = Int(fingerprints[row] >> shift)
              rows[next[part]] = UInt32(truncatingIfNeeded: row)
              next[part] += 1
            }
          }
        }
      }
    }
    let threads = max(1, min(threads, parts))
    let found = UnsafeMutablePointer<[Int]>.allocate(capacity: threads)
    found.initialize(repeating: [], count: threads)
    defer {
      found.deinitialize(count: threads)
      found.deallocate()
    }
    let results = SendablePointer(found)
    let grouped = rows
    let bounds = starts
    runInParallel(threads) { thread in
      var duplicates: [Int] = []
      // One table a thread, emptied for each part rather than allocated anew.
      var seen = FingerprintSet()
      for part in stride(from: thread, to: parts, by: threads) {
        let rows = grouped[bounds[part]..<bounds[part + 1]]
        seen.removeAll(expectedCount: rows.count)
        duplicates += find(in: fingerprints, rows: rows, bits: bits, seen: &seen)
      }
      results.pointer[thread] = duplicates
    }
    return (0..<threads).flatMap { found[$0] }.sorted()
  }

  /// The duplicates among `rows` (ascending), whose fingerprints share their
  /// top `bits`, found with `seen`, an empty set.
  private static func find(
    in fingerprints: [UInt64], rows: ArraySlice<UInt32>, bits: Int, seen: inout FingerprintSet
  ) -> [Int] {
    var duplicates: [Int] = []
    fingerprints.withUnsafeBufferPointer { fingerprints in
      rows.withUnsafeBufferPointer { rows in
        // The set places fingerprints by their top bits, which the part's share.
        @inline(__always) func key(_ i: Int) -> UInt64 {
          let fingerprint = fingerprints[Int(rows[i])]
          return bits == 0 ? fingerprint : fingerprint << UInt64(bits) | fingerprint >> UInt64(64 - bits)
        }
        for i in rows.indices {
          // Each row's fingerprint, then its slot, are loaded a little ahead.
          if i + 32 < rows.count { analyze_prefetch(fingerprints.baseAddress! + Int(rows[i + 32])) }
          if i + 16 < rows.count { seen.prefetch(key(i + 16)) }
          if !seen.insert(key(i)) { duplicates.append(Int(rows[i])) }
        }
      }
    }
    return duplicates
  }
}

/// A pointer that threads may share because each writes its own elements.
struct SendablePointer<Element>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Element>
  init(_ pointer: UnsafeMutablePointer<Element>) { self.pointer = pointer }
}
