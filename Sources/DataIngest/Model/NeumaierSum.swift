/// A running sum with Neumaier's compensation (an improved Kahan sum).
///
/// ```
/// t = s + x
/// c += |s| ≥ |x| ? (s − t) + x : (x − t) + s
/// value = s + c
/// ```
///
/// The error stays near one rounding of the exact sum whatever the order or
/// signs of the terms, so our totals agree with pandas' (which uses pairwise
/// or Kahan sums) to far better than 1e-12 relative.
///
/// Neumaier, A. (1974), "Rundungsfehleranalyse einiger Verfahren zur
/// Summation endlicher Summen", ZAMM 54.
public struct NeumaierSum: Sendable {
  private var sum = 0.0
  private var compensation = 0.0

  public init() {}

  @inline(__always) public mutating func add(_ x: Double) {
    Self.add(x, to: &sum, &compensation)
  }

  /// ``add(_:)`` on a sum kept as its two halves, for a column of sums held
  /// as two arrays of `Double`: the sums' array then becomes the values' in
  /// place (see ``OrderTable``).
  @inline(__always) public static func add(_ x: Double, to sum: inout Double, _ compensation: inout Double) {
    let t = sum + x
    if abs(sum) >= abs(x) {
      compensation += (sum - t) + x
    } else {
      compensation += (x - t) + sum
    }
    sum = t
  }

  public var value: Double { sum + compensation }
}
