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
  // GB18030 → UTF-8 grows text by at most 3/2 (two bytes become three).
  private var converter: IconvConverter

  /// Opens a GB18030 → UTF-8 converter.
  /// - Throws: ``TextDecodingError/unsupportedEncoding(_:)`` when the
  ///   system's iconv has no GB18030 module (e.g. a container without
  ///   glibc's gconv files).
  public init() throws(TextDecodingError) {
    converter = try IconvConverter(from: "GB18030", to: "UTF-8", growth: 2, encodingName: "GB18030")
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
    do {
      return try converter.convert(input, isFinal: isFinal, into: &output)
    } catch {
      switch error {
      case .invalidInput(let offset): throw .invalidByteSequence(offset: offset)
      }
    }
  }
}
