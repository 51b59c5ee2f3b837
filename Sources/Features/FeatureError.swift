/// Why features could not be built or used as asked.
public enum FeatureError: Error, Equatable, CustomStringConvertible {
  /// No transaction was accepted, so there is nothing to build features from.
  case noTransactions
  /// The data has no transaction before the as-of day.
  case noDataBefore(asOf: String, firstDay: String)
  /// A mapping file (regions, segment names…) could not be used.
  case invalidConfiguration(path: String, line: Int?, column: Int?, message: String)
  /// A rule or threshold is out of its range, e.g. a value-tier cut of 1.2.
  case invalidParameter(name: String, value: String, reason: String)
  /// A feature was asked for by a name the table does not have.
  case unknownColumn(name: String, known: [String])
  /// A feature specification such as `discount_share:raw*2` could not be read.
  case invalidFeatureSpecification(text: String, reason: String)
  /// Too few customers to do what was asked (for example to form `k` segments).
  case tooFewCustomers(required: Int, actual: Int, purpose: String)
  /// A column has no value for any customer of the population, so it cannot be used.
  case emptyColumn(name: String)
  /// A saved model does not fit the data it is applied to.
  case modelMismatch(reason: String)

  public var description: String {
    switch self {
    case .noTransactions:
      return "no transaction was accepted (see ingest.csv and rejects.csv)."
    case .noDataBefore(let asOf, let firstDay):
      return "no transaction is dated before the as-of day \(asOf) (the first is on \(firstDay))."
    case .invalidConfiguration(let path, let line, let column, let message):
      let place = [line.map { "\($0)" }, column.map { "\($0)" }].compactMap { $0 }.joined(separator: ":")
      return "\(path)\(place.isEmpty ? "" : ":" + place): \(message)."
    case .invalidParameter(let name, let value, let reason):
      return "\(name) = \(value) is not allowed: \(reason)."
    case .unknownColumn(let name, let known):
      return "there is no feature '\(name)'; known: \(known.joined(separator: ", "))."
    case .invalidFeatureSpecification(let text, let reason):
      return "cannot read the feature '\(text)': \(reason)."
    case .tooFewCustomers(let required, let actual, let purpose):
      return "\(purpose) needs at least \(required) customers, but there are \(actual)."
    case .emptyColumn(let name):
      return "the feature '\(name)' has no value for any customer being segmented."
    case .modelMismatch(let reason):
      return "the model does not fit these data: \(reason)."
    }
  }
}
