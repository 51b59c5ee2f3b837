import Foundation

/// A JSON document read back by a small parser written apart from the
/// writer under test, keeping what a schema check needs: whether a number
/// is an integer, and every object's keys in the order the text has them.
public indirect enum JSONTestValue: Equatable, Sendable {
  case null
  case bool(Bool)
  /// The number, and whether its text was an integer (no fraction or exponent).
  case number(Double, isInteger: Bool)
  case string(String)
  case array([JSONTestValue])
  /// Members in the order of the text.
  case object([(key: String, value: JSONTestValue)])

  /// The member named `key` of an object.
  public subscript(key: String) -> JSONTestValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  public var string: String? { if case .string(let text) = self { text } else { nil } }
  public var array: [JSONTestValue]? { if case .array(let items) = self { items } else { nil } }
  public var members: [(key: String, value: JSONTestValue)]? { if case .object(let members) = self { members } else { nil } }

  /// A JSON array of strings joined, the way nbformat stores multi-line text.
  public var joinedLines: String? { array?.compactMap(\.string).joined() }

  public static func == (a: JSONTestValue, b: JSONTestValue) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.bool(let x), .bool(let y)): x == y
    case (.number(let x, _), .number(let y, _)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.array(let x), .array(let y)): x == y
    // Objects are equal whatever the order of their members, as JSON Schema's enum compares them.
    case (.object(let x), .object(let y)):
      x.count == y.count && x.allSatisfy { member in y.contains { $0.key == member.key && $0.value == member.value } }
    default: false
    }
  }

  /// A parse failure at a byte offset.
  public struct ParseError: Error, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public var description: String { "JSON error at byte \(offset): \(message)" }
  }

  /// Parses a whole document (RFC 8259).
  public static func parse(_ text: String) throws(ParseError) -> JSONTestValue {
    var parser = Parser(bytes: Array(text.utf8))
    let value = try parser.value()
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else { throw parser.error("text after the document") }
    return value
  }

  private struct Parser {
    let bytes: [UInt8]
    var index = 0

    func error(_ message: String) -> ParseError { ParseError(offset: index, message: message) }

    mutating func skipWhitespace() {
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func expect(_ word: String) throws(ParseError) {
      let utf8 = Array(word.utf8)
      guard bytes.count - index >= utf8.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
        throw error("expected \(word)")
      }
      index += utf8.count
    }

    mutating func value() throws(ParseError) -> JSONTestValue {
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end") }
      switch bytes[index] {
      case UInt8(ascii: "n"): try expect("null"); return .null
      case UInt8(ascii: "t"): try expect("true"); return .bool(true)
      case UInt8(ascii: "f"): try expect("false"); return .bool(false)
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "["):
        index += 1
        var items: [JSONTestValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
          items.append(try value())
          skipWhitespace()
          guard index < bytes.count else { throw error("unterminated array") }
          index += 1
          if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
          guard bytes[index - 1] == UInt8(ascii: ",") else { throw error("expected , or ]") }
        }
      case UInt8(ascii: "{"):
        index += 1
        var members: [(key: String, value: JSONTestValue)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
          skipWhitespace()
          guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key") }
          let key = try string()
          skipWhitespace()
          try expect(":")
          members.append((key, try value()))
          skipWhitespace()
          guard index < bytes.count else { throw error("unterminated object") }
          index += 1
          if bytes[index - 1] == UInt8(ascii: "}") { return .object(members) }
          guard bytes[index - 1] == UInt8(ascii: ",") else { throw error("expected , or }") }
        }
      default: return try number()
      }
    }

    mutating func number() throws(ParseError) -> JSONTestValue {
      let start = index
      while index < bytes.count, Self.numberBytes.contains(bytes[index]) { index += 1 }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      guard let number = Double(text) else { throw error("not a value") }
      return .number(number, isInteger: !text.contains { ".eE".contains($0) })
    }

    static let numberBytes = Set("0123456789+-.eE".utf8)

    mutating func string() throws(ParseError) -> String {
      index += 1  // the opening quote
      var scalars = String.UnicodeScalarView()
      var run = index
      func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars) }
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          flush(index)
          index += 1
          return String(scalars)
        }
        guard byte >= 0x20 else { throw error("unescaped control character in a string") }
        guard byte == UInt8(ascii: "\\") else { index += 1; continue }
        flush(index)
        index += 1
        guard index < bytes.count else { break }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800..<0xDC00).contains(code) {
            try expect("\\u")
            let low = try hex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else { throw error("bad \\u escape") }
          scalars.append(scalar)
        default: throw error("bad escape")
        }
        run = index
      }
      throw error("unterminated string")
    }

    mutating func hex4() throws(ParseError) -> UInt32 {
      guard bytes.count - index >= 4, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
        throw error("bad \\u escape")
      }
      index += 4
      return code
    }
  }
}
