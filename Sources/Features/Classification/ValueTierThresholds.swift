/// Where the A and B value tiers end, as shares of the total positive
/// monetary value (see ``ValueTier``).
///
/// ```
/// 0 < a < b ≤ 1        default a = 0.80, b = 0.95
/// ```
///
/// The defaults are the usual ABC (Pareto) split of inventory and customer
/// management: the few customers who bring 80 % of the value (A), those who
/// bring the next 15 % (B), and the many who bring the last 5 % (C).
/// Literature: Dickie, H. F. (1951), "ABC inventory analysis shoots for
/// dollars, not pennies", *Factory Management and Maintenance* 109; Koch, R.
/// (1998), *The 80/20 Principle*.
public struct ValueTierThresholds: Sendable, Equatable {
  /// Cumulative share of value that tier A reaches (default 0.80).
  public let a: Double
  /// Cumulative share of value that tiers A and B together reach (default 0.95).
  public let b: Double

  /// The 80 % / 95 % split.
  public static let pareto = try! ValueTierThresholds(a: 0.8, b: 0.95)

  /// - Throws: ``FeatureError/invalidParameter(name:value:reason:)`` naming
  ///   `a` or `b` unless 0 < a < b ≤ 1.
  public init(a: Double, b: Double) throws(FeatureError) {
    guard a > 0, a < 1 else {
      throw .invalidParameter(
        name: "value tier threshold a", value: "\(a)", reason: "it must be above 0 and below 1")
    }
    guard b > a, b <= 1 else {
      throw .invalidParameter(
        name: "value tier threshold b", value: "\(b)",
        reason: "it must be above a (\(a)) and at most 1")
    }
    self.a = a
    self.b = b
  }
}
