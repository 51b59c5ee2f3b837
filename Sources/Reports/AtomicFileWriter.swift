#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams bytes into a temporary file and renames it over the target on ``commit()``.
///
/// The temporary file `.<name>.tmp-<pid>-<random>` lives in the target's
/// directory, because `rename(2)` is atomic only within one file system.
/// Readers therefore see either the old file or the complete new one, never
/// a half-written report, even if the process is killed mid-write.
///
/// Dropping the writer without committing (an error was thrown, the job
/// was cancelled) removes the temporary file, as ``discard()`` does.
///
/// The new file gets the default permissions (0666 less the umask), not
/// those of the file it replaces.
public final class AtomicFileWriter {
  /// The file that ``commit()`` creates or replaces.
  public let path: String
  /// The temporary file being written.
  public let temporaryPath: String
  private var descriptor: Int32
  private var isOpen: Bool { descriptor >= 0 }

  /// Creates the temporary file next to `path`.
  ///
  /// - Throws: ``ReportError/cannotCreateFile(path:reason:)`` naming `path`,
  ///   for example when its directory does not exist.
  public init(path: String) throws(ReportError) {
    self.path = path
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let random = UInt64.random(in: 0...UInt64.max)
    let suffix = String(random, radix: 16)
    temporaryPath = "\(directory).\(name).tmp-\(getpid())-\(suffix)"
    descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    if descriptor < 0 {
      throw .cannotCreateFile(path: path, reason: Self.lastErrorText())
    }
  }

  deinit {
    if isOpen { discard() }
  }

  /// Writes `bytes` at the end of the temporary file.
  ///
  /// - Precondition: neither ``commit()`` nor ``discard()`` has been called.
  /// - Throws: ``ReportError/cannotWriteFile(path:reason:)``; the temporary
  ///   file is then removed and the writer is closed.
  public func append<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(ReportError) {
    precondition(isOpen, "AtomicFileWriter.append after commit or discard")
    let result: Int32? = bytes.withContiguousStorageIfAvailable { buffer in
      Self.writeAll(descriptor, UnsafeRawBufferPointer(buffer))
    }
    let error = result ?? Array(bytes).withUnsafeBytes { Self.writeAll(descriptor, $0) }
    if error != 0 {
      discard()
      throw .cannotWriteFile(path: path, reason: Self.errorText(error))
    }
  }

  /// Flushes the temporary file to disk and renames it to ``path``.
  ///
  /// - Precondition: neither ``commit()`` nor ``discard()`` has been called.
  /// - Throws: ``ReportError/cannotWriteFile(path:reason:)`` when syncing
  ///   fails, ``ReportError/cannotReplaceFile(path:reason:)`` when the rename
  ///   fails (for example, `path` is a directory). The temporary file is
  ///   removed in both cases.
  public func commit() throws(ReportError) {
    precondition(isOpen, "AtomicFileWriter.commit after commit or discard")
    // Without fsync a crash soon after the rename can leave an empty file
    // under the new name on some file systems (ext4 delayed allocation).
    if fsync(descriptor) != 0 {
      let error = errno
      discard()
      throw .cannotWriteFile(path: path, reason: Self.errorText(error))
    }
    if close(descriptor) != 0 {
      let error = errno
      descriptor = -1
      unlink(temporaryPath)
      throw .cannotWriteFile(path: path, reason: Self.errorText(error))
    }
    descriptor = -1
    if rename(temporaryPath, path) != 0 {
      let error = errno
      unlink(temporaryPath)
      throw .cannotReplaceFile(path: path, reason: Self.errorText(error))
    }
    syncDirectory()
  }

  /// Closes and removes the temporary file; ``path`` is left as it was.
  ///
  /// - Precondition: neither ``commit()`` nor ``discard()`` has been called.
  public func discard() {
    precondition(isOpen, "AtomicFileWriter.discard after commit or discard")
    close(descriptor)
    descriptor = -1
    unlink(temporaryPath)
  }

  /// Makes the rename itself durable. Best effort: the new file is already
  /// in place and complete, so a failure here is not worth failing the job.
  private func syncDirectory() {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd >= 0 {
      fsync(fd)
      close(fd)
    }
  }

  /// Writes all of `bytes`, retrying short writes and `EINTR`.
  /// - Returns: 0, or the `errno` of the failure.
  private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var offset = 0
    while offset < bytes.count {
      let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += written
    }
    return 0
  }

  static func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
  }

  static func lastErrorText() -> String {
    errorText(errno)
  }
}
