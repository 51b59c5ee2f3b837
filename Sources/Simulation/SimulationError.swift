/// Why a simulation could not run as asked.
public enum SimulationError: Error, Equatable, CustomStringConvertible {
  case invalidParameter(name: String, value: String, reason: String)

  public var description: String {
    switch self {
    case .invalidParameter(let name, let value, let reason):
      return "\(name) = \(value): \(reason)."
    }
  }
}
