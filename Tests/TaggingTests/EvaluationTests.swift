import Features
import Testing

@testable import Tagging

/// Five customers, worked by hand below.
///
/// | id | frequency | monetary_total | age | city | region | discount_share |
/// |----|----|------|-----|------|------|-----|
/// | A  | 5  | 1000 | 25  | 上海 | 华东 | 0.6 |
/// | B  | 1  | 100  | –   | 广州 | 华南 | 0   |
/// | C  | 3  | 500  | 30  | 杭州 | 华东 | –   |
/// | D  | 0  | 0    | 45  | –    | –    | –   |
/// | E  | 2  | 300  | 18  | 北京 | 华北 | 1   |
let handTable = FeatureTable(
  customerIDs: ["A", "B", "C", "D", "E"],
  columns: [
    .number("frequency", [5, 1, 3, 0, 2]),
    .number("monetary_total", [1000, 100, 500, 0, 300]),
    .number("age", [25, .nan, 30, 45, 18]),
    .text("city", ["上海", "广州", "杭州", nil, "北京"]),
    .text("region", ["华东", "华南", "华东", nil, "华北"]),
    .number("discount_share", [0.6, 0, .nan, .nan, 1]),
  ])

/// The rows tagged by the single rule `when`.
private func tagged(_ when: String) throws -> [String] {
  let set = try TagRuleSet.parse(yaml: "tags:\n  - name: t\n    when: '\(when.replacingOccurrences(of: "'", with: "''"))'\n", path: "r.yaml")
  let assignment = try set.compile(for: handTable).apply()
  return assignment.customerIDs.indices.filter { assignment.membership[0][$0] }.map { assignment.customerIDs[$0] }
}

@Suite struct EvaluationTests {
  @Test("each rule on the hand-made table gives the hand-worked customers")
  func handWorked() throws {
    // p80 of 0, 100, 300, 500, 1000: h = 4 × 0.8 = 3.2, so 500 + 0.2 × 500 = 600.
    #expect(try tagged("monetary_total >= p80(monetary_total) and frequency >= 3") == ["A"])
    // B has no age: unknown and true is unknown, so no tag. C's 30 is inside the bounds.
    #expect(try tagged(#"age between 18 and 30 and region in ["华东", "华南"]"#) == ["A", "C"])
    // not unknown stays unknown: B is not tagged either way.
    #expect(try tagged("not (age < 30)") == ["C", "D"])
    #expect(try tagged("age < 30") == ["A", "E"])
    #expect(try tagged("age is missing") == ["B"])
    #expect(try tagged("age is not missing") == ["A", "C", "D", "E"])
    #expect(try tagged(#"city starts_with "上" or city contains "州""#) == ["A", "B", "C"])
    #expect(try tagged(#"city ends_with "京""#) == ["E"])
    // unknown or true is true (D); unknown or false is unknown (C).
    #expect(try tagged("discount_share > 0.5 or frequency = 0") == ["A", "D", "E"])
    // D's 0 / 0 is missing, not a number.
    #expect(try tagged("monetary_total / frequency >= 200") == ["A"])
    #expect(try tagged("monetary_total / frequency < 200") == ["B", "C", "E"])
    #expect(try tagged(#"region not in ["华东"]"#) == ["B", "E"])
    #expect(try tagged(#"city != "上海""#) == ["B", "C", "E"])
    #expect(try tagged(#"customer_id in ["B", "D"]"#) == ["B", "D"])
    #expect(try tagged("frequency not between 1 and 3") == ["A", "D"])
    #expect(try tagged("-frequency + 2 * 3 > 2 and frequency in [1, 2, 3]") == ["B", "C", "E"])
    #expect(try tagged("monetary_total > mean(monetary_total) + sd(monetary_total)") == ["A"])
  }

  @Test("tags.csv order: each customer's tags follow the rule file")
  func ruleOrder() throws {
    let set = try TagRuleSet.parse(
      yaml: """
        tags:
          - name: young
            when: age < 30
          - name: big
            when: monetary_total >= 500
          - name: 华东
            when: region = "华东"
        """, path: "r.yaml")
    let tagger = try set.compile(for: handTable)
    let assignment = tagger.apply()
    #expect((0..<5).map { assignment.tags(ofRow: $0) } == [["young", "big", "华东"], [], ["big", "华东"], [], ["young"]])
    #expect(assignment.counts == [2, 2, 2])
    #expect(assignment.untaggedCount == 2)
  }

  @Test("Kleene's three-valued and, or, not")
  func truth() {
    let all: [Truth] = [.no, .yes, .unknown]
    let and = all.map { a in all.map { b in a && b } }
    let or = all.map { a in all.map { b in a || b } }
    #expect(and == [[.no, .no, .no], [.no, .yes, .unknown], [.no, .unknown, .unknown]])
    #expect(or == [[.no, .yes, .unknown], [.yes, .yes, .yes], [.unknown, .yes, .unknown]])
    #expect(all.map { !$0 } == [.yes, .no, .unknown])
  }
}
