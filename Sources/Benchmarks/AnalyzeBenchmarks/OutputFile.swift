#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file created (or truncated) and written with POSIX calls, for the
/// inputs handed to a child process.
struct OutputFile {
  let path: String
  private let descriptor: Int32

  init(path: String) throws(BenchmarkError) {
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw .system(call: "open \(path)", errno: errno) }
    self.path = path
  }

  /// Writes `text` to a new file at `path`.
  static func save(_ text: String, to path: String) throws(BenchmarkError) {
    let file = try OutputFile(path: path)
    defer { file.close() }
    try file.append(Array(text.utf8))
  }

  /// Writes the bytes of `elements`, however many calls it takes.
  func append<Element: BitwiseCopyable>(_ elements: [Element]) throws(BenchmarkError) {
    let failure: Int32? = elements.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let n = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return errno }
        offset += n
      }
      return nil
    }
    if let failure { throw .system(call: "write \(path)", errno: failure) }
  }

  func close() {
    #if canImport(Glibc)
      _ = Glibc.close(descriptor)
    #else
      _ = Darwin.close(descriptor)
    #endif
  }
}
