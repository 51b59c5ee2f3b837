/// Reads a `when:` expression by recursive descent, loosest binding first:
///
/// ```
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := "not" not | predicate
/// predicate  := sum [ ("<" | "<=" | ">" | ">=" | "=" | "==" | "!=") sum
///                   | ["not"] "in" "[" literal ("," literal)* "]"
///                   | ["not"] "between" sum "and" sum
///                   | ("contains" | "starts_with" | "ends_with") sum
///                   | "is" ["not"] "missing" ]
/// sum        := product (("+" | "-") product)*
/// product    := unary (("*" | "/") unary)*
/// unary      := "-" unary | primary
/// primary    := number | text | field | name "(" field ")" | "(" or ")"
/// literal    := ["-"] number | text
/// ```
///
/// The bounds of `between` are sums, which cannot hold `and`, so in
/// `age between 18 and 30 and city = "上海"` the first `and` belongs to
/// `between` and the second joins the two conditions. Comparisons do not
/// chain: `1 < x < 3` is an error, to be written `x between 1 and 3`.
struct Parser {
  private let tokens: [Token]
  private let map: ScalarSourceMap
  private var index = 0

  /// Parses `text`, reporting errors at their place in the file through `map`.
  static func parse(_ text: String, map: ScalarSourceMap) throws(TaggingError) -> Expression {
    var parser = Parser(tokens: try Lexer.tokens(text, map: map), map: map)
    if parser.current.kind == .end {
      throw .syntax(map.location(0), found: "an empty rule", expected: "a condition such as frequency >= 3")
    }
    let expression = try parser.or()
    guard parser.current.kind == .end else {
      throw parser.unexpected(
        expression.isCondition
          ? "'and', 'or' or the end of the rule"
          : "a comparison (such as >= or in), an operator, 'and', 'or' or the end of the rule")
    }
    return expression
  }

  private init(tokens: [Token], map: ScalarSourceMap) {
    self.tokens = tokens
    self.map = map
  }

  private var current: Token { tokens[index] }

  private mutating func take(_ keyword: Keyword) -> Bool {
    guard current.kind == .keyword(keyword) else { return false }
    index += 1
    return true
  }

  private mutating func take(_ symbol: Symbol) -> Bool {
    guard current.kind == .symbol(symbol) else { return false }
    index += 1
    return true
  }

  private func unexpected(_ expected: String) -> TaggingError {
    .syntax(map.location(current.range.lowerBound), found: current.quoted, expected: expected)
  }

  private func span(_ a: Expression, _ b: Expression) -> Range<Int> { a.range.lowerBound..<b.range.upperBound }

  /// One step down the grammar.
  private typealias Rule = (inout Parser) throws(TaggingError) -> Expression
  /// The node an infix operator makes of its operands.
  private typealias Infix = (Expression, Expression) -> Expression.Kind

  /// `operand (operator operand)*`, grouped from the left; `combine` gives
  /// the node of an operator token, `nil` for any other token.
  private mutating func chain(
    _ operand: Rule, _ combine: (Token.Kind) -> Infix?
  ) throws(TaggingError) -> Expression {
    var result = try operand(&self)
    while let node = combine(current.kind) {
      index += 1
      let right = try operand(&self)
      result = Expression(node(result, right), span(result, right))
    }
    return result
  }

  /// `prefix self | operand`: a prefix operator (`not`, `-`) applies to the
  /// rule itself, so it may repeat.
  private mutating func prefixed(
    _ prefix: Token.Kind, _ rule: Rule, _ operand: Rule, _ node: (Expression) -> Expression.Kind
  ) throws(TaggingError) -> Expression {
    let start = current.range.lowerBound
    guard current.kind == prefix else { return try operand(&self) }
    index += 1
    let inner = try rule(&self)
    return Expression(node(inner), start..<inner.range.upperBound)
  }

  private mutating func or() throws(TaggingError) -> Expression {
    try chain({ (p: inout Parser) throws(TaggingError) in try p.and() }) { kind -> Infix? in
      kind == .keyword(.or) ? { a, b in .or(a, b) } : nil
    }
  }

  private mutating func and() throws(TaggingError) -> Expression {
    try chain({ (p: inout Parser) throws(TaggingError) in try p.not() }) { kind -> Infix? in
      kind == .keyword(.and) ? { a, b in .and(a, b) } : nil
    }
  }

  private mutating func not() throws(TaggingError) -> Expression {
    try prefixed(
      .keyword(.not), { (p: inout Parser) throws(TaggingError) in try p.not() },
      { (p: inout Parser) throws(TaggingError) in try p.predicate() }, Expression.Kind.not)
  }

