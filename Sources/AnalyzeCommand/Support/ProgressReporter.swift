import DataIngest
import Foundation

/// Shows how a long read is going on standard error: rows and MB/s, redrawn
/// in place. Says nothing when standard error is not a terminal, so logs and
/// pipes stay clean.
final class ProgressReporter: @unchecked Sendable {
  private let lock = NSLock()
  private var started: [String: Date] = [:]
  private var lastDraw = Date.distantPast

  /// A reporter when standard error is a terminal, else `nil`.
  static func standardError() -> (@Sendable (IngestProgress) -> Void)? {
    guard isatty(STDERR_FILENO) == 1 else { return nil }
    let reporter = ProgressReporter()
    return { reporter.update($0) }
  }

  /// Names each stage of a long command as it starts, when standard error is a terminal.
  static func stages() -> (String) -> Void {
    guard isatty(STDERR_FILENO) == 1 else { return { _ in } }
    return { stage in FileHandle.standardError.write(Data("analyze: \(stage)…\n".utf8)) }
  }

  func update(_ progress: IngestProgress) {
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    let start = started[progress.file] ?? now
    started[progress.file] = start
    guard progress.isFinished || now.timeIntervalSince(lastDraw) >= 0.25 else { return }
    lastDraw = now
    let seconds = max(now.timeIntervalSince(start), 1e-3)
    let megabytes = Double(progress.bytesRead) / 1_000_000
    let name = (progress.file as NSString).lastPathComponent
    let percent = progress.fileSize > 0 ? 100 * progress.bytesRead / progress.fileSize : 100
    let line = String(
      format: "\r%@: %d rows, %.0f MB (%d%%), %.0f MB/s", name, progress.rows, megabytes, percent,
      megabytes / seconds)
    FileHandle.standardError.write(Data((line + (progress.isFinished ? "\n" : "\u{1B}[K")).utf8))
  }
}
