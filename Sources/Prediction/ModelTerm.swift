import Features
import Foundation
/// One term of a model: a feature table column and what is done to it.
///
/// Written as in a formula: `recency_days`, `log1p(frequency)`, `C(region)`.
///
/// - `log1p(x)` is `log(1 + max(x, 0))`: counts and money are skewed, and a
///   net refund (a negative total) is treated as nothing spent rather than
///   producing a NaN.
/// - `C(x)` one-hot encodes a text column against a reference level (see
///   ``DesignEncoder``). A numeric column can be made categorical too
///   (`C(refund_count)`); its values are then read as text.
public struct ModelTerm: Sendable, Hashable, Codable, CustomStringConvertible {
  /// What is done to the column.
  public enum Transform: String, Sendable, Hashable, Codable {
    /// The value as it is.
    case identity
    /// `log(1 + max(x, 0))`.
    case log1p
    /// One 0/1 column per level but the reference.
    case categorical
  }

  /// The feature table's column.
  public var source: String
  public var transform: Transform

  public init(_ source: String, _ transform: Transform = .identity) {
    self.source = source
    self.transform = transform
  }

  /// The term as written in a formula.
  public var description: String {
    switch transform {
    case .identity: source
    case .log1p: "log1p(\(source))"
    case .categorical: "C(\(source))"
    }
  }

  /// Whether the term is a number (identity or log1p).
  public var isNumeric: Bool { transform != .categorical }

  /// The transformed value of a number; `.nan` stays `.nan`.
  @inlinable public func transformed(_ x: Double) -> Double {
    switch transform {
    case .log1p: x.isNaN ? .nan : Foundation.log1p(Swift.max(x, 0))
    case .identity, .categorical: x
    }
  }

  /// A term for `name` with the transform an analyst would pick by default:
  /// `C()` for text, `log1p` for counts and money, the value as is for
  /// shares, ages and anything else.
  public static func defaultTerm(for name: String, in table: FeatureTable) -> ModelTerm? {
    if table.text(name) != nil { return ModelTerm(name, .categorical) }
    guard table.numbers(name) != nil else { return nil }
    return ModelTerm(name, isSkewedCount(name) ? .log1p : .identity)
  }

  /// Counts and money: the contract's features that are sums or numbers of things.
  static func isSkewedCount(_ name: String) -> Bool {
    let skewed: Set<String> = [
      "recency_days", "frequency", "monetary_total", "monetary_avg", "tenure_days", "interpurchase_days_avg",
      "orders_90d", "spend_90d", "spend_365d", "distinct_categories", "refund_count", "signup_age_days",
    ]
    return skewed.contains(name) || name.hasPrefix("events_")
  }
}
