import Features
import Prediction
import Testing

@Suite("Model formulas")
struct ModelFormulaTests {
  @Test("Terms, transforms and the outcome are read as written")
  func parses() throws {
    let formula = try ModelFormula(parsing: " churn ~ log1p(frequency) + recency_days+C( region ) + log1p(max(monetary_total, 0))")
    #expect(formula.outcome == "churn")
    #expect(formula.terms == [
      ModelTerm("frequency", .log1p), ModelTerm("recency_days"), ModelTerm("region", .categorical),
      ModelTerm("monetary_total", .log1p),
    ])
    #expect(formula.description == "churn ~ log1p(frequency) + recency_days + C(region) + log1p(monetary_total)")
    #expect(try ModelFormula(parsing: "C(地区) + 年龄").terms == [ModelTerm("地区", .categorical), ModelTerm("年龄")])
  }

  @Test("Errors name the column of the first character that cannot be read", arguments: [
    ("churn ~ log1p(frequency", 24, "expected ')', found the end"),
    ("churn ~ sqrt(frequency)", 9, "unknown function 'sqrt'; use log1p(...) or C(...)"),
    ("churn ~ frequency + + age", 21, "expected a column name, found '+'"),
    ("churn ~ frequency age", 19, "expected '+', found 'a'"),
  ])
  func errors(text: String, column: Int, message: String) {
    #expect(throws: PredictionError.invalidFormula(text: text, column: column, message: message)) {
      try ModelFormula(parsing: text)
    }
  }

  @Test("Validation against a table: unknown names get a suggestion, text needs C(), no repeats")
  func validation() {
    let table = FeatureTable(customerIDs: ["a", "b"], columns: [
      .number("recency_days", [1, 2]), .text("region", ["华东", nil]),
    ])
    #expect(throws: PredictionError.unknownColumn(name: "recency_day", suggestion: "recency_days")) {
      try ModelFormula(terms: [ModelTerm("recency_day")]).validate(against: table)
    }
    #expect(throws: PredictionError.invalidTerm(term: "region", reason: "'region' is text; write C(region)")) {
      try ModelFormula(terms: [ModelTerm("region")]).validate(against: table)
    }
    #expect(throws: PredictionError.invalidTerm(term: "log1p(recency_days)", reason: "'recency_days' appears twice")) {
      try ModelFormula(terms: [ModelTerm("recency_days"), ModelTerm("recency_days", .log1p)]).validate(against: table)
    }
  }

  @Test("The default model takes what the table has, with the usual transforms")
  func defaults() {
    let table = FeatureTable(customerIDs: ["a"], columns: [
      .number("recency_days", [1]), .number("frequency", [2]), .number("monetary_avg", [3]), .number("discount_share", [0.5]),
      .number("events_complaint", [1]), .text("region", ["华东"]), .text("city", ["上海"]),
    ])
    #expect(ModelFormula.defaultTerms(for: table) == [
      ModelTerm("recency_days", .log1p), ModelTerm("frequency", .log1p), ModelTerm("events_complaint", .log1p),
      ModelTerm("discount_share"), ModelTerm("region", .categorical),
    ])
    #expect(ModelTerm.defaultTerm(for: "city", in: table) == ModelTerm("city", .categorical))
    #expect(ModelTerm.defaultTerm(for: "monetary_avg", in: table) == ModelTerm("monetary_avg", .log1p))
    #expect(ModelTerm.defaultTerm(for: "nothing", in: table) == nil)
  }
}
