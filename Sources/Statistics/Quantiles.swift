import LinearAlgebra

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
  public static func sortedNonMissing(_ values: [Double]) -> [Double] {
    RadixSort.sorted(values.filter { !$0.isNaN })
  }
}
