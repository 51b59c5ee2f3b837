import CRMExport
import Foundation

/// SHA-256 of files for run manifests, read in 4 MiB pieces.
enum FileDigest {
  static func sha256(path: String) -> String? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    var hash = SHA256()
    while let chunk = try? handle.read(upToCount: 1 << 22), !chunk.isEmpty { hash.update(chunk) }
    return hash.finalize().hex
  }
}
