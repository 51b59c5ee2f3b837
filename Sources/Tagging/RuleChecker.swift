import DataIngest
import Features

/// Checks parsed rules against a feature table before any row is evaluated:
/// every field must be a column, every function known, every operand of the
/// right kind. Population functions are computed here, once per run.
struct RuleChecker {
  private enum Operand {
    case number(NumberTerm)
    case text(TextTerm)
  }

  private var numbers: [String: [Double]] = [:]
  private var texts: [String: [String?]] = [:]
  private let names: [String]
  /// Population thresholds in the order rules first use them.
  private(set) var thresholds: [PopulationValue] = []
  private var thresholdIndex: [String: Int] = [:]

  // The rule being checked.
  private var map = ScalarSourceMap(file: "", count: 0)
  private var source: [Unicode.Scalar] = []

  /// - Parameter extraNames: names that are not columns but may be
  ///   suggested for a misspelt field (fields made on demand).
  init(table: FeatureTable, extraNames: [String]) {
    for column in table.columns {
      switch column {
      case .number(let name, let values): numbers[name] = values
      case .text(let name, let values): texts[name] = values
      }
    }
    texts["customer_id"] = table.customerIDs
    names = ["customer_id"] + table.columns.map(\.name) + extraNames
  }

  /// The condition `expression` (the parsed `text`) means on the table.
  mutating func condition(_ expression: Expression, text: String, map: ScalarSourceMap) throws(TaggingError) -> Condition {
    self.map = map
    source = Array(text.unicodeScalars)
    return try condition(expression)
  }

