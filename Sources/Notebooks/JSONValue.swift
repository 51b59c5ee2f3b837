/// A JSON document, written the way nbformat writes notebooks: Python's
/// `json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)`.
///
/// Matching nbformat byte for byte keeps a notebook's diff empty when Jupyter
/// opens and saves it unchanged, and makes the output depend on nothing but
/// the value (keys are sorted, there is no float formatting to vary).
///
/// ```swift
/// JSONValue.object(["b": .integer(1), "a": .array([])]).rendered()
/// // "{\n \"a\": [],\n \"b\": 1\n}"
/// ```
public enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The text, without a final newline (nbformat's file writer adds one).
  public func rendered() -> String {
    var text = ""
    write(into: &text, depth: 0)
    return text
  }

  /// `text` cut after each line break as Python's `str.splitlines(keepends=True)`
  /// cuts it: the form nbformat stores multi-line strings in.
  public static func lines(_ text: String) -> JSONValue {
    var lines: [JSONValue] = []
    var line = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    var pending = scalars.next()
    while let scalar = pending {
      pending = scalars.next()
      line.append(scalar)
      guard lineBreaks.contains(scalar.value) else { continue }
      if scalar == "\r", pending == "\n" {
        line.append("\n")
        pending = scalars.next()
      }
      lines.append(.string(String(line)))
      line = String.UnicodeScalarView()
    }
    if !line.isEmpty { lines.append(.string(String(line))) }
    return .array(lines)
  }

  /// The line boundaries of Python's `str.splitlines`.
  private static let lineBreaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029]

  private func write(into text: inout String, depth: Int) {
    switch self {
    case .null: text += "null"
    case .bool(let value): text += value ? "true" : "false"
    case .integer(let value): text += String(value)
    case .string(let value): Self.writeString(value, into: &text)
    case .array(let items):
      if items.isEmpty {
        text += "[]"
        return
      }
      text += "["
      for (index, item) in items.enumerated() {
        text += (index == 0 ? "\n" : ",\n") + Self.indent(depth + 1)
        item.write(into: &text, depth: depth + 1)
      }
      text += "\n" + Self.indent(depth) + "]"
    case .object(let members):
      if members.isEmpty {
        text += "{}"
        return
      }
      text += "{"
      // Python sorts keys by code point, not by Swift's collation-aware String order.
      let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
      for (index, key) in keys.enumerated() {
        text += (index == 0 ? "\n" : ",\n") + Self.indent(depth + 1)
        Self.writeString(key, into: &text)
        text += ": "
        members[key]!.write(into: &text, depth: depth + 1)
      }
      text += "\n" + Self.indent(depth) + "}"
    }
  }

  private static func indent(_ depth: Int) -> String { String(repeating: " ", count: depth) }

  /// Python's escapes under `ensure_ascii=False`: quote, backslash and the C0 controls only.
  private static func writeString(_ value: String, into text: inout String) {
    text += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case "\u{08}": text += "\\b"
      case "\u{0C}": text += "\\f"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
