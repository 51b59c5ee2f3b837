/// CSV text built directly as UTF-8 bytes: integers, zero-padded ids, dates
/// and money written digit by digit, never through `String` or `Double`
/// printing, so formatting is fast and its result exact.
struct CSVByteBuffer {
  var bytes: [UInt8] = []

  init(capacity: Int) {
    bytes.reserveCapacity(capacity)
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) { bytes.append(byte) }

  @inline(__always)
  mutating func append(_ table: ByteTable, _ index: Int) {
    table.storage.withUnsafeBufferPointer { all in
      let start = table.offsets[index]
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: all[start..<table.offsets[index + 1]]))
    }
  }

  mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// A non-negative integer padded with zeros to `width` digits
  /// (`C0000123` is `C` then `123` at width 7).
  @inline(__always)
  mutating func appendZeroPadded(_ value: Int, width: Int) {
    var digits = 1
    var rest = value / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    for _ in digits..<max(width, digits) { bytes.append(UInt8(ascii: "0")) }
    appendDigits(value, count: digits)
  }

  /// An integer in decimal, with a leading `-` when negative.
  @inline(__always)
  mutating func appendInteger(_ value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      appendZeroPadded(-value, width: 1)
    } else {
      appendZeroPadded(value, width: 1)
    }
  }

  /// Money from integer cents with exactly two decimals: `-1234` → `-12.34`.
  @inline(__always)
  mutating func appendCents(_ cents: Int) {
    if cents < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = abs(cents)
    appendZeroPadded(magnitude / 100, width: 1)
    bytes.append(UInt8(ascii: "."))
    appendZeroPadded(magnitude % 100, width: 2)
  }

  /// A non-negative fraction with `decimals` digits, rounded half away from
  /// zero from the scaled integer (`0.000412` at 6 → `0.000412`).
  mutating func appendFixed(_ value: Double, decimals: Int) {
    var scale = 1
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((abs(value) * Double(scale)).rounded())
    if value < 0 && scaled != 0 { bytes.append(UInt8(ascii: "-")) }
    appendZeroPadded(scaled / scale, width: 1)
    if decimals > 0 {
      bytes.append(UInt8(ascii: "."))
      appendZeroPadded(scaled % scale, width: decimals)
    }
  }

  /// The `count` decimal digits of `value`, most significant first.
  @inline(__always)
  private mutating func appendDigits(_ value: Int, count: Int) {
    let end = bytes.count + count
    for _ in 0..<count { bytes.append(0) }
    bytes.withUnsafeMutableBufferPointer { out in
      var rest = value
      var position = end - 1
      for _ in 0..<count {
        out[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
        rest /= 10
        position -= 1
      }
    }
  }
}
