/// Statistical trouble found while fitting a model: reported with the
/// result, never thrown and never hidden.
///
/// This is the Swift form of statsmodels' `ConvergenceWarning` and
/// `PerfectSeparationWarning` and of scikit-learn's `ConvergenceWarning`:
/// the fit still returns a value, and ``description`` says in one sentence
/// what went wrong and what to do about it, so reports can print it as is.
///
/// The enum is shared by every estimator in `Models`; new estimators add
/// cases (switch over it with a `default:` outside this module).
public enum Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The iteration limit was reached (or the step could not be shortened
  /// enough to improve the objective) before the convergence rule held.
  /// `lastChange` is the absolute change of the objective at the last step.
  case notConverged(iterations: Int, lastChange: Double)
  /// Some outcomes are predicted exactly while others overlap: the named
  /// coefficients diverge, so the maximum-likelihood estimate does not exist.
  case quasiSeparation(columns: [String])
  /// Every outcome is predicted exactly by a linear combination of the
  /// named columns; the maximum-likelihood estimate does not exist.
  case perfectSeparation(columns: [String])
  /// `column` is (within tolerance) a linear combination of `dependsOn`
  /// and was dropped before fitting.
  case droppedCollinear(column: String, dependsOn: [String])
  /// `column` has a single value (with an intercept) or is all zeros
  /// (without one) and was dropped before fitting.
  case droppedConstant(column: String)
  /// The Hessian at the estimate is nearly singular: the 2-norm condition
  /// number of its unit-diagonal scaling exceeds `1e10`, so standard errors
  /// carry few reliable digits.
  case nearSingularHessian(conditionNumber: Double)

  public var description: String {
    switch self {
    case let .notConverged(iterations, lastChange):
      return "The fit did not converge in \(iterations) iterations (last change of the "
        + "objective \(lastChange)); raise maxIterations or check the data."
    case let .quasiSeparation(columns):
      return "Quasi-complete separation: the coefficients of \(Self.list(columns)) diverge "
        + "because some outcomes are predicted exactly; the maximum-likelihood estimates do "
        + "not exist, so use penalty .firth."
    case let .perfectSeparation(columns):
      return "Perfect separation: \(Self.list(columns)) predict every outcome exactly, so the "
        + "maximum-likelihood estimates do not exist (coefficients diverge); use penalty .firth."
    case let .droppedCollinear(column, dependsOn):
      return "Column '\(column)' is a linear combination of \(Self.list(dependsOn)) and was "
        + "dropped."
    case let .droppedConstant(column):
      return "Column '\(column)' is constant and was dropped."
    case let .nearSingularHessian(conditionNumber):
      return "The Hessian is nearly singular (condition number \(conditionNumber)); standard "
        + "errors are unreliable, look for nearly collinear columns."
    }
  }

  /// `'a', 'b' and 'c'`.
  private static func list(_ names: [String]) -> String {
    let quoted = names.map { "'\($0)'" }
    guard quoted.count > 1 else { return quoted.first ?? "no column" }
    return quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
  }
}
