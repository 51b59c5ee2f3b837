/// A forward cursor over the bytes of one field, used by the field parsers.
///
/// Every read goes through a bounds check against `end`, because the parsers
/// are fuzzed and `UnsafeBufferPointer`'s own subscript is unchecked in
/// release builds. The scanner is a plain value with no storage of its own,
/// so scanning a field never allocates.
struct ByteScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var position: Int
  let end: Int

  /// A scanner over `bytes` with leading and trailing ASCII blanks skipped.
  init(trimming bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    var start = 0
    var stop = bytes.count
    while start < stop, ByteScanner.isBlank(bytes[start]) { start += 1 }
    while stop > start, ByteScanner.isBlank(bytes[stop - 1]) { stop -= 1 }
    position = start
    end = stop
  }

  var isAtEnd: Bool { position >= end }

  /// The byte `offset` places ahead, or `nil` past the end.
  func peek(_ offset: Int = 0) -> UInt8? {
    let index = position + offset
    guard offset >= 0, index < end else { return nil }
    return bytes[index]
  }

  /// Consumes `byte` when it is next.
  mutating func consume(_ byte: UInt8) -> Bool {
    guard peek() == byte else { return false }
    position += 1
    return true
  }

  /// Consumes a two-byte UTF-8 sequence when it is next.
  mutating func consume(_ b0: UInt8, _ b1: UInt8) -> Bool {
    guard peek() == b0, peek(1) == b1 else { return false }
    position += 2
    return true
  }

  /// Consumes a three-byte sequence (a UTF-8 CJK character, or an ASCII
  /// word) when it is next.
  mutating func consume(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
    guard peek() == b0, peek(1) == b1, peek(2) == b2 else { return false }
    position += 3
    return true
  }

  /// Consumes three ASCII letters, ignoring case (currency codes, AM/PM).
  mutating func consumeLettersIgnoringCase(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8? = nil) -> Bool {
    guard let c0 = peek(), c0 | 0x20 == b0, let c1 = peek(1), c1 | 0x20 == b1 else { return false }
    if let b2 {
      guard let c2 = peek(2), c2 | 0x20 == b2 else { return false }
      position += 3
    } else {
      position += 2
    }
    return true
  }

  /// Skips blanks and returns how many there were.
  @discardableResult
  mutating func skipBlanks() -> Int {
    let start = position
    while let byte = peek(), ByteScanner.isBlank(byte) { position += 1 }
    return position - start
  }

  /// Reads a run of ASCII digits.
  ///
  /// Only the first 18 digits go into `value` (so it cannot overflow), but
  /// `count` counts the whole run, which lets callers reject over-long runs.
  mutating func digits() -> (value: Int, count: Int) {
    var value = 0
    var count = 0
    while let byte = peek(), ByteScanner.isDigit(byte) {
      if count < 18 { value = value &* 10 &+ Int(byte &- UInt8(ascii: "0")) }
      count += 1
      position += 1
    }
    return (value, count)
  }

  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
      || byte == UInt8(ascii: "\n")
  }
}

extension String {
  /// Runs `body` on the string's UTF-8 bytes without copying when the string
  /// is already contiguous (the usual case for native strings).
  func withFieldBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = self
    return copy.withUTF8(body)
  }
}
