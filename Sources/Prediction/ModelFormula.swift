import DataIngest
import Features

/// A model written the way statisticians write one:
/// `churn ~ log1p(frequency) + recency_days + C(region)`.
///
/// Terms are separated by `+`; each is a column name, `log1p(name)` or
/// `C(name)` (see ``ModelTerm``). The outcome and `~` may be left out, and
/// the intercept is always fitted. `log1p(max(name, 0))` is read as
/// `log1p(name)`, which already clips at zero.
///
/// ```swift
/// let formula = try ModelFormula(parsing: "churn ~ log1p(frequency) + C(region)")
/// formula.terms   // [log1p(frequency), C(region)]
/// ```
public struct ModelFormula: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The outcome named left of `~`, if any.
  public var outcome: String?
  public var terms: [ModelTerm]

  public init(outcome: String? = nil, terms: [ModelTerm]) {
    self.outcome = outcome
    self.terms = terms
  }

  /// - Throws: ``PredictionError/invalidFormula(text:column:message:)`` with
  ///   the 1-based column of the first character that cannot be read.
  public init(parsing text: String) throws(PredictionError) {
    var parser = FormulaParser(text: text)
    (outcome, terms) = try parser.parse()
  }

  public var description: String {
    (outcome.map { "\($0) ~ " } ?? "") + terms.map(\.description).joined(separator: " + ")
  }

  /// Checks every term against `table`: the column exists and has the kind the
  /// transform needs.
  ///
  /// - Throws: ``PredictionError/unknownColumn(name:suggestion:)`` or
  ///   ``PredictionError/invalidTerm(term:reason:)``.
  public func validate(against table: FeatureTable) throws(PredictionError) {
    var seen = Set<String>()
    for term in terms {
      let isNumber = table.numbers(term.source) != nil
      let isText = table.text(term.source) != nil
      guard isNumber || isText else {
        throw .unknownColumn(name: term.source, suggestion: EditDistance.nearest(to: term.source, among: table.columns.map(\.name)))
      }
      if term.isNumeric && !isNumber {
        throw .invalidTerm(term: term.description, reason: "'\(term.source)' is text; write C(\(term.source))")
      }
      guard seen.insert(term.source).inserted else {
        throw .invalidTerm(term: term.description, reason: "'\(term.source)' appears twice")
      }
    }
  }
}

/// A hand-written reader of ``ModelFormula`` text; positions count
/// characters (so a Chinese column name is one column wide per character).
struct FormulaParser {
  private let characters: [Character]
  private let text: String
  private var position = 0

  init(text: String) {
    self.text = text
    self.characters = Array(text)
  }

  mutating func parse() throws(PredictionError) -> (String?, [ModelTerm]) {
    var outcome: String? = nil
    if characters.contains("~") {
      skipSpaces()
      outcome = try name()
      skipSpaces()
      try expect("~")
    }
    var terms = [try term()]
    skipSpaces()
    while position < characters.count {
      try expect("+")
      terms.append(try term())
      skipSpaces()
    }
    return (outcome, terms)
  }

  private mutating func term() throws(PredictionError) -> ModelTerm {
    skipSpaces()
    let start = position
    let word = try name()
    skipSpaces()
    guard peek == "(" else { return ModelTerm(word, .identity) }
    position += 1
    let transform: ModelTerm.Transform
    switch word {
    case "log1p": transform = .log1p
    case "C": transform = .categorical
    default:
      throw .invalidFormula(text: text, column: start + 1, message: "unknown function '\(word)'; use log1p(...) or C(...)")
    }
    skipSpaces()
    var source = try name()
    skipSpaces()
    if transform == .log1p, source == "max", peek == "(" {
      // log1p(max(x, 0)): the clip log1p already does.
      position += 1
      skipSpaces()
      source = try name()
      skipSpaces()
      try expect(",")
      skipSpaces()
      try expect("0")
      skipSpaces()
      try expect(")")
      skipSpaces()
    }
    try expect(")")
    return ModelTerm(source, transform)
  }

  private mutating func name() throws(PredictionError) -> String {
    let start = position
    while let c = peek, !c.isWhitespace, !"+~(),".contains(c) { position += 1 }
    guard position > start else {
      let found = peek.map { "'\($0)'" } ?? "the end"
      throw .invalidFormula(text: text, column: position + 1, message: "expected a column name, found \(found)")
    }
    return String(characters[start..<position])
  }

  private mutating func expect(_ c: Character) throws(PredictionError) {
    guard peek == c else {
      let found = peek.map { "'\($0)'" } ?? "the end"
      throw .invalidFormula(text: text, column: position + 1, message: "expected '\(c)', found \(found)")
    }
    position += 1
  }

  private mutating func skipSpaces() {
    while let c = peek, c.isWhitespace { position += 1 }
  }

  private var peek: Character? { position < characters.count ? characters[position] : nil }
}

extension ModelFormula {
  /// The default model on `table`'s columns: what an analyst would put in a
  /// first churn or propensity model, each with its usual transform.
  ///
  /// ```
  /// log1p: recency_days, frequency, monetary_total, tenure_days, interpurchase_days_avg,
  ///        orders_90d, distinct_categories, refund_count, events_<type>
  /// as is: discount_share, age
  /// C():   gender, region, member_tier, source
  /// ```
  ///
  /// Columns the table lacks are left out. `monetary_avg` and `spend_90d`
  /// are not in it: on the log scale they are nearly sums of terms already
  /// there, and their coefficients would be unreadable; nor are the 90-day
  /// event counts (`events_<type>_90d`), a part of the whole-history counts. Province and city
  /// are left to `region`, which has enough customers per level.
  public static func defaultTerms(for table: FeatureTable) -> [ModelTerm] {
    let logged = ["recency_days", "frequency", "monetary_total", "tenure_days", "interpurchase_days_avg",
                  "orders_90d", "distinct_categories", "refund_count"]
      + table.columns.map(\.name).filter { $0.hasPrefix("events_") && !$0.hasSuffix("_90d") }
    let asIs = ["discount_share", "age"]
    let categorical = ["gender", "region", "member_tier", "source"]
    return logged.filter { table.numbers($0) != nil }.map { ModelTerm($0, .log1p) }
      + asIs.filter { table.numbers($0) != nil }.map { ModelTerm($0, .identity) }
      + categorical.filter { table.text($0) != nil }.map { ModelTerm($0, .categorical) }
  }
}
