import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The lock that keeps two runs of one job apart: `flock` on
/// `ROOT/<job>/.lock`, held for as long as the value lives, released by the
/// kernel if the process dies.
///
/// Taken before the data is loaded, so a run refused or kept waiting has not
/// yet spent the time and memory of a load, and a waiting run reads the data
/// as they are when its turn comes.
public final class JobLock {
  /// `ROOT/<job>`.
  public let jobFolder: String
  public let job: String
  private let descriptor: Int32

  /// Takes the job's lock; under it, removes what killed runs left behind.
  ///
  /// - Parameters:
  ///   - wait: block until another run releases the lock, instead of failing.
  ///   - onWait: called with the lock file's path before blocking, so the
  ///     caller can say why nothing happens.
  /// - Throws: ``JobError/locked(job:lockFile:)`` when another run holds the
  ///   lock; ``JobError/cannotWrite(path:reason:)``.
  public init(root: String, job: String, wait: Bool, onWait: (String) -> Void = { _ in }) throws(JobError) {
    jobFolder = "\(root)/\(job)"
    self.job = job
    do { try FileManager.default.createDirectory(atPath: jobFolder, withIntermediateDirectories: true) } catch {
      throw .cannotWrite(path: jobFolder, reason: error.localizedDescription)
    }
    let lockPath = "\(jobFolder)/.lock"
    let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .cannotWrite(path: lockPath, reason: String(cString: strerror(errno))) }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard wait else {
        close(descriptor)
        throw .locked(job: job, lockFile: lockPath)
      }
      onWait(lockPath)
      guard flock(descriptor, LOCK_EX) == 0 else {
        close(descriptor)
        throw .locked(job: job, lockFile: lockPath)
      }
    }
    self.descriptor = descriptor
    // Under the lock no other run is writing: any partial folder is a killed run's.
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: jobFolder)) ?? []
    for entry in entries where entry.hasPrefix(".partial-") || entry.hasPrefix(".replaced-") {
      try? FileManager.default.removeItem(atPath: "\(jobFolder)/\(entry)")
    }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
