/// Checks how much of a byte buffer is well-formed UTF-8.
public enum UTF8Validation {
  /// The length of the longest prefix of `bytes` made of complete,
  /// well-formed UTF-8 sequences (Unicode Table 3-7: no overlong forms, no
  /// surrogates, nothing above U+10FFFF).
  ///
  /// `isTruncated` is `true` when the bytes after that prefix are only the
  /// beginning of a valid sequence cut off by the end of the buffer, so a
  /// chunked reader can carry them into the next chunk instead of reporting
  /// an error. When the whole buffer is valid, `valid == bytes.count` and
  /// `isTruncated` is `false`.
  ///
  /// - Complexity: O(n); ASCII runs are checked eight bytes at a time.
  public static func validPrefixLength(_ bytes: UnsafeRawBufferPointer) -> (valid: Int, isTruncated: Bool) {
    guard let base = bytes.baseAddress else { return (0, false) }
    let count = bytes.count
    var index = 0
    while index < count {
      // Most CSV bytes are ASCII: skip them a word at a time.
      while index + 8 <= count,
        base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        index += 8
      }
      guard index < count else { break }
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let continuationCount: Int
      var secondRange: ClosedRange<UInt8> = 0x80...0xBF
      switch lead {
      case 0xC2...0xDF: continuationCount = 1
      case 0xE0: continuationCount = 2; secondRange = 0xA0...0xBF
      case 0xE1...0xEC, 0xEE...0xEF: continuationCount = 2
      case 0xED: continuationCount = 2; secondRange = 0x80...0x9F
      case 0xF0: continuationCount = 3; secondRange = 0x90...0xBF
      case 0xF1...0xF3: continuationCount = 3
      case 0xF4: continuationCount = 3; secondRange = 0x80...0x8F
      default: return (index, false)
      }
      for offset in 1...continuationCount {
        guard index + offset < count else { return (index, true) }
        let byte = bytes[index + offset]
        let allowed = offset == 1 ? secondRange : 0x80...0xBF
        guard allowed.contains(byte) else { return (index, false) }
      }
      index += continuationCount + 1
    }
    return (count, false)
  }
}
