/// A parsed `when:` expression: the tree the grammar gives, before names
/// and types are checked against a feature table.
struct Expression: Equatable, Sendable {
  indirect enum Kind: Equatable, Sendable {
    case number(Double)
    case text(String)
    case field(String)
    /// A population function such as `p80(monetary_total)`.
    case function(name: String, field: String, fieldRange: Range<Int>)
    case negate(Expression)
    case arithmetic(ArithmeticOperator, Expression, Expression)
    case comparison(ComparisonOperator, Expression, Expression)
    /// `x in [a, b]`, or `x not in [a, b]` when negated.
    case membership(Expression, [Expression], negated: Bool)
    /// `x between low and high`, bounds included.
    case between(Expression, low: Expression, high: Expression, negated: Bool)
    case textMatch(TextMatch, Expression, Expression)
    /// `x is missing`, or `x is not missing` when negated.
    case missingTest(Expression, negated: Bool)
    case not(Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
  }

  let kind: Kind
  /// The expression's text, in Unicode scalars of the `when:` value.
  let range: Range<Int>

  init(_ kind: Kind, _ range: Range<Int>) {
    self.kind = kind
    self.range = range
  }
}

enum ArithmeticOperator: String, Sendable { case add = "+", subtract = "-", multiply = "*", divide = "/" }

/// `=` and `==` are both `equal`.
enum ComparisonOperator: String, Sendable {
  case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "=", notEqual = "!="
}

enum TextMatch: String, Sendable { case contains, startsWith = "starts_with", endsWith = "ends_with" }

extension Expression: CustomStringConvertible {
  /// The expression with every operation in parentheses, so tests can see
  /// how it was grouped: `a or b and c` is `(a or (b and c))`.
  var description: String {
    switch kind {
    case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .text(let value): "\"\(value)\""
    case .field(let name): name
    case .function(let name, let field, _): "\(name)(\(field))"
    case .negate(let operand): "(-\(operand))"
    case .arithmetic(let op, let a, let b): "(\(a) \(op.rawValue) \(b))"
    case .comparison(let op, let a, let b): "(\(a) \(op.rawValue) \(b))"
    case .membership(let x, let items, let negated):
      "(\(x) \(negated ? "not in" : "in") [\(items.map(\.description).joined(separator: ", "))])"
    case .between(let x, let low, let high, let negated): "(\(x) \(negated ? "not between" : "between") \(low) and \(high))"
    case .textMatch(let match, let a, let b): "(\(a) \(match.rawValue) \(b))"
    case .missingTest(let x, let negated): "(\(x) is \(negated ? "not missing" : "missing"))"
    case .not(let operand): "(not \(operand))"
    case .and(let a, let b): "(\(a) and \(b))"
    case .or(let a, let b): "(\(a) or \(b))"
    }
  }
}
