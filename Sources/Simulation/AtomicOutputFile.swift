#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written in large chunks to a temporary name beside its final path,
/// then renamed into place, so a reader never sees half a data set's file.
///
/// Dropping the value without ``commit()`` removes the temporary file.
final class AtomicOutputFile {
  let path: String
  private let temporaryPath: String
  private var descriptor: Int32
  private var committed = false

  /// Creates the temporary file `.<name>.tmp-<pid>` in the folder of `path`.
  ///
  /// - Throws: ``SimulationError/cannotWrite(path:reason:)`` when the
  ///   folder is missing or not writable.
  init(path: String) throws(SimulationError) {
    self.path = path
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    temporaryPath = "\(folder).\(name).tmp-\(getpid())"
    descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if descriptor < 0 { throw .cannotWrite(path: path, reason: Self.errorText(errno)) }
  }

  /// Appends `bytes`, retrying short writes and interrupted calls.
  func write(_ bytes: [UInt8]) throws(SimulationError) {
    var failure: Int32 = 0
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }
    if failure != 0 { throw .cannotWrite(path: path, reason: Self.errorText(failure)) }
  }

  /// Closes the file and renames it to its final path.
  func commit() throws(SimulationError) {
    let closed = close(descriptor)
    descriptor = -1
    if closed != 0 { throw .cannotWrite(path: path, reason: Self.errorText(errno)) }
    if rename(temporaryPath, path) != 0 { throw .cannotWrite(path: path, reason: Self.errorText(errno)) }
    committed = true
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
    if !committed { unlink(temporaryPath) }
  }

  private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
      return Darwin.write(fd, buffer, count)
    #elseif canImport(Musl)
      return Musl.write(fd, buffer, count)
    #else
      return Glibc.write(fd, buffer, count)
    #endif
  }

  static func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
