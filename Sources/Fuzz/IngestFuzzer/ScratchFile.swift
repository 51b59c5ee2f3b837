#if canImport(Glibc)
  import Glibc
#endif

/// A file that holds bytes under test for the parts of the ingest layer
/// that read paths.
///
/// One path per purpose and process, in memory under `/dev/shm` where there
/// is one (the fuzzer writes thousands of files a second), else in `/tmp`.
/// The file is removed after each use, so a stopped run leaves none behind.
struct ScratchFile {
  let path: String

  /// The fuzz input's payload.
  static let input = ScratchFile(named: "input")
  /// Records written back out as CSV.
  static let roundTrip = ScratchFile(named: "round-trip")

  private init(named name: String) {
    let folder = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    path = "\(folder)/analyze-ingest-fuzz-\(getpid())-\(name).csv"
  }

  /// Writes `bytes` to the file, runs `body` with its path, and removes it.
  func with<Result>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (String) -> Result) -> Result {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "cannot create \(path): \(String(cString: strerror(errno)))")
    var written = 0
    while written < bytes.count {
      let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
      precondition(n > 0 || errno == EINTR, "cannot write \(path): \(String(cString: strerror(errno)))")
      written += max(n, 0)
    }
    close(fd)
    defer { unlink(path) }
    return body(path)
  }
}
