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
  case missingAnalyze(String)
  case system(call: String, errno: Int32)
  case noChurnLabels(asOf: String, horizon: Int)
  case droppedTerms(fitted: [String], expected: [String])

  var description: String {
    switch self {
    case .usage(let message):
      return "\(message)\n\(BenchmarkArguments.usage)"
    case .childFailed(let command, let status):
      return "'\(command)' \(status)"
    case .unreadableOutput(let command, let output):
      return "could not read the result of '\(command)' from its output: \(output.suffix(500))"
    case .pythonNotFound(let python):
      return "'\(python)' was not found; the peer comparison needs Python 3 with the peers' packages "
        + "(see the bench README and the README's Benchmarks section). Pass --python PATH, or --peer none to skip it."
    case .missingPeerScript(let path):
      return "no peer script at \(path); pass --peers-dir with the bench peers/ folder"
    case .missingAnalyze(let path):
      return "no analyze executable at \(path); build it (swift build -c release) or pass --analyze PATH"
    case .noChurnLabels(let asOf, let horizon):
      return "no churn labels as of \(asOf) with horizon \(horizon): the data end before T + H - 1"
    case .droppedTerms(let fitted, let expected):
      return "the fit kept the terms \(fitted.joined(separator: ", ")), not \(expected.joined(separator: ", ")); "
        + "the peers would fit a different design"
    case .system(let call, let code):
      return "\(call) failed: \(String(cString: strerror(code)))"
    }
  }
}