  private mutating func predicate() throws(TaggingError) -> Expression {
    let left = try sum()
    if case .symbol(let symbol) = current.kind, let op = Self.comparison(symbol) {
      index += 1
      let right = try sum()
      return Expression(.comparison(op, left, right), span(left, right))
    }
    guard case .keyword(let keyword) = current.kind else { return left }
    switch keyword {
    case .not:
      index += 1
      if take(.in) { return try membership(left, negated: true) }
      if take(.between) { return try between(left, negated: true) }
      throw unexpected("'in' or 'between' after 'not'")
    case .in:
      index += 1
      return try membership(left, negated: false)
    case .between:
      index += 1
      return try between(left, negated: false)
    case .contains, .startsWith, .endsWith:
      index += 1
      let right = try sum()
      return Expression(.textMatch(TextMatch(rawValue: keyword.rawValue)!, left, right), span(left, right))
    case .is:
      index += 1
      let negated = take(.not)
      let end = current.range.upperBound
      guard take(.missing) else { throw unexpected(negated ? "'missing' after 'is not'" : "'missing' or 'not missing' after 'is'") }
      return Expression(.missingTest(left, negated: negated), left.range.lowerBound..<end)
    case .and, .or, .missing:
      return left
    }
  }

  private static func comparison(_ symbol: Symbol) -> ComparisonOperator? {
    symbol == .doubleEqual ? .equal : ComparisonOperator(rawValue: symbol.rawValue)
  }

  private mutating func membership(_ left: Expression, negated: Bool) throws(TaggingError) -> Expression {
    guard take(.openBracket) else { throw unexpected("'[' to start the list of values") }
    var items = [try literal()]
    while take(.comma) { items.append(try literal()) }
    let end = current.range.upperBound
    guard take(.closeBracket) else { throw unexpected("',' or ']' to close the list") }
    return Expression(.membership(left, items, negated: negated), left.range.lowerBound..<end)
  }

  private mutating func literal() throws(TaggingError) -> Expression {
    let start = current.range.lowerBound
    let negative = take(.minus)
    let token = current
    switch token.kind {
    case .number(let value):
      index += 1
      return Expression(.number(negative ? -value : value), start..<token.range.upperBound)
    case .text(let value) where !negative:
      index += 1
      return Expression(.text(value), token.range)
    default:
      throw unexpected(negative ? "a number after '-'" : "a number or a text in quotes")
    }
  }

  private mutating func between(_ left: Expression, negated: Bool) throws(TaggingError) -> Expression {
    let low = try sum()
    guard take(.and) else { throw unexpected("'and' of 'between … and …'") }
    let high = try sum()
    return Expression(.between(left, low: low, high: high, negated: negated), span(left, high))
  }

  private mutating func sum() throws(TaggingError) -> Expression {
    try chain({ (p: inout Parser) throws(TaggingError) in try p.product() }) { Self.arithmetic($0, [.add, .subtract]) }
  }

  private mutating func product() throws(TaggingError) -> Expression {
    try chain({ (p: inout Parser) throws(TaggingError) in try p.unary() }) { Self.arithmetic($0, [.multiply, .divide]) }
  }

  /// The node of an arithmetic operator token among `allowed`.
  private static func arithmetic(_ kind: Token.Kind, _ allowed: [ArithmeticOperator]) -> Infix? {
    guard case .symbol(let symbol) = kind, let op = ArithmeticOperator(rawValue: symbol.rawValue), allowed.contains(op)
    else { return nil }
    return { a, b in .arithmetic(op, a, b) }
  }

  private mutating func unary() throws(TaggingError) -> Expression {
    try prefixed(
      .symbol(.minus), { (p: inout Parser) throws(TaggingError) in try p.unary() },
      { (p: inout Parser) throws(TaggingError) in try p.primary() }, Expression.Kind.negate)
  }

  private mutating func primary() throws(TaggingError) -> Expression {
    let token = current
    switch token.kind {
    case .number(let value):
      index += 1
      return Expression(.number(value), token.range)
    case .text(let value):
      index += 1
      return Expression(.text(value), token.range)
    case .identifier(let name):
      index += 1
      guard take(.openParenthesis) else { return Expression(.field(name), token.range) }
      let argument = current
      guard case .identifier(let field) = argument.kind else {
        throw unexpected("the name of a numeric field in \(name)(…)")
      }
      index += 1
      let end = current.range.upperBound
      guard take(.closeParenthesis) else { throw unexpected("')' to close \(name)(…)") }
      return Expression(.function(name: name, field: field, fieldRange: argument.range), token.range.lowerBound..<end)
    case .symbol(.openParenthesis):
      index += 1
      let inner = try or()
      let end = current.range.upperBound
      guard take(.closeParenthesis) else { throw unexpected("')' to close the '(' at column \(map.location(token.range.lowerBound).column)") }
      return Expression(inner.kind, token.range.lowerBound..<end)
    default:
      throw unexpected("a number, a text in quotes, a field name or '('")
    }
  }
}

extension Expression {
  /// Whether the grammar alone makes this a condition (true or false per customer).
  var isCondition: Bool {
    switch kind {
    case .comparison, .membership, .between, .textMatch, .missingTest, .not, .and, .or: true
    case .number, .text, .field, .function, .negate, .arithmetic: false
    }
  }
}
