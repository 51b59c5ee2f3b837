/// Why features could not be built as asked.
public enum FeatureError: Error, Equatable, CustomStringConvertible {
  /// The data has no transaction before the as-of day.
  case noDataBefore(asOf: String, firstDay: String)
  /// A mapping file (regions, segment names…) could not be used.
  case invalidConfiguration(path: String, line: Int?, column: Int?, message: String)
  /// A rule or threshold is out of its range, e.g. a value-tier cut of 1.2.
  case invalidParameter(name: String, value: String, reason: String)

  public var description: String {
    switch self {
    case .noDataBefore(let asOf, let firstDay):
      return "no transaction is dated before the as-of day \(asOf) (the first is on \(firstDay))."
    case .invalidConfiguration(let path, let line, let column, let message):
      let place = [line.map { "\($0)" }, column.map { "\($0)" }].compactMap { $0 }.joined(separator: ":")
      return "\(path)\(place.isEmpty ? "" : ":" + place): \(message)."
    case .invalidParameter(let name, let value, let reason):
      return "\(name) = \(value) is not allowed: \(reason)."
    }
  }
}
