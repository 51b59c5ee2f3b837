#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a benchmark could not run.
enum BenchmarkError: Error, CustomStringConvertible {
  case usage(String)
  case childFailed(command: String, status: String)
  case unreadableOutput(command: String, output: String)
  case pythonNotFound(String)
  case missingPeerScript(String)
  case system(call: String, errno: Int32)

  var description: String {
    switch self {
    case .usage(let message):
      return "\(message)\n\(BenchmarkArguments.usage)"
    case .childFailed(let command, let status):
      return "'\(command)' \(status)"
    case .unreadableOutput(let command, let output):
      return "could not read the result of '\(command)' from its output: \(output.suffix(500))"
    case .pythonNotFound(let python):
      return "'\(python)' was not found; the peer comparison needs Python 3 with pandas, polars "
        + "and duckdb (see the bench README). Pass --python PATH, or --peer none to skip it."
    case .missingPeerScript(let path):
      return "no peer script at \(path); pass --peers-dir with the bench peers/ folder"
    case .system(let call, let code):
      return "\(call) failed: \(String(cString: strerror(code)))"
    }
  }
}
