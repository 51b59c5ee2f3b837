/// Why a batch job could not run as described.
public enum JobError: Error, Equatable, CustomStringConvertible {
  /// The job file cannot be read or says something this tool does not understand.
  case invalidJob(path: String, line: Int?, column: Int?, message: String)
  /// Another run of the same job holds the lock.
  case locked(job: String, lockFile: String)
  /// A file or folder of the run could not be written.
  case cannotWrite(path: String, reason: String)
  /// A step failed; the run left no result in place.
  case stepFailed(step: String, message: String)
  /// Quality gates failed after the run was written.
  case gatesFailed([String])

  public var description: String {
    switch self {
    case .invalidJob(let path, let line, let column, let message):
      let place = [line, column].compactMap { $0 }.map(String.init).joined(separator: ":")
      return "\(path)\(place.isEmpty ? "" : ":" + place): \(message)."
    case .locked(let job, let lockFile):
      return "another run of the job '\(job)' is in progress (lock \(lockFile)); wait for it or use --wait."
    case .cannotWrite(let path, let reason):
      return "cannot write \(path): \(reason)."
    case .stepFailed(let step, let message):
      return "step \(step) failed: \(message)"
    case .gatesFailed(let reasons):
      return "quality gates failed: " + reasons.joined(separator: "; ") + "."
    }
  }
}
