/// Why a simulation could not run as asked.
public enum SimulationError: Error, Equatable, CustomStringConvertible {
  /// A parameter is out of its range; names the parameter, its value and the rule.
  case invalidParameter(name: String, value: String, reason: String)
  /// An output file could not be created, written or moved into place.
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .invalidParameter(let name, let value, let reason):
      return "\(name) = \(value): \(reason)."
    case .cannotWrite(let path, let reason):
      return "\(path): cannot write the file: \(reason)."
    }
  }
}
