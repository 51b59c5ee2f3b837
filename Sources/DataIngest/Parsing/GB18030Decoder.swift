#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Converts GB18030 (and so GBK and GB2312) bytes to UTF-8, chunk by chunk,
/// with the C library's iconv.
///
/// The decoder owns an iconv handle and closes it when it goes away; it is
/// non-copyable so the handle has exactly one owner.
///
/// ```swift
/// var decoder = try GB18030Decoder()
/// var utf8: [UInt8] = []
/// let used = try decoder.decode(chunk, isFinal: false, into: &utf8)
/// // carry chunk[used...] over to the front of the next chunk
/// ```
public struct GB18030Decoder: ~Copyable {
  private let handle: iconv_t

  /// Opens a GB18030 → UTF-8 converter.
  /// - Throws: ``TextDecodingError/unsupportedEncoding(_:)`` when the
  ///   system's iconv has no GB18030 module (e.g. a container without
  ///   glibc's gconv files).
  public init() throws(TextDecodingError) {
    let opened = iconv_open("UTF-8", "GB18030")
    // iconv_open reports failure as (iconv_t)-1, not NULL.
    guard let opened, Int(bitPattern: opened) != -1 else {
      throw .unsupportedEncoding("GB18030")
    }
    handle = opened
  }

  deinit {
    iconv_close(handle)
  }

  /// Appends the UTF-8 form of `input` to `output`.
  ///
  /// - Parameters:
  ///   - input: the next chunk of GB18030 bytes.
  ///   - isFinal: `true` for the last chunk of the file; an incomplete
  ///     multibyte sequence at its end is then an error rather than carried.
  ///   - output: receives the UTF-8 bytes; existing contents are kept.
  /// - Returns: how many bytes of `input` were consumed. Less than
  ///   `input.count` only when a non-final chunk ends inside a multibyte
  ///   sequence; the caller prepends the rest to the next chunk.
  /// - Throws: ``TextDecodingError/invalidByteSequence(offset:)`` with the
  ///   offset within `input` of the first byte that is not GB18030. Output
  ///   for the bytes before it has already been appended.
  public mutating func decode(
    _ input: UnsafeRawBufferPointer, isFinal: Bool, into output: inout [UInt8]
  ) throws(TextDecodingError) -> Int {
    guard let inputBase = input.baseAddress, input.count > 0 else { return 0 }
    let handle = self.handle
    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(
      mutating: inputBase.assumingMemoryBound(to: CChar.self))
    var inLeft = input.count
    while inLeft > 0 {
      // GB18030 → UTF-8 grows text by at most 3/2 (two bytes become three),
      // so this room almost always takes the whole chunk in one call.
      let room = inLeft + inLeft / 2 + 16
      let start = output.count
      output.append(contentsOf: repeatElement(0, count: room))
      var result = 0
      var failure: Int32 = 0
      var produced = 0
      output.withUnsafeMutableBufferPointer { buffer in
        guard let outputBase = buffer.baseAddress else { return }
        let outStart = UnsafeMutableRawPointer(outputBase + start).assumingMemoryBound(
          to: CChar.self)
        var outPointer: UnsafeMutablePointer<CChar>? = outStart
        var outLeft = room
        result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
        if result == -1 { failure = errno }
        produced = room - outLeft
      }
      output.removeLast(room - produced)
      guard result == -1 else { continue }
      let consumed = input.count - inLeft
      switch failure {
      case E2BIG:
        continue
      case EINVAL where !isFinal:
        return consumed
      default:
        // Reset the conversion state so the decoder can be used again.
        iconv(handle, nil, nil, nil, nil)
        throw .invalidByteSequence(offset: consumed)
      }
    }
    return input.count
  }
}
