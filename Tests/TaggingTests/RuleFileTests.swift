import Foundation
import Testing

@testable import Tagging

private func parseError(_ yaml: String) -> TaggingError? {
  do {
    _ = try TagRuleSet.parse(yaml: yaml, path: "rules.yaml")
    return nil
  } catch {
    return error
  }
}

private func at(_ line: Int, _ column: Int) -> FilePosition {
  FilePosition(file: "rules.yaml", line: line, column: column)
}

@Suite struct RuleFileTests {
  @Test("rules keep file order, names, conditions and descriptions")
  func reads() throws {
    let set = try TagRuleSet.parse(
      yaml: """
        # 标签规则 / tag rules
        tags:
          - name: 高价值
            when: monetary_total >= p80(monetary_total) and frequency >= 3
          - name: "coupon lover"
            description: most orders with a coupon
            when: discount_share > 0.5
        """, path: "rules.yaml")
    #expect(set.rules.map(\.name) == ["高价值", "coupon lover"])
    #expect(set.rules[1].when == "discount_share > 0.5")
    #expect(set.rules[1].description == "most orders with a coupon")
    #expect(set.rules[0].location == at(3, 11))
    #expect(set.fieldNames == ["monetary_total", "frequency", "discount_share"])
  }

  @Test("an error in a when: is placed at its line and column in the file, whatever the scalar style")
  func positions() {
    let head = "tags:\n  - name: ok\n    when: frequency >= 3\n  - name: broken\n"
    // Plain: the value starts at column 11.
    #expect(
      parseError(head + "    when: age between 18 30\n")
        == .syntax(at(5, 26), found: "'30'", expected: "'and' of 'between … and …'"))
    // Double-quoted, with escapes before the error: \" is two columns for one character.
    #expect(
      parseError(head + #"    when: "city = \"上海\" and and""# + "\n")
        == .syntax(at(5, 30), found: "'and'", expected: "a number, a text in quotes, a field name or '('"))
    // Single-quoted: '' is two columns for one quote.
    #expect(
      parseError(head + #"    when: 'city = "上''海" or or'"# + "\n")
        == .syntax(at(5, 29), found: "'or'", expected: "a number, a text in quotes, a field name or '('"))
    // A literal block: the second line of the condition is line 7 of the file.
    #expect(
      parseError(head + "    when: |\n      city = \"上海\"\n        and and\n")
        == .syntax(at(7, 13), found: "'and'", expected: "a number, a text in quotes, a field name or '('"))
    // The same with Windows line ends.
    #expect(
      parseError((head + "    when: |\n      city = \"上海\"\n        and and\n").replacingOccurrences(of: "\n", with: "\r\n"))
        == .syntax(at(7, 13), found: "'and'", expected: "a number, a text in quotes, a field name or '('"))
    // A plain scalar continued on the next line.
    #expect(
      parseError(head + "    when: city = \"上海\"\n      or or\n")
        == .syntax(at(6, 10), found: "'or'", expected: "a number, a text in quotes, a field name or '('"))
  }

  @Test("a file of the wrong shape is refused with the place of the problem")
  func shape() {
    #expect(parseError("tags:\n  - name: a\n    when: x > 1\n  - name: a\n    when: x < 1\n") == .duplicateTag(at(4, 11), name: "a", firstLine: 2))
    #expect(parseError("tags:\n  - name: a\n    wen: x > 1\n") == .invalidRuleFile(at(3, 5), found: "'wen'", expected: "name, when or description"))
    #expect(parseError("tags:\n  - name: a\n") == .invalidRuleFile(at(2, 5), found: "no 'when:' for the tag 'a'", expected: "a condition"))
    #expect(parseError("tags: []\n") == .invalidRuleFile(at(1, 7), found: "an empty list", expected: "a list of '- name: …' / 'when: …' entries under tags"))
    #expect(parseError("rules:\n  - name: a\n") == .invalidRuleFile(at(1, 1), found: "'rules'", expected: "'tags:' (the only top-level key)"))
    #expect(
      parseError("tags:\n  - name: a;b\n    when: x > 1\n")
        == .invalidRuleFile(at(2, 11), found: "'a;b'", expected: "a tag name without ';' or line breaks (tags.csv joins tags with ';')"))
    #expect(parseError("tags:\n  - name: a\n    when: [x]\n") == .invalidRuleFile(at(3, 11), found: "a list or mapping", expected: "a condition written as text"))
    #expect(parseError("tags:\n  - name: a\n  when: x > 1\n") == .invalidYAML(at(3, 3), problem: "did not find expected '-' indicator"))
  }

  @Test("messages read as file:line:column: what was expected, what was found")
  func messages() {
    #expect(
      TaggingError.syntax(at(5, 26), found: "'30'", expected: "'and' of 'between … and …'").description
        == "rules.yaml:5:26: expected 'and' of 'between … and …', found '30'.")
    #expect(
      TaggingError.unknownField(at(3, 11), name: "monetary_totl", suggestion: "monetary_total").description
        == "rules.yaml:3:11: there is no field 'monetary_totl'; did you mean 'monetary_total'?")
    #expect(
      TaggingError.duplicateTag(at(4, 11), name: "a", firstLine: 2).description
        == "rules.yaml:4:11: the tag 'a' is already defined on line 2; tag names must be unique.")
  }
}
