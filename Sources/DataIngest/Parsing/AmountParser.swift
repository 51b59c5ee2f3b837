#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a money field into a `Double`.
///
/// Accepted, with leading and trailing blanks ignored:
///
/// ```
/// 12   -12.5   +3   .5   12.   1,280.00   1.5e3   (12.50)
/// ¥12.50   ￥ 12.50   $12   €12   £12   RMB 12   CNY12   USD 12   EUR 12   GBP 12
/// 12.50元   12.50 ¥   12 USD   -¥12.50   ¥-12.50   ($12.50)
/// ```
///
/// Thousands separators must be commas in full groups of three (`1,280`,
/// `12,345,678.9`); `1,28.0` is rejected rather than guessed, because a
/// European `1.280,00` misread as 1.28 would be silently wrong. Parentheses
/// mark a negative (accounting style) and may not be combined with a sign.
/// One currency sign or code is allowed, before or after the number
/// (`元` only after); codes ignore case. `NaN`, `inf`, and values that
/// overflow a `Double` are rejected: money is finite.
///
/// The result is the correctly rounded `Double`, bit-identical to Swift's
/// `Double(String)` of the number without separators and currency. Up to
/// 19 significant digits with a power of ten within ±22 take Clinger's exact
/// fast path (one IEEE multiplication or division of two exactly
/// representable values, hence correctly rounded); anything else goes to
/// `strtod`, which glibc rounds correctly, in the "C" locale that Swift
/// programs run in unless they call `setlocale`.
///
/// - Complexity: O(n) in the field length. The byte form allocates nothing
///   on the fast path; the `strtod` fallback uses a temporary buffer of the
///   field's length (on the stack for ordinary field lengths).
///
/// Reference: W. D. Clinger, "How to Read Floating Point Numbers
/// Accurately", PLDI 1990.
public enum AmountParser {
  /// The amount in `field` (UTF-8 bytes of one unquoted field), or `nil`
  /// when it is not a number.
  public static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
    if let value = plainDecimal(field) { return value }
    var scanner = ByteScanner(trimming: field)
    let parenthesized = scanner.consume(UInt8(ascii: "("))
    if parenthesized { scanner.skipBlanks() }
    var sign = consumeSign(&scanner)
    var currency = false
    if consumeCurrency(&scanner, allowingSuffixOnly: false) {
      currency = true
      scanner.skipBlanks()
      if sign == nil { sign = consumeSign(&scanner) }
    }
    guard let number = scanNumber(&scanner) else { return nil }
    scanner.skipBlanks()
    if !currency, consumeCurrency(&scanner, allowingSuffixOnly: true) {
      scanner.skipBlanks()
    }
    if parenthesized {
      guard sign == nil, scanner.consume(UInt8(ascii: ")")) else { return nil }
      sign = true
    }
    guard scanner.isAtEnd, let magnitude = value(of: number, in: field) else { return nil }
    return sign == true ? -magnitude : magnitude
  }

  /// The value of a field that is exactly `-?d+(.d+)?` with at most 15
  /// digits, the form of nearly every cell in machine-written files; `nil`
  /// for anything else, which the full scan then reads.
  ///
  /// The result is the same as the full path's: 15 digits are below 2^53
  /// and the scale is at most 10^14, so this is the same single correctly
  /// rounded division (Clinger's fast path).
  @inline(__always)
  private static func plainDecimal(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let base = field.baseAddress, field.count > 0 else { return nil }
    let count = field.count
    // A single digit (a quantity, a zero discount) is its own value.
    if count == 1 {
      let digit = base[0] &- UInt8(ascii: "0")
      return digit < 10 ? Double(digit) : nil
    }
    var i = 0
    let negative = base[0] == UInt8(ascii: "-")
    if negative { i = 1 }
    var mantissa: UInt64 = 0
    var digits = 0
    var fractionDigits = 0
    var sawPoint = false
    while i < count {
      let byte = base[i]
      let digit = byte &- UInt8(ascii: "0")
      if digit < 10 {
        mantissa = mantissa &* 10 &+ UInt64(digit)
        digits += 1
        if sawPoint { fractionDigits += 1 }
      } else if byte == UInt8(ascii: ".") && !sawPoint {
        sawPoint = true
      } else {
        return nil
      }
      i += 1
    }
    guard digits > 0, digits <= 15, !sawPoint || fractionDigits > 0, digits > fractionDigits else {
      return nil
    }
    let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
    return negative ? -magnitude : magnitude
  }

  /// The amount in `text`, or `nil` when it is not a number. Same rules as
  /// the byte form.
  public static func parse(_ text: String) -> Double? {
    text.withFieldBytes { parse($0) }
  }

  /// What the scan of a number found: its significant digits as an integer
  /// when they fit, the power of ten that scales them, and where the number's
  /// text lies in the field for the fallback.
  struct ScannedNumber {
    var mantissa: UInt64 = 0
    var exponent = 0
    /// More than 19 significant digits, or an exponent too large to track.
    var isInexact = false
    var start = 0
    var end = 0
    var significantDigits = 0
    var digitCount = 0

    /// Adds one digit of the integer part or the fraction.
    mutating func take(_ byte: UInt8, isFraction: Bool) {
      let digit = UInt64(byte &- UInt8(ascii: "0"))
      digitCount += 1
      if mantissa == 0 && digit == 0 {
        // Leading zeros carry no precision but still move the decimal point.
        if isFraction { exponent -= 1 }
      } else if significantDigits < 19 {
        mantissa = mantissa &* 10 &+ digit
        significantDigits += 1
        if isFraction { exponent -= 1 }
      } else {
        isInexact = true
      }
    }
  }

  /// `true` for a minus sign, `false` for a plus sign, `nil` for neither.
  private static func consumeSign(_ scanner: inout ByteScanner) -> Bool? {
    if scanner.consume(UInt8(ascii: "-")) { return true }
    if scanner.consume(UInt8(ascii: "+")) { return false }
    return nil
  }

  private static func consumeCurrency(
    _ scanner: inout ByteScanner, allowingSuffixOnly: Bool
  ) -> Bool {
    if scanner.consume(UInt8(ascii: "$")) { return true }
    if scanner.consume(0xC2, 0xA5) { return true }  // ¥
    if scanner.consume(0xEF, 0xBF, 0xA5) { return true }  // ￥ (full width)
    if scanner.consume(0xE2, 0x82, 0xAC) { return true }  // €
    if scanner.consume(0xC2, 0xA3) { return true }  // £
    if allowingSuffixOnly, scanner.consume(0xE5, 0x85, 0x83) { return true }  // 元
    // Written out rather than looped over an array literal, which could
    // allocate on every call.
    return scanner.consumeLettersIgnoringCase(0x72, 0x6D, 0x62)  // rmb
      || scanner.consumeLettersIgnoringCase(0x63, 0x6E, 0x79)  // cny
      || scanner.consumeLettersIgnoringCase(0x75, 0x73, 0x64)  // usd
      || scanner.consumeLettersIgnoringCase(0x65, 0x75, 0x72)  // eur
      || scanner.consumeLettersIgnoringCase(0x67, 0x62, 0x70)  // gbp
  }

  /// Scans `digits[,ddd...][.digits][e±digits]`, collecting significant
  /// digits on the way so the fast path needs no second pass.
  private static func scanNumber(_ scanner: inout ByteScanner) -> ScannedNumber? {
    var number = ScannedNumber()
    number.start = scanner.position

    var groupLength = 0
    while let byte = scanner.peek(), ByteScanner.isDigit(byte) {
      number.take(byte, isFraction: false)
      groupLength += 1
      scanner.position += 1
    }
    if scanner.peek() == UInt8(ascii: ","), (1...3).contains(groupLength) {
      while scanner.consume(UInt8(ascii: ",")) {
        for _ in 0..<3 {
          guard let byte = scanner.peek(), ByteScanner.isDigit(byte) else { return nil }
          number.take(byte, isFraction: false)
          scanner.position += 1
        }
        if let byte = scanner.peek(), ByteScanner.isDigit(byte) { return nil }
      }
    }
    if scanner.consume(UInt8(ascii: ".")) {
      while let byte = scanner.peek(), ByteScanner.isDigit(byte) {
        number.take(byte, isFraction: true)
        scanner.position += 1
      }
    }
    guard number.digitCount > 0 else { return nil }

    // An exponent only when digits follow, so "12EUR" is 12 euros.
    if let e = scanner.peek(), e | 0x20 == UInt8(ascii: "e") {
      var offset = 1
      if scanner.peek(1) == UInt8(ascii: "-") || scanner.peek(1) == UInt8(ascii: "+") { offset = 2 }
      if let first = scanner.peek(offset), ByteScanner.isDigit(first) {
        let negative = scanner.peek(1) == UInt8(ascii: "-")
        scanner.position += offset
        let exponent = scanner.digits()
        if exponent.count > 9 {
          number.isInexact = true
        } else {
          number.exponent += negative ? -exponent.value : exponent.value
        }
      }
    }
    number.end = scanner.position
    return number
  }

  /// Exactly representable powers of ten, 1e0 through 1e22.
  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  private static func value(of number: ScannedNumber, in field: UnsafeBufferPointer<UInt8>) -> Double? {
    if !number.isInexact {
      if number.mantissa == 0 { return 0 }
      if number.mantissa <= 1 << 53, number.exponent >= -22, number.exponent <= 22 {
        let mantissa = Double(number.mantissa)
        return number.exponent >= 0
          ? mantissa * powersOfTen[number.exponent]
          : mantissa / powersOfTen[-number.exponent]
      }
    }
    return correctlyRoundedFallback(field, from: number.start, to: number.end)
  }

  /// `strtod` on the number's text with the thousands separators removed.
  private static func correctlyRoundedFallback(
    _ field: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> Double? {
    guard start >= 0, end <= field.count, start < end else { return nil }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: end - start + 1) { buffer in
      var length = 0
      for index in start..<end where field[index] != UInt8(ascii: ",") {
        buffer[length] = CChar(bitPattern: field[index])
        length += 1
      }
      buffer[length] = 0
      guard let base = buffer.baseAddress else { return nil }
      var stop: UnsafeMutablePointer<CChar>? = nil
      let result = strtod(base, &stop)
      guard let stop, stop == base + length, result.isFinite else { return nil }
      return result
    }
  }
}
