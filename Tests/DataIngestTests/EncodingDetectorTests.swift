import Testing

@testable import DataIngest

// gbSample and sampleText come from GB18030DecoderTests.swift.
@Suite struct EncodingDetectorTests {
  @Test("UTF-8 and ASCII samples are UTF-8, even when cut mid-character")
  func utf8() {
    let utf8 = Array(sampleText.utf8)
    #expect(utf8.withUnsafeBytes { EncodingDetector.detect($0) } == .utf8)
    let cut = Array(utf8.dropLast(2))  // inside '€'
    #expect(cut.withUnsafeBytes { EncodingDetector.detect($0) } == .utf8)
    #expect(Array("customer_id,amount\n".utf8).withUnsafeBytes { EncodingDetector.detect($0) } == .utf8)
    #expect([UInt8]().withUnsafeBytes { EncodingDetector.detect($0) } == .utf8)
  }

  @Test("GB18030 Chinese text is GB18030")
  func gb18030() {
    #expect(gbSample.withUnsafeBytes { EncodingDetector.detect($0) } == .gb18030)
    // "订单编号,下单时间" in GB18030.
    let header: [UInt8] = [182, 169, 181, 165, 177, 224, 186, 197, 44, 207, 194, 181, 165, 202, 177, 188, 228]
    #expect(header.withUnsafeBytes { EncodingDetector.detect($0) } == .gb18030)
  }
}
