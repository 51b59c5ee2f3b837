import Features
import Foundation
import Yams

/// The rules of a rules file, parsed but not yet checked against data.
///
/// ```yaml
/// # 标签规则 / tag rules
/// tags:
///   - name: 高价值
///     when: monetary_total >= p80(monetary_total) and frequency >= 3
///   - name: young_east
///     description: 18–30, East or South China
///     when: age between 18 and 30 and region in ["华东", "华南"]
/// ```
///
/// Loading checks the YAML, the shape of the file and the grammar of every
/// `when:`; ``compile(for:suggesting:)`` then checks fields and types against
/// a feature table. Either refuses the whole file at its first error, with
/// the file, line and column.
public struct TagRuleSet: Sendable {
  /// The file the rules came from, as given.
  public let path: String
  /// The rules in file order, which is the order of tags in `tags.csv`.
  public let rules: [TagRule]

  /// Reads and parses a rules file.
  ///
  /// - Throws: ``TaggingError``: unreadable file, YAML or shape errors,
  ///   syntax errors, duplicate tag names.
  public static func load(path: String) throws(TaggingError) -> TagRuleSet {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw .unreadableFile(path: path, reason: error.localizedDescription)
    }
    return try parse(yaml: text, path: path)
  }

  /// Parses the text of a rules file; `path` is used in messages.
  public static func parse(yaml: String, path: String) throws(TaggingError) -> TagRuleSet {
    // Without the byte order mark, so columns on line 1 match what libyaml counts.
    let text = yaml.hasPrefix("\u{FEFF}") ? String(yaml.unicodeScalars.dropFirst()) : yaml
    let root: Node?
    do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
      throw yamlError(error, path: path)
    } catch {
      throw .unreadableFile(path: path, reason: "\(error)")
    }
    func fail(_ node: Node?, found: String, expected: String) -> TaggingError {
      .invalidRuleFile(
        FilePosition(file: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1),
        found: found, expected: expected)
    }
    guard let root, let sections = root.mapping else {
      throw fail(root, found: root == nil ? "an empty file" : "no mapping", expected: "a 'tags:' list at the top level")
    }
    var list: Node?
    for (key, value) in sections {
      guard key.string == "tags" else {
        throw fail(key, found: "'\(key.string ?? "?")'", expected: "'tags:' (the only top-level key)")
      }
      list = value
    }
    guard let list else { throw fail(root, found: "no 'tags:'", expected: "a 'tags:' list at the top level") }
    guard let entries = list.sequence, !entries.isEmpty else {
      throw fail(list, found: list.sequence == nil ? "no list" : "an empty list", expected: "a list of '- name: …' / 'when: …' entries under tags")
    }

    // Split by scalars: in Swift "\r\n" is one Character, which a split on "\n" would miss.
    let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      Array($0.filter { $0 != "\r" })
    }
    var rules: [TagRule] = []
    var lineOfName: [String: Int] = [:]
    for entry in entries {
      guard let fields = entry.mapping else {
        throw fail(entry, found: "'\(entry.string ?? "a list")'", expected: "an entry of 'name:' and 'when:'")
      }
      var nameNode: Node?, whenNode: Node?, descriptionNode: Node?
      for (key, value) in fields {
        switch key.string {
        case "name": nameNode = value
        case "when": whenNode = value
        case "description": descriptionNode = value
        default: throw fail(key, found: "'\(key.string ?? "?")'", expected: "name, when or description")
        }
      }
      if let descriptionNode, descriptionNode.scalar == nil {
        throw fail(descriptionNode, found: "a list or mapping", expected: "a description written as text")
      }
      guard let nameNode else { throw fail(entry, found: "an entry without 'name:'", expected: "a tag name") }
      guard case .scalar = nameNode, let name = nameNode.string?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
        throw fail(nameNode, found: "no text", expected: "a tag name")
      }
      guard !name.contains(";"), !name.contains(where: \.isNewline) else {
        throw fail(nameNode, found: "'\(name)'", expected: "a tag name without ';' or line breaks (tags.csv joins tags with ';')")
      }
      let location = FilePosition(file: path, line: nameNode.mark?.line ?? 1, column: nameNode.mark?.column ?? 1)
      if let first = lineOfName[name] { throw .duplicateTag(location, name: name, firstLine: first) }
      lineOfName[name] = location.line
      guard let whenNode else { throw fail(entry, found: "no 'when:' for the tag '\(name)'", expected: "a condition") }
      guard case .scalar(let scalar) = whenNode, let mark = whenNode.mark else {
        throw fail(whenNode, found: "a list or mapping", expected: "a condition written as text")
      }
      let map = ScalarSourceMap(value: scalar.string, style: scalar.style, mark: mark, lines: lines, file: path)
      let expression = try Parser.parse(scalar.string, map: map)
      rules.append(
        TagRule(
          name: name, when: scalar.string, description: descriptionNode?.string, location: location,
          expression: expression, map: map))
    }
    return TagRuleSet(path: path, rules: rules)
  }

  /// Every field the rules name, population functions' arguments included.
  public var fieldNames: Set<String> {
    var names: Set<String> = []
    func visit(_ e: Expression) {
      switch e.kind {
      case .number, .text: break
      case .field(let name): names.insert(name)
      case .function(_, let field, _): names.insert(field)
      case .negate(let x), .not(let x), .missingTest(let x, _): visit(x)
      case .arithmetic(_, let a, let b), .comparison(_, let a, let b), .textMatch(_, let a, let b), .and(let a, let b),
        .or(let a, let b):
        visit(a)
        visit(b)
      case .membership(let x, let items, _): ([x] + items).forEach(visit)
      case .between(let x, let low, let high, _): [x, low, high].forEach(visit)
      }
    }
    rules.forEach { visit($0.expression) }
    return names
  }

  /// Checks every rule against `table` and computes the population
  /// thresholds, before any customer is tagged.
  ///
  /// - Parameter extraNames: field names that are not columns of `table`
  ///   but may be suggested for a misspelt one.
  /// - Throws: ``TaggingError/unknownField(_:name:suggestion:)``,
  ///   ``TaggingError/unknownFunction(_:name:suggestion:)``,
  ///   ``TaggingError/typeMismatch(_:found:expected:)``.
  public func compile(for table: FeatureTable, suggesting extraNames: [String] = []) throws(TaggingError) -> Tagger {
    var checker = RuleChecker(table: table, extraNames: extraNames)
    var conditions: [Condition] = []
    for rule in rules {
      conditions.append(try checker.condition(rule.expression, text: rule.when, map: rule.map))
    }
    return Tagger(rules: rules, conditions: conditions, thresholds: checker.thresholds, customerIDs: table.customerIDs)
  }

  private static func yamlError(_ error: YamlError, path: String) -> TaggingError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
      return .invalidYAML(FilePosition(file: path, line: mark.line, column: mark.column), problem: problem)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .invalidRuleFile(
        FilePosition(file: path, line: context.mark.line, column: context.mark.column),
        found: "the key \(duplicates.joined(separator: ", ")) twice", expected: "each key once per entry")
    default:
      return .unreadableFile(path: path, reason: "\(error)")
    }
  }
}
