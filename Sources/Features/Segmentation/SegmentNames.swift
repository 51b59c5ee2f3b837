import Foundation
import Yams

/// The user's segment names: a YAML mapping from segment number to name,
/// for `--names names.yaml`.
///
/// ```yaml
/// 0: 高价值忠诚
/// 3: Weekend shoppers
/// ```
///
/// Segments not listed keep their derived names.
public enum SegmentNames {
  /// Reads a names file.
  ///
  /// - Throws: ``FeatureError/invalidConfiguration(path:line:column:message:)``
  ///   naming the line and column of the problem.
  public static func load(path: String, segments k: Int) throws(FeatureError) -> [Int: String] {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw .invalidConfiguration(path: path, line: nil, column: nil, message: "cannot read the file (\(error.localizedDescription))")
    }
    return try parse(yaml: text, path: path, segments: k)
  }

  /// Reads names from YAML text; `path` is used in messages. Lines and
  /// columns are 1-based, as editors show them.
  public static func parse(yaml: String, path: String, segments k: Int) throws(FeatureError) -> [Int: String] {
    let root: Node?
    do { root = try Yams.compose(yaml: yaml) } catch let error as YamlError {
      switch error {
      case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
        .composer(_, let problem, let mark, _):
        throw .invalidConfiguration(path: path, line: mark.line, column: mark.column, message: problem)
      default:
        throw .invalidConfiguration(path: path, line: nil, column: nil, message: "\(error)")
      }
    } catch {
      throw .invalidConfiguration(path: path, line: nil, column: nil, message: "\(error)")
    }
    guard let root else { return [:] }
    guard let pairs = root.mapping else {
      throw .invalidConfiguration(
        path: path, line: root.mark?.line, column: root.mark?.column,
        message: "expected 'segment number: name' pairs at the top level")
    }
    var names: [Int: String] = [:]
    var owner: [String: Int] = [:]
    for (key, value) in pairs {
      guard let text = key.string, let segment = Int(text.trimmingCharacters(in: .whitespaces)) else {
        throw .invalidConfiguration(
          path: path, line: key.mark?.line, column: key.mark?.column,
          message: "'\(key.string ?? "?")' is not a segment number; expected 0 to \(k - 1)")
      }
      guard (0..<k).contains(segment) else {
        throw .invalidConfiguration(
          path: path, line: key.mark?.line, column: key.mark?.column,
          message: "there is no segment \(segment); segments are 0 to \(k - 1)")
      }
      guard case .scalar = value, let name = value.string?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
        throw .invalidConfiguration(
          path: path, line: value.mark?.line, column: value.mark?.column,
          message: "expected a name (text) for segment \(segment)")
      }
      if let other = owner[name] {
        throw .invalidConfiguration(
          path: path, line: value.mark?.line, column: value.mark?.column,
          message: "the name '\(name)' is already given to segment \(other); names must be unique")
      }
      owner[name] = segment
      names[segment] = name
    }
    return names
  }
}
