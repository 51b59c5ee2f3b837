import Foundation

/// A fresh folder under the system's temporary directory, removed on deinit.
public final class TemporaryDirectory {
  public let path: String

  public init() {
    let base = FileManager.default.temporaryDirectory.path
    path = "\(base)/analyze-test-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `bytes` to `name` inside the folder and returns its path.
  @discardableResult
  public func write(_ name: String, bytes: [UInt8]) -> String {
    let file = "\(path)/\(name)"
    let folder = (file as NSString).deletingLastPathComponent
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
    return file
  }

  /// Writes UTF-8 `text` to `name` inside the folder and returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) -> String { write(name, bytes: Array(text.utf8)) }

  /// The names in the folder, sorted.
  public func entries() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  /// The text of `name` inside the folder, or `nil` when there is no such file.
  public func contents(_ name: String) -> String? {
    FileManager.default.contents(atPath: "\(path)/\(name)").map { String(decoding: $0, as: UTF8.self) }
  }

  /// The text of `name` inside the folder.
  public func read(_ name: String) -> String {
    String(decoding: FileManager.default.contents(atPath: "\(path)/\(name)") ?? Data(), as: UTF8.self)
  }
}
