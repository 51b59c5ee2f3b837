import Foundation

/// How reports spell numbers.
///
/// CSV files are read by programs, so they get the shortest decimal that
/// reads back as the same `Double` (never an exponent, which some CRM
/// importers and spreadsheets in some locales take for text). Markdown is
/// read by people, so it gets a fixed number of decimals.
public enum NumberFormatting {
  /// The shortest decimal that round-trips to `value`, without an exponent.
  ///
  /// Whole numbers have no `.0`, `-0.0` is `0`, and the digits are those of
  /// Swift's `description` (the shortest round-trip digits), moved about the
  /// decimal point:
  ///
  /// ```
  /// 0.1 + 0.2  →  0.30000000000000004
  /// 1e-7       →  0.0000001
  /// 1.5e20     →  150000000000000000000
  /// 3.0        →  3
  /// ```
  ///
  /// - Returns: the decimal text, or `nil` for NaN and infinities, which
  ///   have no decimal form and are written as missing cells.
  public static func shortest(_ value: Double) -> String? {
    guard value.isFinite else { return nil }
    if value == 0 { return "0" }
    // `description` is "[-]d.ddd" or "[-]d.ddde±x" with the shortest digits.
    let text = value.magnitude.description
    let mantissa: Substring
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...])!
    } else {
      mantissa = text[...]
    }
    var digits = Array(mantissa.utf8.filter { $0 != UInt8(ascii: ".") })
    // Where the decimal point falls, counted in digits from the left.
    let pointInMantissa =
      mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
      ?? mantissa.count
    var point = pointInMantissa + exponent
    while digits.first == UInt8(ascii: "0") {
      digits.removeFirst()
      point -= 1
    }
    while digits.last == UInt8(ascii: "0") { digits.removeLast() }

    let zero = UInt8(ascii: "0")
    var out: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
    if point <= 0 {
      out += [zero, UInt8(ascii: ".")]
      out += repeatElement(zero, count: -point)
      out += digits
    } else if point >= digits.count {
      out += digits
      out += repeatElement(zero, count: point - digits.count)
    } else {
      out += digits[..<point]
      out.append(UInt8(ascii: "."))
      out += digits[point...]
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `value` rounded to exactly `digits` decimals, as C's `%.*f` does
  /// (the exact binary value is rounded, ties to even, like Python's `%`).
  ///
  /// A result that rounds to zero loses its sign (`-0.0001` with 2 digits is
  /// `0.00`): a minus sign on a printed zero only makes readers look twice.
  ///
  /// - Parameter digits: decimals to show, `0...` (clamped to 0 below).
  /// - Returns: the text, or `nil` for NaN and infinities.
  public static func fixed(_ value: Double, digits: Int) -> String? {
    guard value.isFinite else { return nil }
    let text = String(format: "%.*f", max(0, digits), value)
    let isZero = !text.utf8.contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
    return isZero && text.hasPrefix("-") ? String(text.dropFirst()) : text
  }

  /// `share` (0.25) as a percentage with `digits` decimals (`25.0%`), or `–` for NaN and infinities.
  public static func percent(_ share: Double, digits: Int = 1) -> String {
    fixed(share * 100, digits: digits).map { $0 + "%" } ?? "–"
  }
}
