#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh folder under /tmp for files handed to a child process, deleted
/// with everything in it by ``remove()``.
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

  /// Deletes the folder and what it holds, subfolders too (a run folder of `analyze run`).
  func remove() {
    Self.remove(path)
  }

  /// Deletes `path`: a file or link at once, a folder after its entries.
  static func remove(_ path: String) {
    var status = stat()
    guard lstat(path, &status) == 0 else { return }
    guard status.st_mode & S_IFMT == S_IFDIR else {
      unlink(path)
      return
    }
    if let directory = opendir(path) {
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
        }
        if name != "." && name != ".." { remove("\(path)/\(name)") }
      }
      closedir(directory)
    }
    rmdir(path)
  }
}
