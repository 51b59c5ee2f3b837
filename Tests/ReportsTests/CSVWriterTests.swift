import Foundation
import Testing
import TestSupport

@testable import Reports

@Suite struct CSVWriterTests {
  @Test("rows stream to the sink in chunks that join to the whole file")
  func chunks() throws {
    var chunks: [[UInt8]] = []
    var writer = try CSVWriter(columns: ["id", "score"], flushThreshold: 32) {
      (chunk: [UInt8]) throws(ReportError) in chunks.append(chunk)
    }
    #expect(chunks.isEmpty, "the header waits in the buffer")
    var expected = "id,score\n"
    for index in 0..<100 {
      try writer.writeRow([.text("c\(index)"), .number(Double(index) / 4)])
      expected += "c\(index),\(NumberFormatting.shortest(Double(index) / 4)!)\n"
    }
    try writer.finish()
    #expect(writer.rowCount == 100)
    #expect(chunks.count > 10)
    // Each chunk is flushed as soon as it reaches the threshold, so it is at
    // most the threshold plus one row.
    #expect(chunks.allSatisfy { $0.count < 32 + 16 })
    #expect(String(decoding: chunks.joined(), as: UTF8.self) == expected)
  }

  @Test("a rejected row leaves nothing behind and later rows still write")
  func rejectedRow() throws {
    var bytes: [UInt8] = []
    var writer = try CSVWriter(columns: ["a", "b"], format: CSVFormat(formulaGuard: .reject)) {
      (chunk: [UInt8]) throws(ReportError) in bytes += chunk
    }
    try writer.writeRow(["ok", 1])
    #expect(throws: ReportError.formulaCell(column: "b", row: 2, value: "@x")) {
      try writer.writeRow(["fine", "@x"])
    }
    try writer.writeRow(["next", 3])
    try writer.finish()
    #expect(writer.rowCount == 2)
    #expect(String(decoding: bytes, as: UTF8.self) == "a,b\nok,1\nnext,3\n")
  }

  @Test("an error from the sink reaches the caller")
  func sinkError() throws {
    var writer = try CSVWriter(columns: ["a"], flushThreshold: 1) {
      (_: [UInt8]) throws(ReportError) in
      throw ReportError.cannotWriteFile(path: "x.csv", reason: "No space left on device")
    }
    #expect(throws: ReportError.cannotWriteFile(path: "x.csv", reason: "No space left on device")) {
      try writer.writeRow([1])
    }
  }

  @Test("a large file streams through CSVWriter into the atomic writer")
  func largeStream() throws {
    let scratch = TemporaryDirectory()
    let path = scratch.path + "/scores.csv"
    let file = try AtomicFileWriter(path: path)
    var writer = try CSVWriter(columns: ["customer_id", "score"]) {
      (chunk: [UInt8]) throws(ReportError) in try file.append(chunk)
    }
    for index in 0..<20_000 {
      try writer.writeRow([.text("C\(index)"), .number(Double(index) / 8)])
    }
    try writer.finish()
    try file.commit()
    let text = try #require(scratch.contents("scores.csv"))
    let lines = text.split(separator: "\n")
    #expect(lines.count == 20_001)
    #expect(lines.last == "C19999,2499.875")
  }

  /// Awkward cells of every kind: formulas, quotes, delimiters, line breaks, Chinese text, the blanks the
  /// guard looks past, full-width triggers, NUL, long decimals, NaN and infinities.
  static let awkwardTexts: [String?] = [
    "plain", "=1+1", "-x", "@a", "+b", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "山东", "华东,华南", "\u{00A0}=1",
    "\u{3000}x", "＝1", "＋1", "－1", "＠x", "ａ", "tab\tin", "\tlead", " lead", "nul\u{0}in", "", nil, "'quoted", ";",
  ]
  static let awkwardNumbers: [Double] = [
    0, -0.0, 1, -1, 0.1 + 0.2, 1e-7, 1.5e20, 870.2108333333334, 0.6932411783877152, .nan, .infinity, -.infinity,
    10442.53, 1_125_899_906_842_623, 1e-300, 123.456, 2.5e-5,
  ]

  @Test(
    "files written column by column have the bytes of rows of report cells",
    arguments: [
      CSVFormat(), CSVFormat(delimiter: ";", lineEnding: .crlf, byteOrderMark: true), CSVFormat(delimiter: "."),
      CSVFormat(delimiter: "\t", formulaGuard: .strip), CSVFormat(delimiter: "，"),
    ])
  func columnsMatchRows(format: CSVFormat) throws {
    let scratch = TemporaryDirectory()
    let texts = Self.awkwardTexts
    let numbers = Self.awkwardNumbers
    // Enough rows for several pieces and rounds of the file writer.
    let n = 70_000
    let choices: [String?] = ["low", "=high", nil, "华东"]
    let columns: [CSVColumn] = [
      .text("id") { "C\($0)" },
      .text("text") { texts[$0 % texts.count] },
      .number("x") { numbers[$0 % numbers.count] },
      .integer("k") { $0 % 7 - 3 },
      .choice("band", among: choices) { $0 % choices.count },
    ]
    try CSVWriter.writeFile(at: scratch.path + "/columns.csv", columns: columns, format: format, rowCount: n)
    try CSVWriter.writeFile(
      at: scratch.path + "/rows.csv", columns: columns.map(\.name), format: format, rowCount: n
    ) { i, cells in
      cells[0] = .text("C\(i)")
      cells[1] = ReportCell(texts[i % texts.count])
      cells[2] = .number(numbers[i % numbers.count])
      cells[3] = .integer(i % 7 - 3)
      cells[4] = ReportCell(choices[i % choices.count])
    }
    let columnBytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/columns.csv"))
    let rowBytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/rows.csv"))
    #expect(columnBytes.count > n * 10)
    #expect(columnBytes == rowBytes)
  }

  @Test("a file written column by column names the first rejected cell in row order, and is not left behind")
  func columnsRejectFirstRow() throws {
    let scratch = TemporaryDirectory()
    let path = scratch.path + "/out.csv"
    let format = CSVFormat(formulaGuard: .reject)
    // Row 70,001 (index 70,000) is rejected in column "b" and row 70,002 in column "a": "b" is named.
    let columns: [CSVColumn] = [
      .text("a") { $0 == 70_001 || $0 == 75_000 ? "=a" : "a" },
      .choice("b", among: ["ok", "@b"]) { $0 == 70_000 ? 1 : 0 },
      .number("c") { Double($0) },
    ]
    #expect(throws: ReportError.formulaCell(column: "b", row: 70_001, value: "@b")) {
      try CSVWriter.writeFile(at: path, columns: columns, format: format, rowCount: 80_000)
    }
    #expect(throws: ReportError.formulaCell(column: "a", row: 2, value: "=a")) {
      try CSVWriter.writeFile(
        at: path, columns: [.number("x") { Double($0) }, .text("a") { $0 == 1 ? "=a" : "a" }], format: format, rowCount: 3)
    }
    #expect(scratch.contents("out.csv") == nil)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
  }

  @Test("an empty file written column by column has only its header")
  func columnsEmpty() throws {
    let scratch = TemporaryDirectory()
    try CSVWriter.writeFile(at: scratch.path + "/empty.csv", columns: [.text("id") { _ in nil }, .number("x") { _ in 0 }], rowCount: 0)
    #expect(scratch.contents("empty.csv") == "id,x\n")
  }
}
