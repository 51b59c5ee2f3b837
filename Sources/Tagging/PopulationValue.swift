/// A population threshold of a run, such as `p80(monetary_total)` = 3 120.5,
/// for the report: what a relative rule meant on this data.
public struct PopulationValue: Sendable, Equatable {
  /// The call as the rules write it, with the function name in lower case.
  public let expression: String
  /// `.nan` when the column has too few values.
  public let value: Double
  /// The non-missing values it was computed from.
  public let count: Int
}
