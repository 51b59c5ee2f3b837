import Testing
import TestSupport

@testable import DataIngest

private func validate(_ bytes: [UInt8]) -> (valid: Int, isTruncated: Bool) {
  bytes.withUnsafeBytes { UTF8Validation.validPrefixLength($0) }
}

@Suite struct UTF8ValidationTests {
  @Test("well-formed text is valid to the end")
  func wellFormed() {
    let text = "客户ID,金额\n1,¥12.50😀€ and a long enough ASCII tail to use the word loop"
    let result = validate(Array(text.utf8))
    #expect(result.valid == text.utf8.count)
    #expect(result.isTruncated == false)
    #expect(validate([]) == (0, false))
  }

  @Test("a sequence cut off by the end of the buffer is reported as truncated")
  func truncated() {
    // "a😀" is 61 F0 9F 98 80; every cut inside the emoji is a carry-over.
    let bytes: [UInt8] = [0x61, 0xF0, 0x9F, 0x98, 0x80]
    for cut in 2...4 {
      let result = validate(Array(bytes[0..<cut]))
      #expect(result.valid == 1)
      #expect(result.isTruncated)
    }
    // "金" is E9 87 91.
    #expect(validate([0x41, 0x42, 0xE9, 0x87]) == (2, true))
  }

  @Test(
    "ill-formed sequences stop the valid prefix and are not truncation",
    arguments: [
      ([0x41, 0x80], 1),  // lone continuation byte
      ([0x41, 0xC0, 0x80], 1),  // overlong NUL
      ([0xC1, 0xBF], 0),  // overlong
      ([0xE0, 0x80, 0x80], 0),  // overlong three-byte
      ([0xED, 0xA0, 0x80], 0),  // surrogate U+D800
      ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
      ([0xF5, 0x80], 0), ([0xFF], 0),
      ([0x41, 0xE9, 0x41], 1),  // lead byte followed by ASCII
      ([0xE9, 0x87, 0x91, 0xE9, 0x87, 0x41], 3),
      ([191, 205, 187, 167, 73, 68], 0),  // "客户ID" in GB18030
    ] as [([UInt8], Int)])
  func illFormed(bytes: [UInt8], valid: Int) {
    #expect(validate(bytes) == (valid, false))
  }

  @Test("boundary scalars are accepted")
  func boundaries() {
    let bytes: [UInt8] = [
      0x7F, 0xC2, 0x80, 0xDF, 0xBF, 0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80,
      0xEF, 0xBF, 0xBF, 0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF,
    ]
    #expect(validate(bytes) == (bytes.count, false))
  }

  @Test("agrees with the standard library on random byte strings")
  func randomBytes() {
    var generator = SplitMix64(seed: 42)
    for _ in 0..<3_000 {
      let length = Int.random(in: 0...24, using: &generator)
      // Mostly high bytes, so that many strings are ill-formed in different ways.
      let bytes = (0..<length).map { _ in
        UInt8.random(in: 0...255, using: &generator) | (Bool.random(using: &generator) ? 0x80 : 0)
      }
      let result = validate(bytes)
      let prefix = Array(bytes[0..<result.valid])
      #expect(String(validating: prefix, as: UTF8.self) != nil)
      if result.valid < bytes.count {
        // Whatever stops the prefix must be the start of an ill-formed run.
        let next = Array(bytes[0..<min(bytes.count, result.valid + 4)])
        #expect(String(validating: next, as: UTF8.self) == nil)
      } else {
        #expect(String(validating: bytes, as: UTF8.self) != nil)
      }
    }
  }
}
