import Testing

@testable import DataIngest
import Randomness

@Suite struct CSVTokenizerTests {
  /// A record as the tests compare it: its line, fields and raw text.
  private struct Record: Equatable {
    let line: Int
    let fields: [String]
    let raw: String
  }

  /// The records of `text` read as one block of a file, and the block's line ends.
  private static func blockRecords(_ text: [UInt8], _ delimiter: Delimiter) -> ([Record], Int) {
    let block = CSVBlock()
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, text.count))
    bytes.initialize(from: text, count: text.count)
    _ = block.exchange(bytes: bytes, capacity: max(1, text.count), range: 0..<text.count, isAtEndOfFile: true, bytesRead: text.count)
    var records: [Record] = []
    let lines = CSVTokenizer(delimiter: delimiter).forEachRecord(in: block) { record in
      records.append(Record(line: record.line, fields: (0..<record.count).map(record.string), raw: record.rawText))
    }
    return (records, lines)
  }

  /// The same, one record at a time with the reader's tokenizing of a stream.
  private static func streamRecords(_ text: [UInt8], _ delimiter: Delimiter) -> ([Record], Int) {
    let tokenizer = CSVTokenizer(delimiter: delimiter)
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, text.count))
    defer { scratch.deallocate() }
    var records: [Record] = []
    var line = 0
    text.withUnsafeBufferPointer { buffer in
      let bytes = buffer.baseAddress ?? UnsafePointer(scratch)
      var p = 0
      while true {
        p = tokenizer.skipBlankLines(bytes, from: p, end: text.count, atEndOfFile: true, line: &line)
        guard p < text.count else { break }
        var next = 0
        var used = 0
        let record = tokenizer.record(
          bytes, from: p, end: text.count, atEndOfFile: true, line: &line, next: &next, scratch: scratch,
          scratchUsed: &used)!
        records.append(Record(line: record.line, fields: (0..<record.count).map(record.string), raw: record.rawText))
        p = next
      }
    }
    return (records, line)
  }

  @Test("blocks without quotes are cut where the byte-by-byte tokenizer cuts them", arguments: [Delimiter.comma, .tab])
  func unquotedBlocks(delimiter: Delimiter) {
    // Seeded, over cells, delimiters, LF, CR, CRLF and blank lines,
    // from empty blocks to ones of several thousand bytes and records of
    // more than 64 fields.
    var random = SplitMix64(seed: 0xD1B5_4A32_D192_ED03)
    func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
    let pieces: [[UInt8]] = [[0x61], [0x62, 0x63], Array("客户".utf8), [delimiter.byte!], [0x0A], [0x0D], [0x0D, 0x0A], [0x20]]
    for length in [0, 1, 2, 63, 64, 65, 200, 5000] {
      for _ in 0..<20 {
        var text: [UInt8] = []
        while text.count < length { text += pieces[next(pieces.count)] }
        if next(4) == 0 { text += Array(repeating: delimiter.byte!, count: 70) + [0x0A] }
        let (fast, fastLines) = Self.blockRecords(text, delimiter)
        let (scalar, scalarLines) = Self.streamRecords(text, delimiter)
        #expect(fast == scalar, "text \(text)")
        #expect(fastLines == scalarLines)
      }
    }
  }

  @Test("a hand-worked block: CRLF, a lone CR, a blank line, an empty last field, no final line end")
  func handWorked() {
    let (records, lines) = Self.blockRecords(Array("a,b\r\nc,\r\rd\n\ne,f,g".utf8), .comma)
    #expect(
      records == [
        Record(line: 0, fields: ["a", "b"], raw: "a,b"), Record(line: 1, fields: ["c", ""], raw: "c,"),
        Record(line: 3, fields: ["d"], raw: "d"), Record(line: 5, fields: ["e", "f", "g"], raw: "e,f,g"),
      ])
    #expect(lines == 6)
  }
}
