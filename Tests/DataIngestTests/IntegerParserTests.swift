import Testing

@testable import DataIngest

@Suite struct IntegerParserTests {
  @Test(
    "signed integers and whole numbers with a zero fraction",
    arguments: [
      ("3", 3), ("-3", -3), ("+3", 3), ("0", 0), ("007", 7), (" 12 ", 12), ("3.0", 3),
      ("1977.0", 1977), ("1977.000", 1977), ("3.", 3), ("-0", 0),
      ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
    ] as [(String, Int64)])
  func accepted(text: String, expected: Int64) {
    #expect(IntegerParser.parse(text) == expected)
  }

  @Test(
    "fractions, overflow and non-numbers are rejected",
    arguments: [
      "", " ", "3.5", "1977.01", "9223372036854775808", "-9223372036854775809",
      "99999999999999999999", "abc", "-", "+", "--3", "+-3", ".0", "3e2", "1,000", "3 4", "3x",
      "3.0.0", "NaN",
    ])
  func rejected(text: String) {
    #expect(IntegerParser.parse(text) == nil)
  }

  @Test("the byte form reads a field inside a larger buffer")
  func byteForm() {
    let bytes = Array("12,1977.0,x".utf8)
    bytes.withUnsafeBufferPointer { buffer in
      #expect(IntegerParser.parse(UnsafeBufferPointer(rebasing: buffer[0..<2])) == 12)
      #expect(IntegerParser.parse(UnsafeBufferPointer(rebasing: buffer[3..<9])) == 1977)
      #expect(IntegerParser.parse(UnsafeBufferPointer(rebasing: buffer[3..<10])) == nil)
    }
    #expect(IntegerParser.parse(UnsafeBufferPointer(start: nil, count: 0)) == nil)
  }
}
