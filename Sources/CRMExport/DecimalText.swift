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
    let unsigned = shortest[(negative ? 1 : 0)...]
    let point = unsigned.firstIndex(of: UInt8(ascii: ".")) ?? unsigned.endIndex
    var whole = Array(unsigned[..<point])
    var fraction = point < unsigned.endIndex ? Array(unsigned[(point + 1)...]) : []
    if percent {
      // Moving the point is exact; multiplying the Double by 100 is not (0.8731 × 100 = 87.31000000000001).
      fraction += repeatElement(zero, count: max(0, 2 - fraction.count))
      whole += fraction.prefix(2)
      fraction.removeFirst(2)
      while whole.count > 1 && whole.first == zero { whole.removeFirst() }
    }
    var digits = whole + fraction.prefix(scale) + repeatElement(zero, count: max(0, scale - fraction.count))
    if fraction.count > scale && fraction[scale] >= UInt8(ascii: "5") {
      var i = digits.count - 1
      while i >= 0 && digits[i] == UInt8(ascii: "9") {
        digits[i] = zero
        i -= 1
      }
      if i >= 0 { digits[i] += 1 } else { digits.insert(UInt8(ascii: "1"), at: 0) }
    }
    let isZero = !digits.contains { $0 != zero }
    var text: [UInt8] = negative && !isZero ? [UInt8(ascii: "-")] : []
    text.reserveCapacity(digits.count + 2)
    text += digits[..<(digits.count - scale)]
    if scale > 0 {
      text.append(UInt8(ascii: "."))
      text += digits[(digits.count - scale)...]
    }
    return String(decoding: text, as: UTF8.self)
  }
}
