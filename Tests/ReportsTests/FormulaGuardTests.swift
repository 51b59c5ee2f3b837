import Testing

@testable import Reports

@Suite struct FormulaGuardTests {
  /// Every character that starts a formula, ASCII and full-width.
  static let triggers = [
    "=", "+", "-", "@", "\t", "\r", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
  ]

  @Test("prefix mode puts a single quote before each trigger character", arguments: triggers)
  func prefix(trigger: String) {
    #expect(FormulaGuard.prefix.neutralize(trigger + "SUM(A1)") == "'" + trigger + "SUM(A1)")
  }

  @Test("strip mode removes each leading trigger character", arguments: triggers)
  func strip(trigger: String) {
    #expect(FormulaGuard.strip.neutralize(trigger + "SUM(A1)") == "SUM(A1)")
  }

  @Test("reject mode refuses each trigger character", arguments: triggers)
  func reject(trigger: String) {
    #expect(FormulaGuard.reject.neutralize(trigger + "SUM(A1)") == nil)
  }

  @Test("full-width characters are the ones at U+FF1D, U+FF0B, U+FF0D and U+FF20")
  func fullWidthSpelling() {
    #expect(FormulaGuard.prefix.neutralize("＝1+1") == "'＝1+1")
    #expect(FormulaGuard.prefix.neutralize("＋1") == "'＋1")
    #expect(FormulaGuard.prefix.neutralize("－1") == "'－1")
    #expect(FormulaGuard.prefix.neutralize("＠SUM(A1)") == "'＠SUM(A1)")
  }

  @Test("safe text passes through every mode unchanged", arguments: FormulaGuard.allCases)
  func safeText(mode: FormulaGuard) {
    for text in ["Alice", "a=b", "3-4", "", "'=already quoted", "北京", "1e5", " leading space"] {
      #expect(mode.neutralize(text) == text)
    }
  }

  @Test("a trigger after leading spaces counts, since importers may trim them")
  func leadingSpaces() {
    #expect(FormulaGuard.prefix.neutralize("  =1+1") == "'  =1+1")
    #expect(FormulaGuard.strip.neutralize("  =1+1") == "1+1")
    #expect(FormulaGuard.reject.neutralize(" @x") == nil)
    #expect(FormulaGuard.prefix.neutralize("\u{3000}＝1") == "'\u{3000}＝1")
  }

  @Test("a trigger after a no-break space or a control character counts too")
  func leadingBlanksAndControls() {
    #expect(FormulaGuard.isDangerous("\u{00A0}=1+1"))
    #expect(FormulaGuard.isDangerous("\u{0001}@SUM(A1)"))
    #expect(FormulaGuard.isDangerous("\u{001F}\u{FF0B}1"))
    #expect(FormulaGuard.strip.neutralize("\u{00A0}\u{0001}=1") == "1")
    #expect(FormulaGuard.prefix.neutralize("\u{00A0}-1") == "'\u{00A0}-1")
    #expect(!FormulaGuard.isDangerous("\u{00A0}Alice"))
    #expect(!FormulaGuard.isDangerous("\u{0001}Alice"))
  }

  @Test("NUL anywhere is dangerous; prefix and strip remove it")
  func nul() {
    #expect(FormulaGuard.prefix.neutralize("ab\0c") == "'abc")
    #expect(FormulaGuard.strip.neutralize("ab\0c") == "abc")
    #expect(FormulaGuard.reject.neutralize("ab\0c") == nil)
    #expect(FormulaGuard.prefix.neutralize("\0=1") == "'=1")
    #expect(FormulaGuard.strip.neutralize("\0=1") == "1")
  }

  @Test("strip removes a whole run of triggers, CR LF included")
  func stripRun() {
    #expect(FormulaGuard.strip.neutralize("=-+@x") == "x")
    #expect(FormulaGuard.strip.neutralize("\r\nname") == "name")
    #expect(FormulaGuard.strip.neutralize("--") == "")
    #expect(FormulaGuard.strip.neutralize("=a=b") == "a=b")
  }

  @Test("a combining mark on a trigger does not hide it")
  func combiningMark() {
    #expect(FormulaGuard.isDangerous("=\u{301}1"))
  }

  @Test("modes are spelled prefix, strip and reject")
  func rawValues() {
    #expect(FormulaGuard.allCases.map(\.rawValue) == ["prefix", "strip", "reject"])
  }
}
