/// Why a model could not be fitted or applied as asked.
///
/// Statistical trouble (separation, non-convergence, an empty cluster) is
/// not an error: results carry it as a ``Diagnostic``.
public enum ModelError: Error, Equatable, CustomStringConvertible {
  /// A hyper-parameter is out of its range.
  case invalidParameter(name: String, value: String, reason: String)
  /// Too few rows for what is asked.
  case tooFewSamples(required: Int, actual: Int)
  /// Inputs of different shapes.
  case shapeMismatch(what: String, expected: Int, actual: Int)
  /// A value that cannot be used (NaN or infinite) in the named column and row.
  case invalidValue(column: String, row: Int, value: Double)

  public var description: String {
    switch self {
    case .invalidParameter(let name, let value, let reason):
      return "\(name) = \(value): \(reason)."
    case .tooFewSamples(let required, let actual):
      return "at least \(required) rows are needed, got \(actual)."
    case .shapeMismatch(let what, let expected, let actual):
      return "\(what): expected \(expected), got \(actual)."
    case .invalidValue(let column, let row, let value):
      return "column '\(column)' row \(row + 1) holds \(value), which a model cannot use."
    }
  }
}
