import Foundation
import Testing

@testable import CRMExport

/// A customer whose city or tag starts with a formula trigger never reaches
/// a file unguarded: one case per character and per mode, read back from the file.
@Suite struct FormulaGuardExportTests {
  static let triggers: [String] = ["=", "＝", "@", "＠", "+", "＋", "-", "－", "\t", "\r", "\n", "\0"]

  /// Independent of `FormulaGuard`: spec §6's test, first character or first
  /// after blanks and controls.
  static func isFormulaLike(_ text: String) -> Bool {
    let first: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n", "\0"]
    let afterBlanks: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]
    if let c0 = text.unicodeScalars.first, first.contains(c0) { return true }
    let c1 = text.unicodeScalars.first { !($0.value <= 0x20 || $0 == "\u{A0}" || $0 == "\u{3000}") }
    return c1.map(afterBlanks.contains) ?? false || text.unicodeScalars.contains("\0")
  }

  /// The export of C1 whose city (a text column) or first tag starts with `trigger`.
  private func export(trigger: String, mode: FormulaGuardMode, tag: Bool) throws -> (ExportFixture, Result<ExportResult, Error>) {
    let evil = trigger + "Evil"
    let fixture =
      tag
      ? ExportFixture(tags: [evil + ";High Value", "", "Loyal"])
      : ExportFixture(cities: [evil, "北京", "广州"])
    let result = Result {
      try fixture.export(.zoho) { config in
        config.columns = [
          .init(source: "probability"),
          tag ? .init(source: "tags", formulaGuard: mode) : .init(source: "city", header: "City", formulaGuard: mode),
        ]
      }
    }
    return (fixture, result)
  }

  /// Every cell of the written file, which must exist.
  private func cells(_ fixture: ExportFixture) throws -> [[String]] {
    try #require(ReadBack.csv(fixture.bytes("zoho-update.csv"))).records
  }

  @Test("a dangerous value repeated is guarded and counted every time")
  func repeated() throws {
    let fixture = ExportFixture(cities: ["=Evil", "=Evil", "Lyon"])
    let result = try fixture.export(.zoho) { config in
      config.columns = [.init(source: "probability"), .init(source: "city", header: "City", formulaGuard: .prefix)]
    }
    #expect(try cells(fixture).map { $0[2] } == ["City", "'=Evil", "'=Evil", "Lyon"])
    #expect(result.warnings.first == "City: a value that would run as a spreadsheet formula was written with the prefix guard (2 times)")
  }

  @Test("reject refuses the export and writes nothing", arguments: triggers, [false, true])
  func reject(trigger: String, tag: Bool) throws {
    let (fixture, result) = try export(trigger: trigger, mode: .reject, tag: tag)
    guard case .failure(let error) = result, case .formulaCell(let column, let offender) = error as? ExportError else {
      Issue.record("expected a formula refusal, got \(result)")
      return
    }
    #expect(column == (tag ? "Score Tags" : "City"))
    #expect(offender.customerID == "C1")
    #expect(offender.value.hasSuffix("Evil"))
    #expect(!FileManager.default.fileExists(atPath: fixture.outPath))
  }

  @Test("prefix writes a quote in front, or refuses a tag that cannot be a CRM option", arguments: triggers, [false, true])
  func prefix(trigger: String, tag: Bool) throws {
    let (fixture, result) = try export(trigger: trigger, mode: .prefix, tag: tag)
    if tag && (trigger == "\r" || trigger == "\n") {
      // A tag holding a line break can never match a CRM option: refused, not written.
      guard case .failure(let error) = result, case .forbiddenCharacter = error as? ExportError else {
        Issue.record("expected a refusal, got \(result)")
        return
      }
      return
    }
    _ = try result.get()
    let cell = try cells(fixture)[1][2]
    // NUL is dropped; in free text, line breaks become spaces after the guard.
    let shown = trigger == "\0" ? "" : (trigger == "\r" || trigger == "\n") ? " " : trigger
    #expect(cell == "'" + shown + "Evil" + (tag ? ";High Value" : ""))
    #expect(!Self.isFormulaLike(cell))
    #expect(try result.get().warnings.contains { $0.contains("prefix guard") })
  }

  @Test("strip writes the value without its triggers", arguments: triggers, [false, true])
  func strip(trigger: String, tag: Bool) throws {
    let (fixture, result) = try export(trigger: trigger, mode: .strip, tag: tag)
    _ = try result.get()
    let cell = try cells(fixture)[1][2]
    #expect(cell == "Evil" + (tag ? ";High Value" : ""))
    #expect(!Self.isFormulaLike(cell))
  }

  @Test("off is an explicit opt-in that writes the text as it is")
  func off() throws {
    let (fixture, result) = try export(trigger: "=", mode: .off, tag: false)
    _ = try result.get()
    #expect(try cells(fixture)[1][2] == "=Evil")
  }

  @Test("a trigger after leading blanks or a no-break space is caught too")
  func afterBlanks() throws {
    for lead in [" ", "\u{3000}", "\u{A0}", " \u{1}"] {
      let (_, result) = try export(trigger: lead + "＝", mode: .reject, tag: false)
      #expect(throws: ExportError.self) { try result.get() }
    }
  }

  @Test("numbers the exporter formatted are exempt: a negative decimal stays a number")
  func typedNumbersExempt() throws {
    let fixture = ExportFixture()
    fixture.directory.write("run/scores.csv", "customer_id,probability,risk_band,reason_1,change\nC1,0.5,high,x,-0.04199\nC2,0.5,low,y,-3\nC3,0.5,low,z,+2\n")
    _ = try fixture.export(.zoho) { config in
      config.columns = [.init(source: "change", header: "Change", kind: .decimal, formulaGuard: .reject)]
    }
    let file = try #require(ReadBack.csv(fixture.bytes("zoho-update.csv")))
    #expect(file.records.map { $0[1] } == ["Change", "-0.0420", "-3.0000", "2.0000"])
    #expect(file.rawLines[1].hasSuffix(",-0.0420"), "unquoted, unprefixed")
  }

  @Test("keys are guarded with reject: a key like +8613800000000 is refused")
  func keyGuard() throws {
    let fixture = ExportFixture()
    fixture.directory.write("customers.csv", "customer_id,customer_key\nC1,+8613800000000\nC2,K2\nC3,K3\n")
    #expect {
      try fixture.export(.generic)
    } throws: { error in
      guard case .formulaCell(let column, let offender) = error as? ExportError else { return false }
      return column == "customer_key" && offender.customerID == "C1" && offender.line == 2
    }
  }
}
