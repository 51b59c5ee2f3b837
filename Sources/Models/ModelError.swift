import LinearAlgebra

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
  /// A predicted probability that is NaN or outside `[0, 1]`, in the given
  /// (zero-based) row.
  case invalidProbability(row: Int, value: Double)
  /// Every row (with positive weight) has the same outcome, so there is
  /// nothing to model.
  case singleClass(value: Double)
  /// The Hessian could not be factored at the given iteration although no
  /// column is collinear or constant and no separation was found.
  case singularHessian(iteration: Int)
  /// A linear-algebra routine failed.
  case linearAlgebra(LinearAlgebraError)

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
    case .invalidProbability(let row, let value):
      return "row \(row + 1) holds the probability \(value), which is not a number in [0, 1]."
    case .singleClass(let value):
      return "every outcome is \(value), so there is nothing to model."
    case .singularHessian(let iteration):
      return "the Hessian became singular at iteration \(iteration); the data may be "
        + "separated or nearly collinear."
    case .linearAlgebra(let error):
      return error.description
    }
  }
}
