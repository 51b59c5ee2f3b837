import Testing

@testable import Tagging

/// The parse of `text` standing alone, printed with every operation in parentheses.
private func grouped(_ text: String) throws -> String {
  try Parser.parse(text, map: ScalarSourceMap(file: "t", count: text.unicodeScalars.count)).description
}

/// The error of parsing `text` standing alone at line 1, column 1.
private func syntaxError(_ text: String) -> TaggingError? {
  do {
    _ = try Parser.parse(text, map: ScalarSourceMap(file: "t", count: text.unicodeScalars.count))
    return nil
  } catch {
    return error
  }
}

@Suite struct ParserTests {
  @Test("and binds tighter than or, not tighter than and; arithmetic as usual, left to right")
  func precedence() throws {
    #expect(try grouped("a = 1 or b = 2 and c = 3") == "((a = 1) or ((b = 2) and (c = 3)))")
    #expect(try grouped("not a = 1 and b = 2") == "((not (a = 1)) and (b = 2))")
    #expect(try grouped("not not x is missing") == "(not (not (x is missing)))")
    #expect(try grouped("(a = 1 or b = 2) and c = 3") == "(((a = 1) or (b = 2)) and (c = 3))")
    #expect(try grouped("a + b * c - d / e > -f") == "(((a + (b * c)) - (d / e)) > (-f))")
    #expect(try grouped("a - b - c < 1") == "(((a - b) - c) < 1)")
    #expect(try grouped("spend_90d > 0.5 * monetary_total") == "(spend_90d > (0.5 * monetary_total))")
    #expect(try grouped("monetary_total >= p80(monetary_total)") == "(monetary_total >= p80(monetary_total))")
  }

  @Test("the and of between belongs to between; the next and joins conditions")
  func betweenAnd() throws {
    #expect(
      try grouped(#"age between 18 and 30 and region in ["华东", "华南"]"#)
        == #"((age between 18 and 30) and (region in ["华东", "华南"]))"#)
    #expect(try grouped("x between 1 + 1 and 2 * 3 or y = 0") == "((x between (1 + 1) and (2 * 3)) or (y = 0))")
    #expect(try grouped("x not between 1 and 2") == "(x not between 1 and 2)")
    #expect(try grouped("not x between 1 and 2") == "(not (x between 1 and 2))")
  }

  @Test("lists, text tests, missing tests, keywords in any case, Chinese and quoted names")
  func forms() throws {
    #expect(try grouped("x not in [1, -2.5, 1e3]") == "(x not in [1, -2.5, 1000])")
    #expect(try grouped(#"city starts_with "上" or city ends_with "州""#) == #"((city starts_with "上") or (city ends_with "州"))"#)
    #expect(try grouped(#"name contains "a\"b\\c\u4E2D""#) == #"(name contains "a"b\c中")"#)
    #expect(try grouped("city is not missing") == "(city is not missing)")
    #expect(try grouped("A == 1 AND b != 2 Or NOT c <= 3") == "(((A = 1) and (b != 2)) or (not (c <= 3)))")
    #expect(try grouped("年龄 >= 18 and 城市_2 = \"上海\"") == "((年龄 >= 18) and (城市_2 = \"上海\"))")
    #expect(try grouped("`is` = 1 and `company size` > 2") == "((is = 1) and (company size > 2))")
  }

  @Test("errors name what was found and what was expected, at the right column")
  func errors() {
    let at = { (column: Int) in FilePosition(file: "t", line: 1, column: column) }
    #expect(syntaxError("age between 18 30") == .syntax(at(16), found: "'30'", expected: "'and' of 'between … and …'"))
    #expect(
      syntaxError("age > 3 and")
        == .syntax(at(12), found: "the end of the rule", expected: "a number, a text in quotes, a field name or '('"))
    #expect(syntaxError("1 < x < 3") == .syntax(at(7), found: "'<'", expected: "'and', 'or' or the end of the rule"))
    #expect(
      syntaxError("x y")
        == .syntax(
          at(3), found: "'y'", expected: "a comparison (such as >= or in), an operator, 'and', 'or' or the end of the rule"))
    #expect(syntaxError("(a = 1") == .syntax(at(7), found: "the end of the rule", expected: "')' to close the '(' at column 1"))
    #expect(syntaxError("x in [1,]") == .syntax(at(9), found: "']'", expected: "a number or a text in quotes"))
    #expect(syntaxError("x in 1") == .syntax(at(6), found: "'1'", expected: "'[' to start the list of values"))
    #expect(syntaxError("x is there") == .syntax(at(6), found: "'there'", expected: "'missing' or 'not missing' after 'is'"))
    #expect(syntaxError("x not = 1") == .syntax(at(7), found: "'='", expected: "'in' or 'between' after 'not'"))
    #expect(syntaxError("p80(1) > 3") == .syntax(at(5), found: "'1'", expected: "the name of a numeric field in p80(…)"))
    #expect(syntaxError("") == .syntax(at(1), found: "an empty rule", expected: "a condition such as frequency >= 3"))
  }

  @Test("lexical errors: open texts, bad escapes, full-width and typographic signs, && and ||")
  func lexicalErrors() {
    let at = { (column: Int) in FilePosition(file: "t", line: 1, column: column) }
    #expect(
      syntaxError(#"city = "上海"#)
        == .syntax(at(11), found: "the end of the rule", expected: "'\"' to close the text opened at column 8"))
    #expect(syntaxError(#"city = "a\qb""#) == .syntax(at(10), found: "'\\q'", expected: "one of the escapes \\\" \\\\ \\n \\t \\uXXXX"))
    #expect(
      syntaxError(#"region in ["华东"，"华南"]"#)
        == .syntax(at(16), found: "'，'", expected: "the ASCII ',' (this one is full-width)"))
    #expect(
      syntaxError("city = “上海”")
        == .syntax(at(8), found: "'“'", expected: "a text in straight double quotes (\"…\"), not typographic ones"))
    #expect(syntaxError("a = 1 && b = 2") == .syntax(at(7), found: "'&'", expected: "'and'"))
    #expect(syntaxError("3x > 1") == .syntax(at(1), found: "'3x'", expected: "a number, or a field name that starts with a letter"))
    #expect(syntaxError("`open = 1") == .syntax(at(10), found: "the end of the rule", expected: "'`' to close the field name opened at column 1"))
  }
}
