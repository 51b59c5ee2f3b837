#if canImport(Glibc)
  import Glibc
#endif

/// A file that holds bytes under test for the parts of the ingest layer
/// that read paths.
///
/// One file per purpose and process, in memory under `/dev/shm` where there
/// is one (the fuzzer writes thousands of files a second), else in `/tmp`.
/// Its name is removed as soon as it is created and it is read through
/// `/proc/self/fd`, so it goes away with the process even when a failed
/// check stops it.
struct ScratchFile {
  /// The path the code under test opens.
  let path: String
  private let descriptor: Int32

  /// The fuzz input's payload.
  static let input = ScratchFile(named: "input")
  /// Records written back out as CSV.
  static let roundTrip = ScratchFile(named: "round-trip")

  private init(named name: String) {
    let folder = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    let created = "\(folder)/analyze-ingest-fuzz-\(getpid())-\(name).csv"
    descriptor = open(created, O_RDWR | O_CREAT | O_TRUNC, 0o600)
    precondition(descriptor >= 0, "cannot create \(created): \(String(cString: strerror(errno)))")
    unlink(created)
    path = "/proc/self/fd/\(descriptor)"
  }

  /// Replaces the file's contents with `bytes` and runs `body` with its path.
  func with<Result>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (String) -> Result) -> Result {
    precondition(ftruncate(descriptor, 0) == 0, "cannot empty \(path): \(String(cString: strerror(errno)))")
    var written = 0
    while written < bytes.count {
      let n = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(written))
      precondition(n > 0 || errno == EINTR, "cannot write \(path): \(String(cString: strerror(errno)))")
      written += max(n, 0)
    }
    return body(path)
  }
}
