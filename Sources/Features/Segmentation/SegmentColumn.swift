import Foundation

/// One column of a segmentation design and how to compute it from a
/// feature table: the scaling a model keeps so new customers land in the
/// same space.
///
/// ```
/// numeric:  z = (t(x) − mean) / standardDeviation × weight,  t = log1p(max(x, 0)) or identity,
///           a missing x counts as t(x) = fill (the population median of t(x))
/// one-hot:  z = (x == level ? 1 : 0) × weight          (mean 0, standardDeviation 1)
/// ```
public struct SegmentColumn: Sendable, Codable, Equatable {
  /// The design column's name: `log1p_recency_days`, `discount_share`, `province=广东`.
  public let name: String
  /// The feature table column it comes from.
  public let source: String
  public let transform: SegmentFeature.Transform
  /// The level of a one-hot column.
  public let level: String?
  /// The transformed value given to a missing number.
  public let fill: Double
  public let mean: Double
  /// The population standard deviation of the transformed values (1 when it is 0).
  public let standardDeviation: Double
  public let weight: Double

  public init(
    name: String, source: String, transform: SegmentFeature.Transform, level: String?, fill: Double,
    mean: Double, standardDeviation: Double, weight: Double
  ) {
    self.name = name
    self.source = source
    self.transform = transform
    self.level = level
    self.fill = fill
    self.mean = mean
    self.standardDeviation = standardDeviation
    self.weight = weight
  }

  /// `t(x)`: the transform of a number, before standardizing (`.nan` stays `.nan`).
  public static func transformed(_ x: Double, _ transform: SegmentFeature.Transform) -> Double {
    switch transform {
    case .log: x.isNaN ? .nan : log1p(max(x, 0))
    case .raw, .oneHot: x
    }
  }

  /// The standardized, weighted value of a number.
  @inlinable public func scaled(number x: Double) -> Double {
    let t = x.isNaN ? fill : Self.transformed(x, transform)
    return (t - mean) / standardDeviation * weight
  }

  /// The weighted 0/1 value of a text cell.
  @inlinable public func scaled(text: String?) -> Double {
    text != nil && text == level ? weight : 0
  }
}
