import Foundation
import Testing
import TestSupport

@testable import Reports

@Suite struct ReportTableCSVTests {
  @Test("a plain table is a header row then rows, LF-terminated, missing as empty")
  func plain() throws {
    let table = ReportTable(
      title: "ignored", header: [("also", "ignored")], columns: ["name", "count", "score"],
      rows: [["Alice", 3, 0.5], ["Bob", .missing, .number(2, digits: 3)]], notes: ["ignored"])
    #expect(try table.csv() == "name,count,score\nAlice,3,0.5\nBob,,2\n")
  }

  @Test("fields with commas, quotes, CR or LF are quoted, quotes doubled; others are not")
  func quoting() throws {
    let table = ReportTable(
      title: "", columns: ["text"],
      rows: [
        ["a,b"], ["say \"hi\""], ["line1\nline2"], ["cr\rhere"], ["crlf\r\nhere"], ["plain text"],
        ["'q"],
      ])
    let expected = """
      text
      "a,b"
      "say ""hi\"\"\"
      "line1
      line2"
      "cr\rhere"
      "crlf\r\nhere"
      plain text
      'q

      """
    #expect(try table.csv() == expected)
  }

  @Test("CRLF line endings end every record, the last one too")
  func crlf() throws {
    let table = ReportTable(title: "", columns: ["a", "b"], rows: [[1, 2], [3, 4]])
    #expect(try table.csv(lineEnding: .crlf) == "a,b\r\n1,2\r\n3,4\r\n")
  }

  @Test("the byte order mark is EF BB BF at the very start")
  func byteOrderMark() throws {
    let table = ReportTable(title: "", columns: ["城市"], rows: [["北京"]])
    let bytes = try table.csvBytes(format: CSVFormat(byteOrderMark: true))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(Array(bytes.dropFirst(3)) == Array("城市\n北京\n".utf8))
    #expect(try table.csv(byteOrderMark: true) == "\u{FEFF}城市\n北京\n")
    #expect(try table.csvBytes().first == Array("城".utf8).first)
  }

  @Test("another delimiter is used between fields and triggers quoting instead of commas")
  func delimiter() throws {
    let table = ReportTable(title: "", columns: ["a", "b"], rows: [["x,y", "p;q"], [1.5, -2]])
    #expect(try table.csv(delimiter: ";") == "a;b\nx,y;\"p;q\"\n1.5;-2\n")
    #expect(try table.csv(delimiter: "\t") == "a\tb\nx,y\tp;q\n1.5\t-2\n")
    #expect(try table.csv(delimiter: ".") == "a.b\nx,y.p;q\n\"1.5\".-2\n")
  }

