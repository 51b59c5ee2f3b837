/// One token of a `when:` expression.
struct Token: Equatable {
  enum Kind: Equatable {
    case number(Double)
    case text(String)
    /// A field or function name, bare or written in backticks.
    case identifier(String)
    case keyword(Keyword)
    case symbol(Symbol)
    case end
  }

  let kind: Kind
  /// Where the token stands in the expression, in Unicode scalars.
  let range: Range<Int>
  /// The token as written, for messages.
  let text: String

  /// How messages name the token.
  var quoted: String {
    kind == .end ? "the end of the rule" : "'\(text)'"
  }
}

/// Words with a meaning of their own, matched without regard to case. A
/// field with such a name is written in backticks: `` `missing` ``.
enum Keyword: String, CaseIterable {
  case and, or, not, `in`, between, `is`, missing, contains
  case startsWith = "starts_with"
  case endsWith = "ends_with"
}

enum Symbol: String, CaseIterable {
  case openParenthesis = "("
  case closeParenthesis = ")"
  case openBracket = "["
  case closeBracket = "]"
  case comma = ","
  case plus = "+"
  case minus = "-"
  case times = "*"
  case divide = "/"
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case equal = "="
  case doubleEqual = "=="
  case notEqual = "!="
}
