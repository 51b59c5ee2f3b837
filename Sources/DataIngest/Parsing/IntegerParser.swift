/// Reads a whole-number field (quantity, birth year) into an `Int64`.
///
/// Accepts an optional sign and digits, with leading and trailing blanks
/// ignored, and also a zero fractional part (`3.0`, `1977.0`, `3.`), because
/// spreadsheets save whole numbers that way once a column has been
/// formatted as a number. Rejects other fractions (`3.5`), values outside
/// `Int64`, empty fields and anything else.
///
/// - Complexity: O(n) in the field length; the byte form allocates nothing.
public enum IntegerParser {
  /// The integer in `field` (UTF-8 bytes of one unquoted field), or `nil`.
  public static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Int64? {
    var scanner = ByteScanner(trimming: field)
    let negative = scanner.consume(UInt8(ascii: "-"))
    if !negative { _ = scanner.consume(UInt8(ascii: "+")) }
    // Accumulating toward the sign lets Int64.min parse without overflow.
    var value: Int64 = 0
    var digitCount = 0
    while let byte = scanner.peek(), ByteScanner.isDigit(byte) {
      let digit = Int64(byte &- UInt8(ascii: "0"))
      let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (next, overflow2) =
        negative
        ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
      guard !overflow1, !overflow2 else { return nil }
      value = next
      digitCount += 1
      scanner.position += 1
    }
    guard digitCount > 0 else { return nil }
    if scanner.consume(UInt8(ascii: ".")) {
      while scanner.consume(UInt8(ascii: "0")) {}
    }
    return scanner.isAtEnd ? value : nil
  }

  /// The integer in `text`, or `nil`. Same rules as the byte form.
  public static func parse(_ text: String) -> Int64? {
    text.withFieldBytes { parse($0) }
  }
}
