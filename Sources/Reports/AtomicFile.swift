#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whole-file writes that readers never see half done, and `mkdir -p`.
public enum AtomicFile {
  /// Writes `bytes` to `path` through a temporary file and `rename(2)`.
  ///
  /// An existing file at `path` is replaced in one step; on failure it is
  /// left as it was and no temporary file remains. See ``AtomicFileWriter``
  /// for the streaming form.
  ///
  /// - Parameters:
  ///   - bytes: the whole contents, for example `text.utf8` or a `[UInt8]`.
  ///   - path: the file to create or replace; its directory must exist.
  /// - Throws: ``ReportError/cannotCreateFile(path:reason:)``,
  ///   ``ReportError/cannotWriteFile(path:reason:)`` or
  ///   ``ReportError/cannotReplaceFile(path:reason:)``, naming `path` and
  ///   the system's reason.
  public static func write<Bytes: Collection<UInt8>>(_ bytes: Bytes, to path: String)
    throws(ReportError)
  {
    let file = try AtomicFileWriter(path: path)
    try file.append(bytes)
    try file.commit()
  }

  /// Creates the directory `path` and any missing parents, like `mkdir -p`.
  ///
  /// Existing directories are fine; an existing non-directory is not.
  ///
  /// - Throws: ``ReportError/cannotCreateDirectory(path:reason:)`` naming
  ///   `path`, for example when a parent is a regular file.
  public static func createDirectory(_ path: String) throws(ReportError) {
    guard !path.isEmpty else {
      throw .cannotCreateDirectory(path: path, reason: "the path is empty")
    }
    // Each prefix ending before a "/" (and the whole path), shortest first.
    var prefixes: [String] = []
    var index = path.startIndex
    while let slash = path[index...].firstIndex(of: "/") {
      if slash != path.startIndex { prefixes.append(String(path[..<slash])) }
      index = path.index(after: slash)
    }
    prefixes.append(path)
    for prefix in prefixes {
      if mkdir(prefix, 0o777) == 0 { continue }
      let error = errno
      // EEXIST is fine only if what exists is a directory; other errors on
      // an existing directory (EACCES on "/home") are fine for the same reason.
      var info = stat()
      if stat(prefix, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { continue }
      let reason =
        error == EEXIST
        ? "\"\(prefix)\" exists and is not a directory"
        : AtomicFileWriter.errorText(error)
      throw .cannotCreateDirectory(path: path, reason: reason)
    }
  }
}
