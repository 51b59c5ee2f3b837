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
}
