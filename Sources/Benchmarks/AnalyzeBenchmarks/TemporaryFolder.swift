#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh folder under /tmp for files handed to a child process; flat (no
/// subfolders), and deleted with what it holds by ``remove()``.
struct TemporaryFolder {
  let path: String

  /// Creates `/tmp/analyze-bench-<label>-XXXXXX`.
  init(label: String) throws(BenchmarkError) {
    var template = Array("/tmp/analyze-bench-\(label)-XXXXXX".utf8CString)
    guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw .system(call: "mkdtemp", errno: errno)
    }
    path = String(cString: created)
  }

  /// Deletes the files in the folder, then the folder.
  func remove() {
    guard let directory = opendir(path) else { return }
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      if name != "." && name != ".." { unlink("\(path)/\(name)") }
    }
    closedir(directory)
    rmdir(path)
  }
}
