/// Sorting a million doubles in linear time: a least-significant-digit radix
/// sort on their bits, turned so that unsigned order is numeric order, 16
/// bits a pass. It is stable, so equal values keep the order they came in;
/// the results are exactly those of the standard library's sorts named below.
public enum RadixSort {
  /// `values` ascending, as `values.sorted()` (stable: −0 and +0, equal as
  /// numbers, in the order they came in).
  /// - Precondition: no NaN.
  public static func sorted(_ values: [Double]) -> [Double] {
    guard values.count > shortLength else { return values.sorted() }
    var keys = values.map { orderedBits($0) }
    var none: [Int32] = []
    sort(&keys, carrying: &none)
    var sorted = keys.map(value(ofOrderedBits:))
    // −0 sorts before +0 by its bits: put the zeros back in their first order.
    if let first = sorted.firstIndex(where: { $0 == 0 }), sorted[first].sign == .minus {
      var i = first
      for x in values where x == 0 {
        sorted[i] = x
        i += 1
      }
    }
    return sorted
  }

  /// The indices of `values` by ascending value, equal values (−0 and +0
  /// among them) by ascending index: the order of `(values[i], i)` pairs.
  /// - Precondition: no NaN.
  public static func ascendingIndices(_ values: [Double]) -> [Int] {
    guard values.count > shortLength else {
      return values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
    }
    precondition(values.count < Int(Int32.max), "too many values to sort by index")
    var keys = values.map { orderedBits($0 == 0 ? 0 : $0) }
    var indices = (0..<Int32(values.count)).map { $0 }
    sort(&keys, carrying: &indices)
    return indices.map(Int.init)
  }

  /// Below this, a comparison sort is as quick and the counts are not worth clearing.
  private static let shortLength = 4096

  /// The bits of `x` with the sign flipped for positives and every bit for
  /// negatives: unsigned order is then numeric order (−0 just before +0).
  private static func orderedBits(_ x: Double) -> UInt64 {
    let bits = x.bitPattern
    return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
  }

  private static func value(ofOrderedBits key: UInt64) -> Double {
    Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
  }

  /// Sorts `keys` ascending, stably, moving `payload` (empty, or one per key) along.
  private static func sort(_ keys: inout [UInt64], carrying payload: inout [Int32]) {
    let n = keys.count
    let carries = !payload.isEmpty
    var keyScratch = [UInt64](repeating: 0, count: n)
    var payloadScratch = [Int32](repeating: 0, count: carries ? n : 0)
    var counts = [Int](repeating: 0, count: 1 << 16)
    keys.withUnsafeMutableBufferPointer { keyBuffer in
      keyScratch.withUnsafeMutableBufferPointer { keyScratchBuffer in
        payload.withUnsafeMutableBufferPointer { payloadBuffer in
          payloadScratch.withUnsafeMutableBufferPointer { payloadScratchBuffer in
            var from = (keys: keyBuffer, payload: payloadBuffer)
            var to = (keys: keyScratchBuffer, payload: payloadScratchBuffer)
            for pass in 0..<4 {
              let shift = UInt64(16 * pass)
              for i in counts.indices { counts[i] = 0 }
              for key in from.keys { counts[Int(truncatingIfNeeded: key >> shift) & 0xFFFF] += 1 }
              // A digit every key shares moves nothing.
              if counts.contains(n) { continue }
              var total = 0
              for i in counts.indices {
                let count = counts[i]
                counts[i] = total
                total += count
              }
              for i in 0..<n {
                let key = from.keys[i]
                let digit = Int(truncatingIfNeeded: key >> shift) & 0xFFFF
                let slot = counts[digit]
                to.keys[slot] = key
                if carries { to.payload[slot] = from.payload[i] }
                counts[digit] = slot + 1
              }
              swap(&from, &to)
            }
            if from.keys.baseAddress != keyBuffer.baseAddress {
              _ = keyBuffer.update(fromContentsOf: from.keys)
              if carries { _ = payloadBuffer.update(fromContentsOf: from.payload) }
            }
          }
        }
      }
    }
  }
}
