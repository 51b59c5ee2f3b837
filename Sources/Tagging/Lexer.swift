/// Splits a `when:` expression into tokens: numbers, texts in double quotes,
/// field names (any letters, Chinese included, digits and `_`, or anything
/// in backticks), keywords and operators.
struct Lexer {
  private let scalars: [Unicode.Scalar]
  private let map: ScalarSourceMap
  private var position = 0

  init(_ text: String, map: ScalarSourceMap) {
    scalars = Array(text.unicodeScalars)
    self.map = map
  }

  /// Every token of `text`, ending with ``Token/Kind/end``.
  static func tokens(_ text: String, map: ScalarSourceMap) throws(TaggingError) -> [Token] {
    var lexer = Lexer(text, map: map)
    var tokens: [Token] = []
    repeat { tokens.append(try lexer.next()) } while tokens.last?.kind != .end
    return tokens
  }

  mutating func next() throws(TaggingError) -> Token {
    while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
    let start = position
    guard position < scalars.count else { return Token(kind: .end, range: start..<start, text: "") }
    let first = scalars[position]
    if isDigit(first) || (first == "." && position + 1 < scalars.count && isDigit(scalars[position + 1])) {
      return try number()
    }
    if first == "\"" { return try text() }
    if first == "`" { return try quotedIdentifier() }
    if isIdentifierStart(first) {
      while position < scalars.count, isIdentifierPart(scalars[position]) { position += 1 }
      let word = string(start..<position)
      let kind: Token.Kind = Keyword(rawValue: word.lowercased()).map { .keyword($0) } ?? .identifier(word)
      return Token(kind: kind, range: start..<position, text: word)
    }
    for length in [2, 1] where position + length <= scalars.count {
      if let symbol = Symbol(rawValue: string(position..<position + length)) {
        position += length
        return Token(kind: .symbol(symbol), range: start..<position, text: symbol.rawValue)
      }
    }
    throw .syntax(map.location(start), found: "'\(first)'", expected: expectation(for: first))
  }

  /// Digits with an optional fraction and exponent: `3`, `0.5`, `.5`, `1e6`.
  private mutating func number() throws(TaggingError) -> Token {
    let start = position
    func digits() { while position < scalars.count, isDigit(scalars[position]) { position += 1 } }
    digits()
    if position < scalars.count, scalars[position] == "." {
      position += 1
      digits()
    }
    if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
      var probe = position + 1
      if probe < scalars.count, scalars[probe] == "+" || scalars[probe] == "-" { probe += 1 }
      if probe < scalars.count, isDigit(scalars[probe]) {
        position = probe
        digits()
      }
    }
    let written = string(start..<position)
    if position < scalars.count, isIdentifierPart(scalars[position]) {
      while position < scalars.count, isIdentifierPart(scalars[position]) { position += 1 }
      throw .syntax(
        map.location(start), found: "'\(string(start..<position))'",
        expected: "a number, or a field name that starts with a letter")
    }
    guard let value = Double(written) else {
      throw .syntax(map.location(start), found: "'\(written)'", expected: "a number")
    }
    return Token(kind: .number(value), range: start..<position, text: written)
  }

  /// `"…"` with the escapes `\"`, `\\`, `\n`, `\t` and `\uXXXX`.
  private mutating func text() throws(TaggingError) -> Token {
    let start = position
    position += 1
    var value = ""
    while position < scalars.count {
      let scalar = scalars[position]
      if scalar == "\"" {
        position += 1
        return Token(kind: .text(value), range: start..<position, text: string(start..<position))
      }
      if scalar == "\\" {
        value.unicodeScalars.append(try escape())
        continue
      }
      value.unicodeScalars.append(scalar)
      position += 1
    }
    throw .syntax(map.location(position), found: "the end of the rule", expected: "'\"' to close the text opened at column \(map.location(start).column)")
  }

  private mutating func escape() throws(TaggingError) -> Unicode.Scalar {
    let start = position
    position += 1
    guard position < scalars.count else {
      throw .syntax(map.location(position), found: "the end of the rule", expected: "an escaped character after '\\'")
    }
    let code = scalars[position]
    position += 1
    switch code {
    case "\"", "\\": return code
    case "n": return "\n"
    case "t": return "\t"
    case "u":
      let hex = position + 4 <= scalars.count ? string(position..<position + 4) : ""
      if let value = UInt32(hex, radix: 16), hex.count == 4, let scalar = Unicode.Scalar(value) {
        position += 4
        return scalar
      }
      throw .syntax(map.location(start), found: "'\\u\(hex)'", expected: "four hexadecimal digits after \\u, such as \\u4E2D")
    default:
      throw .syntax(map.location(start), found: "'\\\(code)'", expected: "one of the escapes \\\" \\\\ \\n \\t \\uXXXX")
    }
  }

  /// `` `any name` ``: a field whose name is a keyword or holds spaces or signs.
  private mutating func quotedIdentifier() throws(TaggingError) -> Token {
    let start = position
    position += 1
    while position < scalars.count, scalars[position] != "`" { position += 1 }
    guard position < scalars.count else {
      throw .syntax(map.location(position), found: "the end of the rule", expected: "'`' to close the field name opened at column \(map.location(start).column)")
    }
    position += 1
    let name = string(start + 1..<position - 1)
    guard !name.isEmpty else { throw .syntax(map.location(start), found: "``", expected: "a field name between the backticks") }
    return Token(kind: .identifier(name), range: start..<position, text: string(start..<position))
  }

  /// What to write instead of a character that starts no token.
  private func expectation(for scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "&": "'and'"
    case "|": "'or'"
    case "!": "'!=' or 'not'"
    case "'": "a text in double quotes (\"…\")"
    case "“", "”", "‘", "’", "「", "」": "a text in straight double quotes (\"…\"), not typographic ones"
    case "（", "）", "，", "［", "］", "＝", "＜", "＞", "！":
      "the ASCII '\(Unicode.Scalar(scalar.value - 0xFEE0).map(String.init) ?? "")' (this one is full-width)"
    default: "a number, a text in quotes, a field name or an operator"
    }
  }

  private func string(_ range: Range<Int>) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars[range])
    return text
  }

  private func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic
  }

  private func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
    isIdentifierStart(scalar) || isDigit(scalar)
  }
}
