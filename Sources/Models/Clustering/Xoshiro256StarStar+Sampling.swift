import Randomness

/// The draws k-means needs, on the toolkit's generator.
extension Xoshiro256StarStar {
  /// Returns a uniform integer in `0..<bound` without modulo bias
  /// (Lemire's multiply-and-reject method).
  ///
  /// ```
  /// m = next() · bound (128-bit);  reject while low64(m) < (2⁶⁴ − bound) mod bound;  return high64(m)
  /// ```
  ///
  /// - Parameter bound: the exclusive upper limit, `> 0`.
  /// - Returns: an integer in `0..<bound`.
  /// - Complexity: O(1) expected.
  /// Reference: Lemire, "Fast random integer generation in an interval",
  /// ACM TOMACS 29(1), 2019.
  public mutating func nextIndex(below bound: Int) -> Int {
    precondition(bound > 0, "nextIndex(below:) needs a positive bound, got \(bound)")
    let b = UInt64(bound)
    var m = next().multipliedFullWidth(by: b)
    if m.low < b {
      let threshold = (0 &- b) % b
      while m.low < threshold { m = next().multipliedFullWidth(by: b) }
    }
    return Int(m.high)
  }
}
