/// A number per customer, checked and ready to evaluate. Population
/// functions are already constants here: they were computed once, when the
/// rules were compiled.
indirect enum NumberTerm: Sendable {
  case constant(Double)
  /// `.nan` where missing.
  case column([Double])
  case negate(NumberTerm)
  case arithmetic(ArithmeticOperator, NumberTerm, NumberTerm)

  /// The value of every row. A result that is not a finite number (a
  /// division by zero) is missing.
  func values(count: Int) -> [Double] {
    switch self {
    case .constant(let value): return [Double](repeating: value, count: count)
    case .column(let values): return values
    case .negate(let operand): return operand.values(count: count).map { -$0 }
    case .arithmetic(let op, let a, let b):
      return zip(a.values(count: count), b.values(count: count)).map { x, y in
        let result: Double
        switch op {
        case .add: result = x + y
        case .subtract: result = x - y
        case .multiply: result = x * y
        case .divide: result = x / y
        }
        return result.isFinite ? result : .nan
      }
    }
  }
}

/// A text per customer, checked and ready to evaluate.
enum TextTerm: Sendable {
  case constant(String)
  /// `nil` where missing.
  case column([String?])

  func value(_ row: Int) -> String? {
    switch self {
    case .constant(let text): text
    case .column(let values): values[row]
    }
  }
}

/// A `when:` condition, checked and ready to evaluate over all customers at
/// once, column by column. Negated forms (`not in`, `!=`, `is not missing`)
/// are `not` of the plain form, which three-valued logic makes equivalent.
indirect enum Condition: Sendable {
  case compareNumbers(ComparisonOperator, NumberTerm, NumberTerm)
  case textsEqual(TextTerm, TextTerm)
  case numberIn(NumberTerm, Set<Double>)
  case textIn(TextTerm, Set<String>)
  case between(NumberTerm, low: NumberTerm, high: NumberTerm)
  case textMatch(TextMatch, TextTerm, TextTerm)
  case numberMissing(NumberTerm)
  case textMissing(TextTerm)
  case not(Condition)
  case and(Condition, Condition)
  case or(Condition, Condition)

  /// The truth for each of `count` rows.
  func evaluate(count: Int) -> [Truth] {
    switch self {
    case .compareNumbers(let op, let a, let b):
      return zip(a.values(count: count), b.values(count: count)).map { x, y in
        if x.isNaN || y.isNaN { return .unknown }
        switch op {
        case .less: return Truth(x < y)
        case .lessOrEqual: return Truth(x <= y)
        case .greater: return Truth(x > y)
        case .greaterOrEqual: return Truth(x >= y)
        case .equal: return Truth(x == y)
        case .notEqual: return Truth(x != y)
        }
      }
    case .textsEqual(let a, let b):
      return texts(a, b, count: count) { $0 == $1 }
    case .numberIn(let x, let set):
      return x.values(count: count).map { $0.isNaN ? .unknown : Truth(set.contains($0)) }
    case .textIn(let x, let set):
      return (0..<count).map { row in x.value(row).map { Truth(set.contains($0)) } ?? .unknown }
    case .between(let x, let low, let high):
      let lows = low.values(count: count)
      let highs = high.values(count: count)
      return x.values(count: count).enumerated().map { row, value in
        if value.isNaN || lows[row].isNaN || highs[row].isNaN { return .unknown }
        return Truth(value >= lows[row] && value <= highs[row])
      }
    case .textMatch(let match, let a, let b):
      switch match {
      case .contains: return texts(a, b, count: count) { $0.contains($1) }
      case .startsWith: return texts(a, b, count: count) { $0.hasPrefix($1) }
      case .endsWith: return texts(a, b, count: count) { $0.hasSuffix($1) }
      }
    case .numberMissing(let x):
      return x.values(count: count).map { Truth($0.isNaN) }
    case .textMissing(let x):
      return (0..<count).map { Truth(x.value($0) == nil) }
    case .not(let operand):
      return operand.evaluate(count: count).map { !$0 }
    case .and(let a, let b):
      return zip(a.evaluate(count: count), b.evaluate(count: count)).map { $0 && $1 }
    case .or(let a, let b):
      return zip(a.evaluate(count: count), b.evaluate(count: count)).map { $0 || $1 }
    }
  }

  private func texts(_ a: TextTerm, _ b: TextTerm, count: Int, _ test: (String, String) -> Bool) -> [Truth] {
    (0..<count).map { row in
      guard let x = a.value(row), let y = b.value(row) else { return .unknown }
      return Truth(test(x, y))
    }
  }
}
