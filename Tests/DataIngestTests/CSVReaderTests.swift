import DataIngest
import Testing
import TestSupport

/// Reads every record of `text` as arrays of field strings with their line numbers.
func records(
  _ text: String, delimiter: Delimiter? = nil, chunkSize: Int = 1 << 20, bytes: [UInt8]? = nil
) throws -> [(line: Int, fields: [String])] {
  let folder = TemporaryDirectory()
  let path = folder.write("input.csv", bytes: bytes ?? Array(text.utf8))
  let reader = try CSVReader(path: path, options: CSVReaderOptions(delimiter: delimiter, chunkSize: chunkSize))
  var out: [(Int, [String])] = []
  while let record = try reader.next() {
    out.append((record.line, (0..<record.count).map { record.string($0) }))
  }
  return out
}

@Suite struct CSVReaderTests {
  @Test("quoted fields keep delimiters, doubled quotes and line breaks")
  func quoted() throws {
    let rows = try records("a,b,c\n1,\"x,y\",\"say \"\"hi\"\"\"\n2,\"line\nbreak\",z\n3,,\n")
    #expect(rows.map(\.fields) == [["a", "b", "c"], ["1", "x,y", "say \"hi\""], ["2", "line\nbreak", "z"], ["3", "", ""]])
    // The record after the embedded line break starts on line 5.
    #expect(rows.map(\.line) == [1, 2, 3, 5])
  }

  @Test("LF, CRLF and lone CR line ends mix in one file; blank lines are skipped")
  func lineEnds() throws {
    let rows = try records("h1,h2\r\n1,2\n\n3,4\r5,6\r\n\r\n7,8")
    #expect(rows.map(\.fields) == [["h1", "h2"], ["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"]])
    #expect(rows.map(\.line) == [1, 2, 4, 5, 7])
  }

  @Test("a UTF-8 byte-order mark is skipped and noted")
  func byteOrderMark() throws {
    let folder = TemporaryDirectory()
    let path = folder.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("客户ID,金额\nC1,3\n".utf8))
    let reader = try CSVReader(path: path)
    let header = try #require(try reader.next())
    #expect(header.string(0) == "客户ID")
    #expect(reader.hadByteOrderMark)
    #expect(reader.encoding == .utf8)
  }

  @Test("the delimiter is detected from the header line", arguments: [
    ("a;b;c\n1;2;3\n", Delimiter.semicolon), ("a\tb\tc\n1\t2\t3\n", .tab), ("a|b|c\n1|2|3\n", .pipe),
    ("a,b;c\n", .comma), ("a  b   c\n1 2 3\n", .whitespace), ("\"x;y\",b,c\n", .comma),
  ])
  func detectsDelimiter(text: String, expected: Delimiter) throws {
    let folder = TemporaryDirectory()
    let reader = try CSVReader(path: folder.write("d.csv", text))
    #expect(reader.delimiter == expected)
  }

  @Test("whitespace-separated fields: runs of blanks split, leading and trailing blanks vanish")
  func whitespace() throws {
    let rows = try records("  C1    2025-01-02   3   12.50  \nC2 2025-01-03 1 \"9 .5\"\n", delimiter: .whitespace)
    #expect(rows.map(\.fields) == [["C1", "2025-01-02", "3", "12.50"], ["C2", "2025-01-03", "1", "9 .5"]])
  }

  @Test("an unterminated quote runs to the end of the file instead of failing")
  func unterminatedQuote() throws {
    let rows = try records("a,b\n1,\"open\n2,3\n")
    #expect(rows.map(\.fields) == [["a", "b"], ["1", "open\n2,3\n"]])
  }

  @Test("text after a closing quote is kept with the field")
  func textAfterQuote() throws {
    let rows = try records("\"ab\"cd,e\n")
    #expect(rows.map(\.fields) == [["abcd", "e"]])
  }

  @Test("records are the same whatever the chunk size, including splits inside quotes and CRLF")
  func chunkBoundaries() throws {
    var generator = SplitMix64(seed: 42)
    let alphabet: [String] = ["a", "b", "中", ",", "\"", "\n", "\r\n", "\r", " ", "1", "\"\""]
    for _ in 0..<40 {
      var text = ""
      for _ in 0..<Int(generator.next() % 300) {
        text += alphabet[Int(generator.next() % UInt64(alphabet.count))]
      }
      let whole = try records(text, delimiter: .comma, chunkSize: 1 << 20)
      for chunk in [16, 17, 31, 64] {
        let split = try records(text, delimiter: .comma, chunkSize: chunk)
        #expect(split.map(\.fields) == whole.map(\.fields), "chunk \(chunk): \(text.debugDescription)")
        #expect(split.map(\.line) == whole.map(\.line))
      }
    }
  }

  @Test("a missing file is named in the error")
  func missingFile() {
    #expect(throws: IngestError.fileNotFound(path: "/nonexistent/t.csv")) {
      _ = try CSVReader(path: "/nonexistent/t.csv")
    }
  }
}

@Suite struct CSVReaderBlockTests {
  @Test("records read a block at a time are those next() reads, on the same lines", arguments: [16, 37, 1 << 20])
  func sameRecords(chunkSize: Int) throws {
    // Quoted and unquoted blocks, CRLF and lone CR, blank lines, a line
    // break inside quotes, no final line end.
    var text = "id,name,amount\r\n"
    for i in 0..<200 {
      text += i % 17 == 0 ? "\(i),\"a, \"\"quoted\"\"\nname\",\(i).5\r\n" : "\(i),name\(i),\(i)\(i % 5 == 0 ? "\r\r\n" : "\n")"
    }
    text += "last,row,1"
    let expected = try records(text, chunkSize: chunkSize)
    let folder = TemporaryDirectory()
    let reader = try CSVReader(
      path: folder.write("input.csv", bytes: Array(text.utf8)), options: CSVReaderOptions(chunkSize: chunkSize))
    var rows: [(line: Int, fields: [String])] = []
    if let header = try reader.next() { rows.append((header.line, (0..<header.count).map(header.string))) }
    try reader.forEachRemainingRecord { record in
      rows.append((record.line, (0..<record.count).map(record.string)))
      return true
    }
    #expect(rows.map(\.fields) == expected.map(\.fields))
    #expect(rows.map(\.line) == expected.map(\.line))
  }

  @Test("returning false stops the records")
  func stops() throws {
    let folder = TemporaryDirectory()
    let reader = try CSVReader(path: folder.write("input.csv", "a\n1\n2\n3\n"))
    var seen: [String] = []
    try reader.forEachRemainingRecord { record in
      seen.append(record.string(0))
      return seen.count < 2
    }
    #expect(seen == ["a", "1"])
  }
}
