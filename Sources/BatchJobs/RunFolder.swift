import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where one job's runs live, `ROOT/<job>/`, and how a run gets there:
/// written into a hidden `.partial-…` folder, renamed to `<as_of>/` only
/// when every step succeeded, and `latest` pointed at it. A failed or killed
/// run leaves no folder where a finished one is expected, and the previous
/// run stays as it was; leftovers of killed runs are removed by the next
/// run, under its ``JobLock``.
public final class RunFolder {
  public let jobFolder: String
  public let asOf: String
  /// Where the run is written until it is committed.
  public let partial: String
  /// Where the run ends up.
  public var final: String { "\(jobFolder)/\(asOf)" }
  /// The finished run before this one (`latest`), if any.
  public let previous: String?
  /// Held until the run is committed or discarded and this value is gone.
  private let lock: JobLock

  /// Prepares an empty partial folder for the run of `asOf`, under `lock`.
  ///
  /// - Throws: ``JobError/cannotWrite(path:reason:)``.
  public init(lock: JobLock, asOf: String) throws(JobError) {
    self.lock = lock
    jobFolder = lock.jobFolder
    self.asOf = asOf
    partial = "\(jobFolder)/.partial-\(asOf)-\(getpid())"
    let folder = jobFolder
    previous = (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/latest")).map { "\(folder)/\($0)" }
    do { try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true) } catch {
      throw .cannotWrite(path: partial, reason: error.localizedDescription)
    }
  }

  /// Moves the partial run into place (replacing a run of the same as-of
  /// day) and, when `updateLatest`, points `latest` at it.
  public func commit(updateLatest: Bool) throws(JobError) {
    let replaced = "\(jobFolder)/.replaced-\(asOf)-\(getpid())"
    let hadRun = FileManager.default.fileExists(atPath: final)
    if hadRun, rename(final, replaced) != 0 { throw .cannotWrite(path: final, reason: String(cString: strerror(errno))) }
    guard rename(partial, final) == 0 else {
      let reason = String(cString: strerror(errno))
      if hadRun { _ = rename(replaced, final) }
      throw .cannotWrite(path: final, reason: reason)
    }
    if hadRun { try? FileManager.default.removeItem(atPath: replaced) }
    guard updateLatest else { return }
    // A new link renamed over the old one: `latest` always points at a finished run.
    let link = "\(jobFolder)/.latest-\(getpid())"
    unlink(link)
    guard symlink(asOf, link) == 0, rename(link, "\(jobFolder)/latest") == 0 else {
      throw .cannotWrite(path: "\(jobFolder)/latest", reason: String(cString: strerror(errno)))
    }
  }

  /// Removes the partial run (a step failed).
  public func discard() {
    try? FileManager.default.removeItem(atPath: partial)
  }
}
