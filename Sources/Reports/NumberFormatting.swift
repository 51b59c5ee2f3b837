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
    var bytes: [UInt8] = []
    guard appendShortest(value, to: &bytes) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends ``shortest(_:)``'s text for `value` to `bytes` as UTF-8, without
  /// making a `String` on the way: what CSV writers call per cell.
  ///
  /// - Returns: `false` (and appends nothing) for NaN and infinities.
  @inlinable
  public static func appendShortest(_ value: Double, to bytes: inout [UInt8]) -> Bool {
    guard value.isFinite else { return false }
    if value == 0 {
      bytes.append(UInt8(ascii: "0"))
      return true
    }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = value.magnitude
    if let (digits, decimals) = shortDecimal(magnitude) {
      appendFixed(digits, decimals: decimals, to: &bytes)
    } else {
      appendDescribed(magnitude, to: &bytes)
    }
    return true
  }

  /// `magnitude` as `digits / 10^decimals` with the fewest decimals, when
  /// `digits < 2^50`: whole numbers, money and counts, most of a feature table.
  ///
  /// Then the decimal is exactly the shortest round-trip text: a decimal with
  /// fewer digits would have fewer decimals, and none of those reads back as
  /// `magnitude` (each tried is the nearest with its decimals); and below
  /// 2^50 the values with `decimals` decimals lie more than an ulp apart, so
  /// only one of them reads back. `digits / 10^decimals` is one correctly
  /// rounded division, as parsing the text is. `nil` otherwise (17 digits
  /// of a probability), for ``appendDescribed(_:to:)``.
  ///
  /// When some count of decimals works, the most tried (`m`, the last below
  /// 2^50) works too: `magnitude · 10^m` is then within 1/8 + 1/16 of
  /// `digits · 10^(m − decimals)` (half an ulp of `magnitude`, scaled, and the
  /// product's rounding), so it rounds to that whole number, whose division
  /// gives `magnitude` back. A value that fails there is handed on after one
  /// try instead of sixteen.
  @inlinable
  static func shortDecimal(_ magnitude: Double) -> (digits: UInt, decimals: Int)? {
    let limit = 1_125_899_906_842_624.0  // 2^50
    // Whole numbers and cents are found before the test of the most decimals is worth making. Powers of
    // ten up to 10^15 are exact, and so are their products and quotients by 10.
    let quick = 3
    var power = 1.0
    for decimals in 0..<quick {
      guard let digits = exactDigits(magnitude, power: power, below: limit) else { return nil }
      if digits >= 0 { return (UInt(digits), decimals) }
      power *= 10
    }
    var most = 15
    var mostPower = 1e15
    while most >= quick && magnitude * mostPower >= limit {
      most -= 1
      mostPower /= 10
    }
    guard most >= quick, let digits = exactDigits(magnitude, power: mostPower, below: limit), digits >= 0 else { return nil }
    for decimals in quick..<most {
      if let digits = exactDigits(magnitude, power: power, below: limit), digits >= 0 { return (UInt(digits), decimals) }
      power *= 10
    }
    return (UInt(digits), most)
  }

  /// The whole number `magnitude · power` when it divides back to
  /// `magnitude`, -1 when it does not, `nil` when it is not below `limit`.
  @inlinable
  static func exactDigits(_ magnitude: Double, power: Double, below limit: Double) -> Double? {
    let scaled = magnitude * power
    guard scaled < limit else { return nil }
    let digits = scaled.rounded()
    return digits / power == magnitude ? digits : -1
  }

  /// `digits` with a decimal point `decimals` digits from the right (`0.0031` for 31 and 4).
  @inlinable
  static func appendFixed(_ digits: UInt, decimals: Int, to bytes: inout [UInt8]) {
    var text: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: 20 digits, or 16 and "0." fit
    withUnsafeMutableBytes(of: &text) { raw in
      var end = raw.count
      var rest = digits
      var written = 0
      while rest > 0 || written <= decimals {
        if written == decimals && decimals > 0 {
          end -= 1
          raw[end] = UInt8(ascii: ".")
        }
        end -= 1
        raw[end] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
        written += 1
      }
      bytes.append(contentsOf: raw[end...])
    }
  }

  /// The digits of Swift's `description` (the shortest round-trip digits),
  /// moved about the decimal point so there is no exponent, no `.0` and no
  /// leading or trailing zero beyond the point's neighbours.
  @usableFromInline
  static func appendDescribed(_ magnitude: Double, to bytes: inout [UInt8]) {
    // `write(to:)` hands over the text of `description` without making a String.
    var stream = DescriptionStream()
    swap(&stream.bytes, &bytes)
    magnitude.write(to: &stream)
    swap(&stream.bytes, &bytes)
  }

  /// Receives the text of a `description`, "d.ddd" or "d.ddde±x" with the
  /// shortest digits, and appends it without an exponent to ``bytes``.
  struct DescriptionStream: TextOutputStream {
    var bytes: [UInt8] = []

    mutating func write(_ string: String) {
      var string = string
      string.withUTF8 { _writeASCII($0) }
    }

    mutating func _writeASCII(_ text: UnsafeBufferPointer<UInt8>) {
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count) { digits in
        var count = 0
        var point: Int? = nil
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in text {
          switch byte {
          case UInt8(ascii: "."): point = count
          case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
          case UInt8(ascii: "-") where inExponent: exponentSign = -1
          case UInt8(ascii: "+"): break
          default:
            if inExponent {
              exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
              digits[count] = byte
              count += 1
            }
          }
        }
        // Where the decimal point falls, counted in digits from the left.
        var position = (point ?? count) + exponentSign * exponent
        var start = 0
        while start < count && digits[start] == UInt8(ascii: "0") {
          start += 1
          position -= 1
        }
        var end = count
        while end > start && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        let significant = UnsafeBufferPointer(rebasing: digits[start..<end])

        let zero = UInt8(ascii: "0")
        if position <= 0 {
          bytes.append(zero)
          bytes.append(UInt8(ascii: "."))
          bytes += repeatElement(zero, count: -position)
          bytes += significant
        } else if position >= significant.count {
          bytes += significant
          bytes += repeatElement(zero, count: position - significant.count)
        } else {
          bytes += significant.prefix(position)
          bytes.append(UInt8(ascii: "."))
          bytes += significant.dropFirst(position)
        }
      }
    }
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
