import Reports

/// Fixed-point decimal text for CRM number fields (spec §8.1.3): `.` as the
/// separator, no grouping, never an exponent, exactly `scale` decimals.
///
/// Rounding is half away from zero on the number's shortest decimal form
/// (the digits Swift prints, which read back as the same `Double`): 0.12345
/// becomes 0.1235, as a person reading the input would expect, where
/// `%.4f` on the binary value 0.123449999… gives 0.1234.
enum DecimalText {
  /// `value` with `scale` decimals, ×100 first when `percent`; `nil` for NaN and infinities.
  static func fixed(_ value: Double, scale: Int, percent: Bool = false) -> String? {
    var shortest: [UInt8] = []
    shortest.reserveCapacity(32)
    guard NumberFormatting.appendShortest(value, to: &shortest) else { return nil }
    return shortest.withUnsafeBufferPointer { rounded($0, scale: scale, percent: percent) }
  }

  /// ``fixed(_:scale:percent:)`` of `Double(text)`, worked out from the text
  /// itself without parsing it, when that gives the same answer; `nil` when
  /// it might not or `text` is not a plain decimal (`-?d+(.d+)?`).
  ///
  /// The text and the shortest form of its `Double` both lie within an ulp
  /// of the `Double`, below 10^(w−15) for w whole digits, so they round alike
  /// unless a halfway point lies that close: unless the digits after the
  /// kept ones read 4999… or 5000… up to the 15th significant place.
  static func fixed(plainDecimal text: UnsafeBufferPointer<UInt8>, scale: Int, percent: Bool) -> String? {
    let zero = UInt8(ascii: "0")
    let isDigit = { (byte: UInt8) in byte &- zero < 10 }
    var i = text.first == UInt8(ascii: "-") ? 1 : 0
    let wholeStart = i
    while i < text.count && isDigit(text[i]) { i += 1 }
    let wholeEnd = i
    var fractionStart = i
    if i < text.count && text[i] == UInt8(ascii: ".") {
      fractionStart = i + 1
      i = fractionStart
      while i < text.count && isDigit(text[i]) { i += 1 }
      guard i > fractionStart else { return nil }
    }
    guard wholeEnd > wholeStart, i == text.count else { return nil }
    var significantWhole = wholeEnd - wholeStart
    for byte in text[wholeStart..<wholeEnd] {
      guard byte == zero else { break }
      significantWhole -= 1
    }
    // Decimals of the text that decide the rounding (the point moves two places for a percentage).
    let place = scale + (percent ? 2 : 0)
    let sure = 15 - significantWhole
    guard place >= 0, sure > place else { return nil }
    let fraction = wholeEnd == fractionStart ? text[text.endIndex...] : text[fractionStart...]
    let decimal = { (position: Int) in position < fraction.count ? fraction[fractionStart + position] : zero }
    let first = decimal(place)
    if first == UInt8(ascii: "4") || first == UInt8(ascii: "5") {
      let rest = first == UInt8(ascii: "4") ? UInt8(ascii: "9") : zero
      if (place + 1..<sure).allSatisfy({ decimal($0) == rest }) { return nil }
    }
    return rounded(text, scale: scale, percent: percent)
  }

  /// The decimal `text` (`-?d+(.d+)?`), rounded half away from zero on its
  /// digits, in a buffer on the stack: a million cells make no arrays.
  private static func rounded(_ text: UnsafeBufferPointer<UInt8>, scale: Int, percent: Bool) -> String {
    let zero = UInt8(ascii: "0")
    let negative = text.first == UInt8(ascii: "-")
    let number = text.dropFirst(negative ? 1 : 0)
    let point = number.firstIndex(of: UInt8(ascii: "."))
    let count = number.count - (point == nil ? 0 : 1)
    // How many digits are before the point; moving it is exact, multiplying the Double by 100 is not
    // (0.8731 × 100 = 87.31000000000001).
    var whole = (point ?? number.endIndex) - number.startIndex + (percent ? 2 : 0)
    let kept = whole + scale
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(count, kept) + 1) { digits in
      // The digits from place 1 on; place 0 takes a carry out of the first.
      var end = 1
      for byte in number where byte != UInt8(ascii: ".") {
        digits[end] = byte
        end += 1
      }
      let roundsUp = count > kept && digits[1 + kept] >= UInt8(ascii: "5")
      while end < 1 + kept {
        digits[end] = zero
        end += 1
      }
      end = 1 + kept
      var start = 1
      if roundsUp {
        var i = end - 1
        while i >= 1 && digits[i] == UInt8(ascii: "9") {
          digits[i] = zero
          i -= 1
        }
        if i >= 1 {
          digits[i] += 1
        } else {
          digits[0] = UInt8(ascii: "1")
          start = 0
          whole += 1
        }
      }
      // A point moved right leaves leading zeros (0.0731 → 007.31): one stays.
      let wholeEnd = start + whole
      var first = start
      while wholeEnd - first > 1 && digits[first] == zero { first += 1 }
      let sign = negative && digits[start..<end].contains { $0 != zero }
      let length = (sign ? 1 : 0) + wholeEnd - first + (scale > 0 ? 1 + scale : 0)
      return String(unsafeUninitializedCapacity: length) { out in
        var o = 0
        if sign {
          out[o] = UInt8(ascii: "-")
          o += 1
        }
        for i in first..<wholeEnd {
          out[o] = digits[i]
          o += 1
        }
        if scale > 0 {
          out[o] = UInt8(ascii: ".")
          o += 1
          for i in wholeEnd..<end {
            out[o] = digits[i]
            o += 1
          }
        }
        return o
      }
    }
  }
}
