/// Converts text to GB18030 bytes with the C library's iconv, for files that
/// Chinese Excel (or an importer without UTF-8) opens without a byte-order mark.
///
/// GB18030 encodes every Unicode scalar, so any Swift string converts; the
/// mirror of ``GB18030Decoder``.
///
/// ```swift
/// var encoder = try GB18030Encoder()
/// let bytes = try encoder.encode("客户ID,金额\r\n")
/// ```
public struct GB18030Encoder: ~Copyable {
  // UTF-8 → GB18030 at most doubles a character (U+0080: two bytes become four).
  private var converter: IconvConverter

  /// Opens a UTF-8 → GB18030 converter.
  /// - Throws: ``TextDecodingError/unsupportedEncoding(_:)`` when the
  ///   system's iconv has no GB18030 module.
  public init() throws(TextDecodingError) {
    converter = try IconvConverter(from: "UTF-8", to: "GB18030", growth: 2, encodingName: "GB18030")
  }

  /// The GB18030 bytes of `text`.
  ///
  /// - Throws: ``TextDecodingError/unencodable(offset:encoding:)`` with the
  ///   UTF-8 byte offset of a character the system's converter refuses
  ///   (none should be: GB18030 covers all of Unicode).
  public mutating func encode(_ text: String) throws(TextDecodingError) -> [UInt8] {
    var output: [UInt8] = []
    let utf8 = Array(text.utf8)
    var failure: IconvConverter.Failure? = nil
    utf8.withUnsafeBytes { input in
      do throws(IconvConverter.Failure) {
        _ = try converter.convert(input, isFinal: true, into: &output)
      } catch {
        failure = error
      }
    }
    switch failure {
    case .invalidInput(let offset): throw .unencodable(offset: offset, encoding: "GB18030")
    case nil: return output
    }
  }
}