  @Test("numbers use the shortest exact form; NaN and infinities are empty")
  func numbers() throws {
    let table = ReportTable(
      title: "", columns: ["v"],
      rows: [
        [.number(0.1 + 0.2)], [1e-7], [.number(1.5e20, digits: 2)], [-0.0], [.number(.nan)],
        [.number(.infinity)], [.integer(-12)],
      ])
    #expect(
      try table.csv() == "v\n0.30000000000000004\n0.0000001\n150000000000000000000\n0\n\n\n-12\n")
  }

  @Test("prefix guard quotes dangerous text, leaves negative numbers alone")
  func prefixGuard() throws {
    let table = ReportTable(
      title: "", columns: ["name", "score"],
      rows: [
        ["=HYPERLINK(\"x\")", -3.5], ["-3.5", .integer(-7)], ["@SUM(A1)", 1], ["＋1", 2],
        ["\tx", 3],
      ])
    let expected = """
      name,score
      "'=HYPERLINK(""x"")",-3.5
      '-3.5,-7
      '@SUM(A1),1
      '＋1,2
      '\tx,3

      """
    #expect(try table.csv() == expected)
  }

  @Test("strip guard removes leading triggers from text only")
  func stripGuard() throws {
    let table = ReportTable(
      title: "", columns: ["name", "score"], rows: [["=1+1", -3.5], ["－5", -0.25], ["ok", 1]])
    #expect(try table.csv(formulaGuard: .strip) == "name,score\n1+1,-3.5\n5,-0.25\nok,1\n")
  }

  @Test("reject guard names the column, the data row and the value")
  func rejectGuard() {
    let table = ReportTable(
      title: "", columns: ["id", "name"], rows: [["c1", "Ann"], ["c2", "=cmd|' /C calc'!A0"]])
    #expect(throws: ReportError.formulaCell(column: "name", row: 2, value: "=cmd|' /C calc'!A0")) {
      try table.csv(formulaGuard: .reject)
    }
  }

  @Test("reject guard lets negative numbers through")
  func rejectNumbers() throws {
    let table = ReportTable(title: "", columns: ["score"], rows: [[-3.5], [.integer(-1)]])
    #expect(try table.csv(formulaGuard: .reject) == "score\n-3.5\n-1\n")
  }

  @Test("column names are text and pass through the guard as row 0")
  func headerGuard() throws {
    let table = ReportTable(title: "", columns: ["=x", "y"], rows: [[1, 2]])
    #expect(try table.csv() == "'=x,y\n1,2\n")
    #expect(throws: ReportError.formulaCell(column: "=x", row: 0, value: "=x")) {
      try table.csv(formulaGuard: .reject)
    }
  }

  @Test(
    "text and numbers read back unchanged with an independent reader",
    arguments: [
      (Character(","), LineEnding.lf), (";", .crlf), ("\t", .lf), ("|", .crlf),
    ])
  func roundTrip(delimiter: Character, lineEnding: LineEnding) throws {
    let texts = [
      "plain", "with, comma", "with; semicolon", "tab\there", "pipe|here", "quote \" inside",
      "\"starts with quote", "multi\nline", "windows\r\nline", "lone\rcr", "", " spaced ",
      "北京市朝阳区", "emoji 👩‍👩‍👧", "trailing\n",
    ]
    var generator = SplitMix64(seed: 7)
    let numbers = (0..<texts.count).map { _ in
      let value = Double(bitPattern: generator.next())
      return value.isFinite ? value : -0.0
    }
    let rows: [[ReportCell]] = zip(texts, numbers).map {
      [.text($0), .number($1), .integer(Int($1.exponent))]
    }
    let table = ReportTable(title: "", columns: ["text", "number", "integer"], rows: rows)
    let csv = try table.csv(delimiter: delimiter, lineEnding: lineEnding, byteOrderMark: true)
    let records = CSVTestReader.records(csv, delimiter: delimiter.unicodeScalars.first!)
    #expect(records.first == ["text", "number", "integer"])
    #expect(records.dropFirst().map { $0[0] } == texts)
    #expect(records.dropFirst().map { Double($0[1]) } == numbers.map { $0 as Double? })
    #expect(!csv.contains("e+") && !csv.contains("e-"))
    #expect(records.dropFirst().map { Int($0[2]) } == numbers.map { Int($0.exponent) })
  }

  @Test("writeCSV writes the table atomically, and a rejected cell leaves no file")
  func writeCSV() throws {
    let scratch = TemporaryDirectory()
    let good = ReportTable(title: "", columns: ["a"], rows: [[1], [2]])
    try good.writeCSV(to: scratch.path + "/good.csv")
    #expect(scratch.contents("good.csv") == "a\n1\n2\n")
    let bad = ReportTable(title: "", columns: ["a"], rows: [["=1"]])
    #expect(throws: ReportError.formulaCell(column: "a", row: 1, value: "=1")) {
      try bad.writeCSV(to: scratch.path + "/bad.csv", format: CSVFormat(formulaGuard: .reject))
    }
    #expect(try scratch.entries() == ["good.csv"])
  }
}
