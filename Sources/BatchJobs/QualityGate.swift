import Foundation

/// A `fail_if` condition of a job: `auc < 0.65`, `reject_share > 0.01`.
///
/// The metric is one of ``knownMetrics``; a run whose metric meets the
/// condition fails after its outputs are written. A metric the run did not
/// produce (no churn step, no previous run for `psi`) does not fail the gate;
/// the manifest says it was not evaluated.
public struct QualityGate: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="

    func holds(_ a: Double, _ b: Double) -> Bool {
      switch self {
      case .less: a < b
      case .lessOrEqual: a <= b
      case .greater: a > b
      case .greaterOrEqual: a >= b
      case .equal: a == b
      case .notEqual: a != b
      }
    }
  }

  /// What a gate can look at.
  public static let knownMetrics: [String: String] = [
    "auc": "out-of-time AUC of the churn (or propensity) step",
    "ks": "out-of-time KS of the churn (or propensity) step",
    "log_loss": "out-of-time log loss of the churn (or propensity) step",
    "reject_share": "rejected rows / rows read, over every input file",
    "population_change": "|scored customers − the previous run's| / the previous run's",
    "psi": "population stability index of the scores against the previous run's",
    "scored": "customers scored",
    "segments": "number of segments",
  ]

  public let metric: String
  public let comparison: Comparison
  public let value: Double

  /// Reads `metric op number`.
  ///
  /// - Returns: `nil` with a reason when the text is not such a condition.
  public static func parse(_ text: String) -> Result<QualityGate, GateSyntaxError> {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    // Two-character operators first, so `<=` is not read as `<`.
    let operators = Comparison.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
    for op in operators {
      guard let range = trimmed.range(of: op.rawValue) else { continue }
      let name = trimmed[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
      let number = trimmed[range.upperBound...].trimmingCharacters(in: .whitespaces)
      guard knownMetrics[name] != nil else {
        return .failure(GateSyntaxError(message: "unknown metric '\(name)'; known: \(knownMetrics.keys.sorted().joined(separator: ", "))"))
      }
      guard let value = Double(number), value.isFinite else {
        return .failure(GateSyntaxError(message: "expected a number after \(op.rawValue), found '\(number)'"))
      }
      return .success(QualityGate(metric: name, comparison: op, value: value))
    }
    return .failure(GateSyntaxError(message: "expected 'metric < number' (or <=, >, >=, ==, !=), found '\(trimmed)'"))
  }

  public struct GateSyntaxError: Error, Sendable {
    public let message: String
  }

  public var description: String {
    "\(metric) \(comparison.rawValue) \(QualityGate.format(value))"
  }

  /// The gate's verdict on `metrics`: the reason it fails, or `nil` when it passes or cannot be evaluated.
  public func failure(in metrics: [String: Double]) -> String? {
    guard let actual = metrics[metric], comparison.holds(actual, value) else { return nil }
    return "\(metric) = \(QualityGate.format(actual)) (fail if \(description))"
  }

  static func format(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
  }
}
