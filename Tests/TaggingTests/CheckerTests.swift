import Features
import Testing

@testable import Tagging

/// The error compiling the single rule `when` (on line 3, from column 11) for the hand-made table.
private func checkError(_ when: String, extraNames: [String] = []) -> TaggingError? {
  do {
    let set = try TagRuleSet.parse(yaml: "tags:\n  - name: t\n    when: \(when)\n", path: "r.yaml")
    _ = try set.compile(for: handTable, suggesting: extraNames)
    return nil
  } catch {
    return error
  }
}

private func at(_ column: Int) -> FilePosition { FilePosition(file: "r.yaml", line: 3, column: column) }

@Suite struct CheckerTests {
  @Test("unknown fields and functions are refused before any row is evaluated, with the nearest name")
  func names() {
    #expect(checkError("monetary_totl > 3") == .unknownField(at(11), name: "monetary_totl", suggestion: "monetary_total"))
    #expect(checkError("frequency > 1 and xyz > 3") == .unknownField(at(29), name: "xyz", suggestion: nil))
    #expect(checkError("Age > 3") == .unknownField(at(11), name: "Age", suggestion: "age"))
    #expect(checkError("category_数吗 >= 1", extraNames: ["category_数码"]) == .unknownField(at(11), name: "category_数吗", suggestion: "category_数码"))
    #expect(checkError("age > meen(age)") == .unknownFunction(at(17), name: "meen", suggestion: "mean"))
    #expect(checkError("age > p100(age)") == .unknownFunction(at(17), name: "p100", suggestion: nil))
    #expect(checkError("age > p80(agee)") == .unknownField(at(21), name: "agee", suggestion: "age"))
  }

  @Test("text against number and other type errors name both sides")
  func types() {
    #expect(
      checkError("city > 3")
        == .typeMismatch(
          at(11), found: "the text field 'city'",
          expected: "a number before '>' (texts take =, !=, in, contains, starts_with or ends_with)"))
    #expect(checkError(#"age = "30""#) == .typeMismatch(at(17), found: #"the text "30""#, expected: "a number, to compare with age"))
    #expect(checkError("city = frequency") == .typeMismatch(at(18), found: "the number field 'frequency'", expected: "a text, to compare with city"))
    #expect(checkError(#"region in ["华东", 3]"#) == .typeMismatch(at(28), found: "the number 3", expected: "a text in quotes, as region is a text"))
    #expect(checkError(#"age in [18, "30"]"#) == .typeMismatch(at(23), found: #"the text "30""#, expected: "a number, as age is a number"))
    #expect(checkError(#"age contains "3""#) == .typeMismatch(at(11), found: "the number field 'age'", expected: "a text before 'contains'"))
    #expect(checkError("age > p80(city)") == .typeMismatch(at(21), found: "the text field 'city'", expected: "a numeric field in p80(…)"))
    #expect(checkError("city between 1 and 2") == .typeMismatch(at(11), found: "the text field 'city'", expected: "a number before 'between'"))
    #expect(checkError("city + 1 > 2") == .typeMismatch(at(11), found: "the text field 'city'", expected: "a number on each side of '+'"))
    #expect(
      checkError("(age > 1) + 1 > 2")
        == .typeMismatch(at(11), found: "the condition (age > 1)", expected: "a number on each side of '+'"))
    #expect(
      checkError("age")
        == .typeMismatch(
          at(11), found: "the number field 'age'", expected: "a condition, true or false for each customer (such as age >= 1)"))
  }

  @Test("population thresholds are computed once per function and field, in order of use")
  func thresholds() throws {
    let set = try TagRuleSet.parse(
      yaml: """
        tags:
          - name: a
            when: monetary_total >= p80(monetary_total) and age < median(age)
          - name: b
            when: monetary_total < P80(monetary_total)
        """, path: "r.yaml")
    let tagger = try set.compile(for: handTable)
    // np.percentile([0, 100, 300, 500, 1000], 80) = 600.0000000000001 (h = 4 × 0.8 rounds up);
    // median of 18, 25, 30, 45 (B's missing age left out) = 27.5.
    #expect(
      tagger.thresholds == [
        PopulationValue(expression: "p80(monetary_total)", value: 600.0000000000001, count: 5),
        PopulationValue(expression: "median(age)", value: 27.5, count: 4),
      ])
  }
}
