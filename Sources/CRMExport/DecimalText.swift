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
    let zero = UInt8(ascii: "0")
    let negative = shortest.first == UInt8(ascii: "-")
    // The digits without sign and point, and how many of them are before the point.
    var digits: [UInt8] = []
    digits.reserveCapacity(shortest.count + scale + 3)
    var whole = 0
    var afterPoint = false
    for byte in shortest.dropFirst(negative ? 1 : 0) {
      if byte == UInt8(ascii: ".") {
        afterPoint = true
      } else {
        digits.append(byte)
        if !afterPoint { whole += 1 }
      }
    }
    // Moving the point is exact; multiplying the Double by 100 is not (0.8731 × 100 = 87.31000000000001).
    if percent { whole += 2 }
    let kept = whole + scale
    let roundsUp = digits.count > kept && digits[kept] >= UInt8(ascii: "5")
    if digits.count > kept {
      digits.removeLast(digits.count - kept)
    } else {
      digits += repeatElement(zero, count: kept - digits.count)
    }
    if roundsUp {
      var i = digits.count - 1
      while i >= 0 && digits[i] == UInt8(ascii: "9") {
        digits[i] = zero
        i -= 1
      }
      if i >= 0 {
        digits[i] += 1
      } else {
        digits.insert(UInt8(ascii: "1"), at: 0)
        whole += 1
      }
    }
    // A point moved right leaves leading zeros (0.0731 → 007.31): one stays.
    var first = 0
    while whole - first > 1 && digits[first] == zero { first += 1 }
    let isZero = !digits.contains { $0 != zero }
    var text: [UInt8] = []
    text.reserveCapacity(digits.count + 2)
    if negative && !isZero { text.append(UInt8(ascii: "-")) }
    text += digits[first..<whole]
    if scale > 0 {
      text.append(UInt8(ascii: "."))
      text += digits[whole...]
    }
    return String(decoding: text, as: UTF8.self)
  }
}
