import Testing

@testable import DataIngest

@Suite struct GB18030EncoderTests {
  @Test("text becomes the GB18030 bytes Python writes, four-byte sequences included")
  func sample() throws {
    var encoder = try GB18030Encoder()
    #expect(try encoder.encode(sampleText) == gbSample)
  }

  @Test("ASCII is unchanged and the empty string is empty")
  func ascii() throws {
    var encoder = try GB18030Encoder()
    #expect(try encoder.encode("Record Id,0.8731\r\n") == Array("Record Id,0.8731\r\n".utf8))
    #expect(try encoder.encode("") == [])
  }

  @Test("the decoder reads back what the encoder wrote, for text from every plane")
  func roundTrip() throws {
    // Python: '高风险;邮件活跃 ＝＋－＠ é ß ゆ 한 𠀀 😀'.encode('gb18030') decodes to itself.
    let text = "高风险;邮件活跃 ＝＋－＠ é ß ゆ 한 𠀀 😀 \u{80} \u{FFFF}"
    var encoder = try GB18030Encoder()
    let bytes = try encoder.encode(text)
    #expect(bytes != Array(text.utf8))
    var decoder = try GB18030Decoder()
    var output: [UInt8] = []
    _ = try bytes.withUnsafeBytes { try decoder.decode($0, isFinal: true, into: &output) }
    #expect(String(decoding: output, as: UTF8.self) == text)
  }

  @Test("one encoder encodes many strings in turn")
  func reuse() throws {
    var encoder = try GB18030Encoder()
    #expect(try encoder.encode("客户") == [0xBF, 0xCD, 0xBB, 0xA7])
    #expect(try encoder.encode("€") == [0xA2, 0xE3])
  }
}
