import Foundation

/// Paths written into a notebook, which must work from wherever the notebook lies.
public enum RelativePath {
  /// `target` as seen from `directory`, both taken from the current directory
  /// when relative: `to: "out/run", from: "notebooks"` is `../out/run`.
  /// Symbolic links are kept as named (a notebook of `latest` follows `latest`).
  public static func to(_ target: String, from directory: String) -> String {
    let goal = components(target)
    let base = components(directory)
    let shared = zip(goal, base).prefix { $0 == $1 }.count
    let path = Array(repeating: "..", count: base.count - shared) + goal[shared...]
    return path.isEmpty ? "." : path.joined(separator: "/")
  }

  /// `folder/name`, without a `./` in front or a `/` at the end when either part is empty or `.`.
  public static func join(_ folder: String, _ name: String) -> String {
    if name.isEmpty || name == "." { return folder }
    return folder.isEmpty || folder == "." ? name : folder + "/" + name
  }

  /// The absolute path's components, with `.` and `..` worked out.
  private static func components(_ path: String) -> [String] {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var result: [String] = []
    for component in absolute.split(separator: "/") where component != "." {
      if component == ".." { _ = result.popLast() } else { result.append(String(component)) }
    }
    return result
  }
}
