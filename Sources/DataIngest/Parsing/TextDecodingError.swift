/// Why text could not be decoded.
public enum TextDecodingError: Error, Equatable, CustomStringConvertible {
  /// The system has no converter for the named encoding.
  case unsupportedEncoding(String)
  /// The bytes at `offset` (counted from the start of the chunk passed in)
  /// are not valid in the file's encoding.
  case invalidByteSequence(offset: Int)
  /// The text at UTF-8 byte `offset` has no form in the target encoding.
  case unencodable(offset: Int, encoding: String)

  public var description: String {
    switch self {
    case .unsupportedEncoding(let name):
      "The text encoding \(name) is not supported on this system (iconv has no converter for it)."
    case .invalidByteSequence(let offset):
      "The file has bytes that are not valid in its text encoding, at byte offset \(offset); "
        + "check that the encoding is right (UTF-8 or GB18030)."
    case .unencodable(let offset, let encoding):
      "The text has a character at byte offset \(offset) that \(encoding) cannot represent."
    }
  }
}