  private mutating func condition(_ e: Expression) throws(TaggingError) -> Condition {
    switch e.kind {
    case .comparison(let op, let a, let b):
      switch try operand(a, expected: "a number or a text") {
      case .number(let left):
        return .compareNumbers(op, left, try number(b, expected: "a number, to compare with \(written(a))"))
      case .text(let left):
        guard op == .equal || op == .notEqual else {
          throw .typeMismatch(
            location(a), found: found(a, isText: true),
            expected: "a number before '\(op.rawValue)' (texts take =, !=, in, contains, starts_with or ends_with)")
        }
        let equal = Condition.textsEqual(left, try text(b, expected: "a text, to compare with \(written(a))"))
        return op == .equal ? equal : .not(equal)
      }
    case .membership(let x, let items, let negated):
      let test: Condition
      switch try operand(x, expected: "a number or a text") {
      case .number(let left):
        test = .numberIn(left, try literals(items, of: x, isText: false) { if case .number(let v) = $0 { v } else { nil } })
      case .text(let left):
        test = .textIn(left, try literals(items, of: x, isText: true) { if case .text(let v) = $0 { v } else { nil } })
      }
      return negated ? .not(test) : test
    case .between(let x, let low, let high, let negated):
      let test = Condition.between(
        try number(x, expected: "a number before 'between'"), low: try number(low, expected: "a number as the lower bound"),
        high: try number(high, expected: "a number as the upper bound"))
      return negated ? .not(test) : test
    case .textMatch(let match, let a, let b):
      return .textMatch(
        match, try text(a, expected: "a text before '\(match.rawValue)'"),
        try text(b, expected: "a text after '\(match.rawValue)'"))
    case .missingTest(let x, let negated):
      let test: Condition
      switch try operand(x, expected: "a field before 'is'") {
      case .number(let term): test = .numberMissing(term)
      case .text(let term): test = .textMissing(term)
      }
      return negated ? .not(test) : test
    case .not(let operand):
      return .not(try condition(operand))
    case .and(let a, let b):
      return .and(try condition(a), try condition(b))
    case .or(let a, let b):
      return .or(try condition(a), try condition(b))
    case .number, .text, .field, .function, .negate, .arithmetic:
      let isText: Bool
      switch try operand(e, expected: "a condition") {
      case .number: isText = false
      case .text: isText = true
      }
      throw .typeMismatch(
        location(e), found: found(e, isText: isText),
        expected: "a condition, true or false for each customer (such as \(written(e)) \(isText ? "= \"…\"" : ">= 1"))")
    }
  }

  /// The values of the list `items` for `x in [items]`, each of the kind of `x`.
  private func literals<Value: Hashable>(
    _ items: [Expression], of x: Expression, isText: Bool, _ value: (Expression.Kind) -> Value?
  ) throws(TaggingError) -> Set<Value> {
    var set: Set<Value> = []
    for item in items {
      guard let v = value(item.kind) else {
        throw .typeMismatch(
          location(item), found: found(item, isText: !isText),
          expected: isText ? "a text in quotes, as \(written(x)) is a text" : "a number, as \(written(x)) is a number")
      }
      set.insert(v)
    }
    return set
  }

  private mutating func number(_ e: Expression, expected: String) throws(TaggingError) -> NumberTerm {
    guard case .number(let term) = try operand(e, expected: expected) else {
      throw .typeMismatch(location(e), found: found(e, isText: true), expected: expected)
    }
    return term
  }

  private mutating func text(_ e: Expression, expected: String) throws(TaggingError) -> TextTerm {
    guard case .text(let term) = try operand(e, expected: expected) else {
      throw .typeMismatch(location(e), found: found(e, isText: false), expected: expected)
    }
    return term
  }

  private mutating func operand(_ e: Expression, expected: String) throws(TaggingError) -> Operand {
    switch e.kind {
    case .number(let value):
      return .number(.constant(value))
    case .text(let value):
      return .text(.constant(value))
    case .field(let name):
      if let values = numbers[name] { return .number(.column(values)) }
      if let values = texts[name] { return .text(.column(values)) }
      throw .unknownField(location(e), name: name, suggestion: EditDistance.nearest(to: name, among: names))
    case .function(let name, let field, let fieldRange):
      return .number(.constant(try threshold(name: name, field: field, at: e, fieldAt: fieldRange)))
    case .negate(let x):
      return .number(.negate(try number(x, expected: "a number after '-'")))
    case .arithmetic(let op, let a, let b):
      let expected = "a number on each side of '\(op.rawValue)'"
      return .number(.arithmetic(op, try number(a, expected: expected), try number(b, expected: expected)))
    case .comparison, .membership, .between, .textMatch, .missingTest, .not, .and, .or:
      throw .typeMismatch(location(e), found: "the condition \(written(e))", expected: expected)
    }
  }

  /// `name(field)` over the table, computed on first use.
  private mutating func threshold(name: String, field: String, at e: Expression, fieldAt fieldRange: Range<Int>) throws(TaggingError) -> Double {
    guard let function = PopulationFunction(name: name) else {
      throw .unknownFunction(
        location(e), name: name, suggestion: EditDistance.nearest(to: name.lowercased(), among: PopulationFunction.names))
    }
    let key = "\(name.lowercased())(\(field))"
    if let index = thresholdIndex[key] { return thresholds[index].value }
    guard let values = numbers[field] else {
      if texts[field] != nil {
        throw .typeMismatch(
          map.location(fieldRange.lowerBound), found: "the text field '\(field)'", expected: "a numeric field in \(name)(…)")
      }
      throw .unknownField(map.location(fieldRange.lowerBound), name: field, suggestion: EditDistance.nearest(to: field, among: names))
    }
    let value = function.value(values)
    thresholdIndex[key] = thresholds.count
    thresholds.append(PopulationValue(expression: key, value: value, count: values.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }))
    return value
  }

  private func location(_ e: Expression) -> FilePosition { map.location(e.range.lowerBound) }

  /// The expression as the rule writes it.
  private func written(_ e: Expression) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: source[e.range.clamped(to: source.indices)])
    return text
  }

  /// How a message names `e`, an operand that is a text or a number.
  private func found(_ e: Expression, isText: Bool) -> String {
    switch e.kind {
    case .field(let name): "the \(isText ? "text" : "number") field '\(name)'"
    case .text, .number: "the \(isText ? "text" : "number") \(written(e))"
    default: isText ? "a text" : "the number \(written(e))"
    }
  }
}
