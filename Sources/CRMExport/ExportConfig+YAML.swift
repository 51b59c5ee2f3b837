import DataIngest
import Foundation
import Reports
import Yams

extension ExportConfig {
  /// Reads an export config (see `datasets/export.yaml` for a commented one).
  ///
  /// Top-level keys override the profile's settings; a `profiles:` section
  /// holds further overrides per profile, applied after them when that
  /// profile is chosen; `match_key:` names the key; `columns:` lists the
  /// output columns.
  ///
  /// - Throws: ``ExportError/invalidConfiguration(path:line:column:message:)``
  ///   with the 1-based line and column of the problem: YAML syntax, an
  ///   unknown key (with the known ones), a value of the wrong type or out
  ///   of range, an unreadable file.
  public static func load(path: String, profile: CRMProfile) throws(ExportError) -> ExportConfig {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw .invalidConfiguration(
        path: path, line: nil, column: nil, message: "cannot read the file (\(error.localizedDescription))")
    }
    return try parse(yaml: text, path: path, profile: profile)
  }

  /// Reads a config from YAML text; `path` is used in messages and to resolve a relative `match_key: file:`.
  public static func parse(yaml: String, path: String, profile: CRMProfile) throws(ExportError) -> ExportConfig {
    let root: Node?
    do { root = try Yams.compose(yaml: yaml) } catch let error as YamlError {
      throw ConfigReader(path: path).syntaxError(error)
    } catch {
      throw .invalidConfiguration(path: path, line: nil, column: nil, message: "\(error)")
    }
    var config = ExportConfig(profile: profile)
    config.path = path
    guard let root else { return config }
    let reader = ConfigReader(path: path)
    var sections: [(Node, Node)] = []
    for (key, value) in try reader.mapping(root, "the config") {
      if try reader.key(key) == "profiles" {
        sections = Array(try reader.mapping(value, "profiles"))
      } else {
        try config.apply(key, value, reader)
      }
    }
    // Every profile's section is read, so a mistake in one shows whichever profile is chosen.
    var chosen = config
    for (name, section) in sections {
      let nameText = try reader.key(name)
      guard CRMProfile(rawValue: nameText) != nil else {
        throw reader.fail(
          name, "unknown profile '\(nameText)'; expected \(CRMProfile.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      var scratch = config
      for (key, value) in try reader.mapping(section, "profiles: \(nameText)") {
        if try reader.key(key) == "profiles" { throw reader.fail(key, "profiles: cannot be nested") }
        try scratch.apply(key, value, reader)
      }
      if nameText == profile.rawValue { chosen = scratch }
    }
    return chosen
  }

  private mutating func apply(_ key: Node, _ value: Node, _ reader: ConfigReader) throws(ExportError) {
    switch try reader.key(key) {
    case "match_key": try readMatchKey(value, reader)
    case "columns":
      columns = try reader.sequence(value, "columns").map { node throws(ExportError) in try reader.column(node) }
    case "force": force = try reader.bool(value)
    default: try readSetting(key, value, reader)
    }
  }

  static let settingKeys = [
    "format", "encoding", "byte_order_mark", "delimiter", "line_ending", "quote_header", "quote_all", "header_style",
    "date_format", "datetime_format", "boolean", "multiselect_separator", "multiselect_mode", "max_multiselect_values",
    "max_rows", "max_bytes", "max_columns", "text_max_length", "forbidden_characters", "scale", "probability_as",
    "null_token", "empty_cells", "newlines", "file_name", "zoho_mode", "salesforce_tool",
  ]

  private mutating func readSetting(_ keyNode: Node, _ value: Node, _ reader: ConfigReader) throws(ExportError) {
    let key = try reader.key(keyNode)
    switch key {
    case "format": settings.format = try reader.choice(value)
    case "encoding": settings.encoding = try reader.encoding(value)
    case "byte_order_mark": settings.byteOrderMark = try reader.bool(value)
    case "delimiter":
      let text = try reader.string(value)
      guard text.count == 1, let character = text.first else { throw reader.fail(value, "expected one character") }
      settings.delimiter = character == "\t" ? "\t" : character
    case "line_ending": settings.lineEnding = try reader.choice(value)
    case "quote_header": settings.quoteHeader = try reader.bool(value)
    case "quote_all": settings.quoteTypedCells = try reader.bool(value)
    case "header_style": settings.headerStyle = try reader.choice(value)
    case "date_format": settings.dateFormat = try reader.string(value)
    case "datetime_format": settings.dateTimeFormat = try reader.string(value)
    case "boolean":
      let words = try reader.sequence(value, "boolean")
      guard words.count == 2 else { throw reader.fail(value, "expected [true word, false word], e.g. [Yes, No]") }
      settings.trueWord = try reader.string(words[0])
      settings.falseWord = try reader.string(words[1])
    case "multiselect_separator": settings.multiSelectSeparator = try reader.string(value)
    case "multiselect_mode":
      switch try reader.string(value) {
      case "replace": settings.multiSelectAppend = false
      case "append": settings.multiSelectAppend = true
      default: throw reader.fail(value, "expected replace or append")
      }
    case "max_multiselect_values": settings.maxMultiSelectValues = try reader.limit(value)
    case "max_rows": settings.maxRows = try reader.limit(value)
    case "max_bytes": settings.maxBytes = try reader.byteSize(value)
    case "max_columns": settings.maxColumns = try reader.limit(value)
    case "text_max_length": settings.textMaxLength = try reader.limit(value)
    case "forbidden_characters": settings.forbiddenCharacters = try reader.string(value)
    case "scale": settings.decimalScale = try reader.integer(value, in: 0...15)
    case "probability_as":
      switch try reader.string(value) {
      case "unit": settings.probabilityAsPercent = false
      case "percent": settings.probabilityAsPercent = true
      default: throw reader.fail(value, "expected unit (0.8731) or percent (87.31)")
      }
    case "null_token": settings.nullToken = try reader.optionalString(value)
    case "empty_cells": settings.emptyCells = try reader.choice(value)
    case "newlines":
      switch try reader.string(value) {
      case "replace": settings.replaceNewlines = true
      case "keep": settings.replaceNewlines = false
      default: throw reader.fail(value, "expected replace or keep")
      }
    case "file_name":
      let name = try reader.string(value)
      guard !name.isEmpty, !name.contains("/") else { throw reader.fail(value, "expected a file name without a folder") }
      settings.fileName = name
    case "zoho_mode":
      switch try reader.string(value) {
      case "ui": break
      case "bulk":
        settings.headerStyle = .zohoAPI
        settings.keyHeader = "id"
        // The customers file still holds the ids under the UI export's header.
        matchKey.column = matchKey.column ?? "Record Id"
      default: throw reader.fail(value, "expected ui or bulk")
      }
    case "salesforce_tool":
      switch try reader.string(value) {
      case "wizard": settings.maxRows = 50_000
      case "dataloader":
        settings.maxRows = 1_000_000
        settings.dateFormat = settings.dateFormat ?? "yyyy-MM-dd"
      default: throw reader.fail(value, "expected wizard or dataloader")
      }
    default:
      let known = Self.settingKeys + ["match_key", "columns", "profiles", "force"]
      throw reader.fail(keyNode, "unknown key '\(key)'\(reader.suggestion(key, known)); known keys: \(known.joined(separator: ", "))")
    }
  }

  private mutating func readMatchKey(_ node: Node, _ reader: ConfigReader) throws(ExportError) {
    for (keyNode, value) in try reader.mapping(node, "match_key") {
      switch try reader.key(keyNode) {
      case "file":
        let file = try reader.string(value)
        // Relative to the config file, so a config and its customers file travel together.
        let folder = (reader.path as NSString).deletingLastPathComponent
        matchKey.file = file.hasPrefix("/") || folder.isEmpty ? file : "\(folder)/\(file)"
      case "column": matchKey.column = try reader.string(value)
      case "id_column": matchKey.idColumn = try reader.string(value)
      case "header": settings.keyHeader = try reader.string(value)
      case "pattern": settings.keyPattern = try reader.optionalString(value)
      case "missing": matchKey.missing = try reader.choice(value)
      default:
        throw reader.fail(keyNode, "unknown key in match_key; expected file, column, id_column, header, pattern or missing")
      }
    }
  }
}

/// Reads typed values out of YAML nodes, failing with the node's position.
struct ConfigReader {
  let path: String

  func fail(_ node: Node?, _ message: String) -> ExportError {
    .invalidConfiguration(path: path, line: node?.mark?.line, column: node?.mark?.column, message: message)
  }

  func syntaxError(_ error: YamlError) -> ExportError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return .invalidConfiguration(path: path, line: mark.line, column: mark.column, message: problem)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .invalidConfiguration(
        path: path, line: context.mark.line, column: context.mark.column,
        message: "duplicated key \(duplicates.joined(separator: ", "))")
    default:
      return .invalidConfiguration(path: path, line: nil, column: nil, message: "\(error)")
    }
  }

  func mapping(_ node: Node, _ owner: String) throws(ExportError) -> Node.Mapping {
    guard let mapping = node.mapping else { throw fail(node, "expected 'key: value' pairs for \(owner)") }
    return mapping
  }

  func sequence(_ node: Node, _ owner: String) throws(ExportError) -> [Node] {
    guard let sequence = node.sequence else { throw fail(node, "expected a list for \(owner)") }
    return Array(sequence)
  }

  func key(_ node: Node) throws(ExportError) -> String {
    guard case .scalar = node, let text = node.string else { throw fail(node, "expected a key name") }
    return text
  }

  func string(_ node: Node) throws(ExportError) -> String {
    guard case .scalar = node, let text = node.string else { throw fail(node, "expected a text value") }
    return text
  }

  /// Text, or `nil` for `null`, `~` or nothing.
  func optionalString(_ node: Node) throws(ExportError) -> String? {
    if case .scalar(let scalar) = node, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
      return nil
    }
    return try string(node)
  }

  func bool(_ node: Node) throws(ExportError) -> Bool {
    guard let value = node.bool else { throw fail(node, "expected true or false") }
    return value
  }

  func integer(_ node: Node, in range: ClosedRange<Int>) throws(ExportError) -> Int {
    guard let value = node.int, range.contains(value) else {
      throw fail(node, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return value
  }

  /// A positive count, or `nil` for `unlimited`/`null`.
  func limit(_ node: Node) throws(ExportError) -> Int? {
    if let text = node.string, ["unlimited", "null", "~", ""].contains(text) { return nil }
    return try integer(node, in: 1...Int(Int32.max))
  }

  /// Bytes, as a number or with a unit: `8MB`, `20 MB`, `500MiB`, `64KB`; `nil` for `unlimited`.
  func byteSize(_ node: Node) throws(ExportError) -> Int? {
    guard let text = node.string?.replacingOccurrences(of: " ", with: "") else { throw fail(node, "expected a size") }
    if ["unlimited", "null", "~", ""].contains(text) { return nil }
    let units: [(String, Int)] = [
      ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000),
      ("B", 1), ("", 1),
    ]
    for (unit, factor) in units where text.hasSuffix(unit) {
      if let number = Double(text.dropLast(unit.count)), number >= 1, number * Double(factor) < 1e15 {
        return Int(number * Double(factor))
      }
      break
    }
    throw fail(node, "expected a size such as 8MB, 500MiB or 20000000")
  }

  func choice<Choice: RawRepresentable & CaseIterable>(_ node: Node) throws(ExportError) -> Choice
  where Choice.RawValue == String {
    let text = try string(node)
    guard let value = Choice(rawValue: text) else {
      throw fail(node, "'\(text)' is not one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return value
  }

  /// `utf8`, `utf-8` or `gb18030`.
  func encoding(_ node: Node) throws(ExportError) -> TextEncoding {
    let text = try string(node)
    guard let encoding = TextEncoding(exportName: text) else { throw fail(node, "expected utf8 or gb18030") }
    return encoding
  }

  func column(_ node: Node) throws(ExportError) -> ColumnSpec {
    if case .scalar = node { return ColumnSpec(source: try string(node)) }
    var spec = ColumnSpec(source: "")
    var sourceSeen = false
    for (keyNode, value) in try mapping(node, "a column") {
      switch try key(keyNode) {
      case "source":
        spec.source = try string(value)
        sourceSeen = true
      case "header": spec.header = try string(value)
      case "kind": spec.kind = try choice(value)
      case "scale": spec.scale = try integer(value, in: 0...15)
      case "formula_guard": spec.formulaGuard = try choice(value)
      case "allowed": spec.allowed = try sequence(value, "allowed").map { item throws(ExportError) in try string(item) }
      case "on_invalid": spec.onInvalid = try choice(value)
      case "values":
        for (from, to) in try mapping(value, "values") { spec.valueMap[try string(from)] = try string(to) }
      case "as":
        switch try string(value) {
        case "unit": spec.asPercent = false
        case "percent": spec.asPercent = true
        default: throw fail(value, "expected unit or percent")
        }
      default:
        throw fail(
          keyNode, "unknown key in a column; expected source, header, kind, scale, formula_guard, allowed, on_invalid, values or as")
      }
    }
    guard sourceSeen, !spec.source.isEmpty else { throw fail(node, "a column needs a source: (an input column name)") }
    return spec
  }

  /// `; did you mean 'x'?` for the known name nearest to `name`, if any is near.
  func suggestion(_ name: String, _ known: [String]) -> String {
    let scored = known.map { ($0, editDistance(Array(name), Array($0))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return "" }
    return " (did you mean '\(best.0)'?)"
  }

  private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}

extension TextEncoding {
  /// `utf8`, `utf-8` or `gb18030`, as the export command and config spell them.
  public init?(exportName: String) {
    switch exportName.lowercased() {
    case "utf8", "utf-8": self = .utf8
    case "gb18030", "gbk": self = .gb18030
    default: return nil
    }
  }
}
