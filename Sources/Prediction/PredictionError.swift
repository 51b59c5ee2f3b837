import Features
import Models

/// Why a churn or propensity model could not be built, fitted or applied.
public enum PredictionError: Error, Equatable, CustomStringConvertible {
  /// A `--formula` that cannot be read; `column` counts characters from 1.
  case invalidFormula(text: String, column: Int, message: String)
  /// A term names a column the feature table does not have.
  case unknownColumn(name: String, suggestion: String?)
  /// A term that cannot be used as written.
  case invalidTerm(term: String, reason: String)
  /// An option out of its range.
  case invalidParameter(name: String, value: String, reason: String)
  /// The data end before the label window does: labels need transactions up to `needed`.
  case labelsIncomplete(asOf: String, horizon: Int, lastDay: String, needed: String)
  /// No customer is left to fit on or to score.
  case emptyPopulation(asOf: String, reason: String)
  /// A saved model that cannot be read or used.
  case invalidModel(path: String, reason: String)
  /// A saved model written by a newer `analyze`.
  case newerModelFormat(path: String, version: Int, supported: Int)
  /// Features could not be built.
  case features(FeatureError)
  /// The model could not be fitted.
  case model(ModelError)

  public var description: String {
    switch self {
    case .invalidFormula(let text, let column, let message):
      return "formula '\(text)', column \(column): \(message)."
    case .unknownColumn(let name, let suggestion):
      return "there is no feature '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ".")
    case .invalidTerm(let term, let reason):
      return "the term \(term) cannot be used: \(reason)."
    case .invalidParameter(let name, let value, let reason):
      return "\(name) = \(value) is not allowed: \(reason)."
    case .labelsIncomplete(let asOf, let horizon, let lastDay, let needed):
      return "labels as of \(asOf) over \(horizon) days need transactions up to \(needed), but the data end on \(lastDay); "
        + "choose an earlier --as-of or a shorter --horizon."
    case .emptyPopulation(let asOf, let reason):
      return "no customer to model as of \(asOf): \(reason)."
    case .invalidModel(let path, let reason):
      return "\(path): not a usable model: \(reason)."
    case .newerModelFormat(let path, let version, let supported):
      return "\(path) was written in model format \(version) by a newer analyze; this one reads up to format \(supported)."
    case .features(let error):
      return error.description
    case .model(let error):
      return error.description
    }
  }
}
