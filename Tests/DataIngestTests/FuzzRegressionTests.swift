import DataIngest
import Testing
import TestSupport

/// Reads the file at `path` to the end; the error that stopped the reader, if any.
private func readError(_ path: String, _ options: CSVReaderOptions) -> IngestError? {
  do {
    let reader = try CSVReader(path: path, options: options)
    while try reader.next() != nil {}
    return nil
  } catch {
    return error
  }
}

/// Inputs that once broke an invariant of the ingest fuzzer
/// (Sources/Fuzz/IngestFuzzer), kept so the bugs stay fixed. Each payload is
/// the minimised crashing input without its two option bytes.
@Suite struct FuzzRegressionTests {
  @Test("a byte that is not GB18030 is reported at its offset in the file, whatever the chunk size")
  func gb18030ErrorOffsetCountsFromTheFileStart() {
    // Sixteen ASCII bytes, then 0xFF: with 16-byte chunks the bad byte comes in the second chunk.
    let payload: [UInt8] = [
      0x00, 0x00, 0x6F, 0x6E, 0x61, 0x72, 0x79, 0x31, 0x2F, 0x30, 0x34, 0x2C, 0x38, 0x00, 0x00, 0x0D, 0xFF,
    ]
    let folder = TemporaryDirectory()
    let path = folder.write("input.csv", bytes: payload)
    let small = readError(path, CSVReaderOptions(encoding: .gb18030, chunkSize: 16))
    let large = readError(path, CSVReaderOptions(encoding: .gb18030))
    #expect(small == large)
    #expect(large?.description.contains("at byte offset 16;") == true)
  }

  @Test("a bad GB18030 byte after a lone CR is reported on the second line, whatever the chunk size")
  func gb18030ErrorLineCountsCarriageReturns() {
    // A lone CR ends line 1; the last byte, 0xE5, starts a sequence the file cuts off.
    let payload: [UInt8] = [
      0x01, 0x00, 0x65, 0x6E, 0x63, 0x65, 0x0D, 0x35, 0x74, 0x31, 0x37, 0x20, 0x31, 0x30, 0x68, 0xE5,
    ]
    let folder = TemporaryDirectory()
    let path = folder.write("input.csv", bytes: payload)
    let small = readError(path, CSVReaderOptions(encoding: .gb18030, chunkSize: 16))
    let large = readError(path, CSVReaderOptions(encoding: .gb18030))
    #expect(small == large)
    guard case .invalidEncoding(_, let line, _) = large else {
      Issue.record("expected an encoding error, got \(String(describing: large))")
      return
    }
    #expect(line == 2)
  }

  @Test("a lone CR inside quotes ends a line, as between records")
  func carriageReturnInsideQuotesEndsALine() throws {
    // The quoted field spans lines 1 to 3 (LF, then a lone CR); 0xA5 on line 4 is cut off by the end.
    let payload: [UInt8] = [
      0x22, 0x35, 0x0A, 0x6C, 0xA5, 0x68, 0x69, 0x0D, 0x4F, 0x35, 0x00, 0x22, 0x35, 0x0A, 0x6C, 0xA5,
    ]
    let folder = TemporaryDirectory()
    let path = folder.write("input.csv", bytes: payload)
    let small = readError(path, CSVReaderOptions(chunkSize: 16))
    let large = readError(path, CSVReaderOptions())
    #expect(small == large)
    guard case .invalidEncoding(_, let line, _) = large else {
      Issue.record("expected an encoding error, got \(String(describing: large))")
      return
    }
    #expect(line == 4)
    #expect(try records("\"a\rb\",c\nd,e\n").map(\.line) == [1, 3])
  }
}
