import Testing

@testable import DataIngest

// Python: list('客户ID,金额\n1,¥12.50😀€'.encode('gb18030')). '¥' (81 30 84 36)
// and '😀' (94 39 FC 36) are four-byte GB18030 sequences; '€' is A2 E3.
let gbSample: [UInt8] = [
  191, 205, 187, 167, 73, 68, 44, 189, 240, 182, 238, 10, 49, 44, 129, 48, 132, 54, 49, 50, 46,
  53, 48, 148, 57, 252, 54, 162, 227,
]
let sampleText = "客户ID,金额\n1,¥12.50😀€"

private func decodeAll(_ bytes: [UInt8], isFinal: Bool = true) throws -> ([UInt8], Int) {
  var decoder = try GB18030Decoder()
  var output: [UInt8] = []
  let used = try bytes.withUnsafeBytes { try decoder.decode($0, isFinal: isFinal, into: &output) }
  return (output, used)
}

@Suite struct GB18030DecoderTests {
  @Test("two-byte and four-byte GB18030 text becomes UTF-8")
  func wholeText() throws {
    let (output, used) = try decodeAll(gbSample)
    #expect(used == gbSample.count)
    #expect(output == Array(sampleText.utf8))
  }

  @Test("a chunk ending inside a four-byte sequence leaves it for the next chunk")
  func splitAcrossChunks() throws {
    var decoder = try GB18030Decoder()
    var output: [UInt8] = []
    // Cut after "81 30" of '¥' (bytes 14...17).
    let first = Array(gbSample[0..<16])
    let used = try first.withUnsafeBytes { try decoder.decode($0, isFinal: false, into: &output) }
    #expect(used == 14)
    #expect(output == Array("客户ID,金额\n1,".utf8))
    let rest = Array(first[used...]) + Array(gbSample[16...])
    let usedRest = try rest.withUnsafeBytes { try decoder.decode($0, isFinal: true, into: &output) }
    #expect(usedRest == rest.count)
    #expect(output == Array(sampleText.utf8))
  }

  @Test("every split point of the sample gives the same text")
  func everySplitPoint() throws {
    for cut in 0...gbSample.count {
      var decoder = try GB18030Decoder()
      var output: [UInt8] = [0x23]  // existing contents are kept
      let first = Array(gbSample[0..<cut])
      let used = try first.withUnsafeBytes { try decoder.decode($0, isFinal: false, into: &output) }
      let rest = Array(first[used...]) + Array(gbSample[cut...])
      _ = try rest.withUnsafeBytes { try decoder.decode($0, isFinal: true, into: &output) }
      #expect(output == Array(("#" + sampleText).utf8), "cut at \(cut)")
    }
  }

  @Test("an incomplete sequence at the end of the final chunk is an error")
  func incompleteFinal() throws {
    #expect(throws: TextDecodingError.invalidByteSequence(offset: 2)) {
      try decodeAll([0x41, 0x42, 0x81, 0x30])
    }
    let (output, used) = try decodeAll([0x41, 0x42, 0x81, 0x30], isFinal: false)
    #expect(used == 2)
    #expect(output == [0x41, 0x42])
  }

  @Test("invalid bytes are reported with their offset in the chunk")
  func invalidBytes() throws {
    // 0xFF never starts a GB18030 sequence; 0x81 0x20 is a lead byte
    // followed by a byte that cannot follow it.
    #expect(throws: TextDecodingError.invalidByteSequence(offset: 3)) {
      try decodeAll([0x41, 0x42, 0x43, 0xFF, 0x44])
    }
    #expect(throws: TextDecodingError.invalidByteSequence(offset: 1)) {
      try decodeAll([0x41, 0x81, 0x20, 0x44])
    }
  }

  @Test("a long chunk is decoded whole")
  func longChunk() throws {
    let repeated = Array(repeating: gbSample, count: 5_000).flatMap { $0 }
    let (output, used) = try decodeAll(repeated)
    #expect(used == repeated.count)
    #expect(output.count == sampleText.utf8.count * 5_000)
    #expect(Array(output.suffix(sampleText.utf8.count)) == Array(sampleText.utf8))
  }

  @Test("empty input consumes nothing")
  func emptyInput() throws {
    let (output, used) = try decodeAll([])
    #expect(used == 0)
    #expect(output.isEmpty)
  }

  @Test("errors describe themselves in one sentence for users")
  func descriptions() {
    #expect(
      TextDecodingError.unsupportedEncoding("GB18030").description
        == "The text encoding GB18030 is not supported on this system (iconv has no converter for it)."
    )
    #expect(TextDecodingError.invalidByteSequence(offset: 17).description.contains("byte offset 17"))
  }
}
