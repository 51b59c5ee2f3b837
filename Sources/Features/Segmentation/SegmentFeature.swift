import Foundation

/// One input of a segmentation: a column of the feature table, how it is
/// transformed, and how much it weighs in the distance.
///
/// Written on the command line as `name[:transform][*weight]`:
///
/// ```
/// recency_days            numeric, log1p(max(x, 0)), weight 1 (numbers default to :log)
/// discount_share:raw      numeric, as is, weight 1
/// member_tier*0.5         text, one 0/1 column per level, each × 0.5
/// ```
///
/// Numeric columns are standardized after the transform (population
/// standard deviation, ddof 0) and then multiplied by the weight, so a
/// weight of 2 counts the feature as much as two unit features. One-hot
/// columns are left as 0/1 (standardizing a rare level would blow it up to
/// a large distance) and multiplied by the weight.
public struct SegmentFeature: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
  /// What is done to a column before standardizing.
  public enum Transform: String, Sendable, Codable, Hashable {
    /// `log1p(max(x, 0))`: money and counts are skewed, and a log makes a
    /// customer with 2 orders as far from 1 as 20 is from 10.
    case log
    /// The value as it is (shares, ratings).
    case raw
    /// One 0/1 column per level of a text column.
    case oneHot = "onehot"
  }

  /// The feature table's column name.
  public var name: String
  public var transform: Transform
  /// The weight in the Euclidean distance, `> 0`.
  public var weight: Double

  public init(_ name: String, transform: Transform = .log, weight: Double = 1) {
    self.name = name
    self.transform = transform
    self.weight = weight
  }

  /// The default design: how often and how much a customer buys, log
  /// purchases a year while active and log average purchase value (see
  /// ``PurchaseBehaviour`` for why not recency, frequency and total spend).
  public static let defaults: [SegmentFeature] = [
    SegmentFeature(PurchaseBehaviour.purchasesPerYear), SegmentFeature(PurchaseBehaviour.purchaseValueAverage),
  ]

  /// Log recency, frequency and monetary value: the RFM triple the peer
  /// pipelines cluster (`common.py`), to compare number for number with
  /// scikit-learn (`--no-default-features --features recency_days,frequency,monetary_total`).
  public static let recencyFrequencyMonetary: [SegmentFeature] = [
    SegmentFeature("recency_days"), SegmentFeature("frequency"), SegmentFeature("monetary_total"),
  ]

  /// Reads `name[:log|raw|onehot][*weight]`. Without a transform, the
  /// transform is chosen from the column when the design is built (numbers
  /// → `log`, text → `onehot`); this reader leaves `transform` `nil` then.
  ///
  /// - Throws: ``FeatureError/invalidFeatureSpecification(text:reason:)``.
  public static func parse(_ text: String) throws(FeatureError) -> (name: String, transform: Transform?, weight: Double) {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces))
    var weight = 1.0
    if let star = rest.lastIndex(of: "*") {
      guard let w = Double(rest[rest.index(after: star)...].trimmingCharacters(in: .whitespaces)), w.isFinite, w > 0
      else { throw .invalidFeatureSpecification(text: text, reason: "the weight after '*' must be a number > 0") }
      weight = w
      rest = rest[..<star]
    }
    var transform: Transform? = nil
    if let colon = rest.lastIndex(of: ":") {
      let word = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
      guard let t = Transform(rawValue: word == "one-hot" ? "onehot" : word) else {
        throw .invalidFeatureSpecification(text: text, reason: "unknown transform '\(word)'; use log, raw or onehot")
      }
      transform = t
      rest = rest[..<colon]
    }
    let name = rest.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw .invalidFeatureSpecification(text: text, reason: "no column name") }
    return (name, transform, weight)
  }

  /// Resolves a specification against `table`: the transform defaults from
  /// the column kind, and must agree with it.
  ///
  /// - Throws: ``FeatureError/unknownColumn(name:known:)``,
  ///   ``FeatureError/invalidFeatureSpecification(text:reason:)``.
  public static func resolve(_ text: String, in table: FeatureTable) throws(FeatureError) -> SegmentFeature {
    let (name, transform, weight) = try parse(text)
    if table.numbers(name) != nil {
      if transform == .oneHot {
        throw .invalidFeatureSpecification(text: text, reason: "'\(name)' is numeric; use log or raw")
      }
      return SegmentFeature(name, transform: transform ?? .log, weight: weight)
    }
    if table.text(name) != nil {
      if let transform, transform != .oneHot {
        throw .invalidFeatureSpecification(text: text, reason: "'\(name)' is text; it can only be one-hot encoded")
      }
      return SegmentFeature(name, transform: .oneHot, weight: weight)
    }
    throw .unknownColumn(name: name, known: table.columns.map(\.name))
  }

  /// `name:transform*weight`, the form ``parse(_:)`` reads.
  public var description: String {
    "\(name):\(transform.rawValue)" + (weight == 1 ? "" : "*\(weight)")
  }
}
