/// Sample quantiles by linear interpolation between order statistics: the
/// default of pandas (`Series.quantile`, `describe`) and numpy
/// (`method="linear"`), type 7 of Hyndman & Fan.
///
/// For sorted values x₀ ≤ … ≤ xₙ₋₁ and 0 ≤ p ≤ 1:
///
/// ```
/// h = (n − 1) · p,   j = ⌊h⌋,   g = h − j
/// Q(p) = xⱼ + (xⱼ₊₁ − xⱼ) · g         when g < 0.5
///      = xⱼ₊₁ − (xⱼ₊₁ − xⱼ) · (1 − g)  when g ≥ 0.5   (numpy's _lerp, exact at the ends)
/// ```
///
/// with xⱼ₊₁ = xₙ₋₁ when j = n − 1.
///
/// Hyndman, R. J. & Fan, Y. (1996), "Sample Quantiles in Statistical
/// Packages", The American Statistician 50(4).
public enum Quantiles {
  /// The `p` quantile of values already sorted ascending, with no NaN.
  ///
  /// - Parameters:
  ///   - sortedValues: ascending, NaN-free values (checked only in debug builds).
  ///   - p: the probability, in 0...1.
  /// - Returns: Q(p), or NaN when `sortedValues` is empty.
  /// - Complexity: O(1).
  public static func quantile(_ sortedValues: [Double], _ p: Double) -> Double {
    precondition(p >= 0 && p <= 1, "quantile probability \(p) is outside 0...1")
    let n = sortedValues.count
    guard n > 0 else { return .nan }
    let h = Double(n - 1) * p
    let j = min(Int(h.rounded(.down)), n - 1)
    let g = h - Double(j)
    let a = sortedValues[j]
    let b = sortedValues[min(j + 1, n - 1)]
    let difference = b - a
    // numpy interpolates from the nearer end, so Q(1) is exactly the maximum.
    return g >= 0.5 ? b - difference * (1 - g) : a + difference * g
  }

  /// The `p` quantile of unsorted values; NaN values (missing) are ignored.
  ///
  /// - Returns: Q(p) of the non-NaN values, or NaN when there are none.
  /// - Complexity: O(n log n) for the sort.
  public static func quantile(unsorted values: [Double], _ p: Double) -> Double {
    quantile(sortedNonMissing(values), p)
  }

  /// Several quantiles of unsorted values, sorting once.
  ///
  /// - Complexity: O(n log n + k).
  public static func quantiles(unsorted values: [Double], _ probabilities: [Double]) -> [Double] {
    let sorted = sortedNonMissing(values)
    return probabilities.map { quantile(sorted, $0) }
  }

  /// The non-NaN values, ascending: what `values.filter { !$0.isNaN }.sorted()`
  /// gives, in linear time (feature tables sort a million values per column).
  ///
  /// A least-significant-digit radix sort on the bits of the values, turned
  /// so that their unsigned order is the numeric order; it is stable, and
  /// −0 and +0 (equal as numbers, not as bits) are put back in the order
  /// they came in, as the standard library's stable sort leaves them. Short
  /// arrays take that sort.
  public static func sortedNonMissing(_ values: [Double]) -> [Double] {
    guard values.count > 4096 else {
      var kept = values.filter { !$0.isNaN }
      kept.sort()
      return kept
    }
    var keys = values.compactMap { $0.isNaN ? nil : orderedBits($0) }
    var scratch = [UInt64](repeating: 0, count: keys.count)
    keys.withUnsafeMutableBufferPointer { a in
      scratch.withUnsafeMutableBufferPointer { b in
        var from = a
        var to = b
        var counts = [Int](repeating: 0, count: 1 << 16)
        for pass in 0..<4 {
          let shift = UInt64(16 * pass)
          for i in counts.indices { counts[i] = 0 }
          for key in from { counts[Int(truncatingIfNeeded: key >> shift) & 0xFFFF] += 1 }
          // A digit every key shares moves nothing.
          if counts.contains(from.count) { continue }
          var total = 0
          for i in counts.indices {
            let count = counts[i]
            counts[i] = total
            total += count
          }
          for key in from {
            let digit = Int(truncatingIfNeeded: key >> shift) & 0xFFFF
            to[counts[digit]] = key
            counts[digit] += 1
          }
          swap(&from, &to)
        }
        if from.baseAddress != a.baseAddress { _ = a.update(fromContentsOf: from) }
      }
    }
    var sorted = keys.map(value(ofOrderedBits:))
    restoreZeroOrder(&sorted, from: values)
    return sorted
  }

  /// The bits of `x` with the sign flipped for positives and every bit for
  /// negatives: unsigned order is then numeric order (−0 just before +0).
  private static func orderedBits(_ x: Double) -> UInt64 {
    let bits = x.bitPattern
    return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
  }

  private static func value(ofOrderedBits key: UInt64) -> Double {
    Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
  }

  /// The zeros of `sorted` (−0 all before +0) in the order `values` has them.
  private static func restoreZeroOrder(_ sorted: inout [Double], from values: [Double]) {
    guard let first = sorted.firstIndex(where: { $0 == 0 }), sorted[first].sign == .minus else { return }
    var i = first
    for x in values where x == 0 {
      sorted[i] = x
      i += 1
    }
  }
}
