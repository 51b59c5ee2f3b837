/// The bytes that end each CSV record.
public enum LineEnding: String, Sendable, CaseIterable {
  /// `\n`, the Unix convention and the default.
  case lf
  /// `\r\n`, as RFC 4180 prescribes and some Windows importers still require.
  case crlf

  /// The UTF-8 bytes of the line ending.
  public var bytes: [UInt8] {
    switch self {
    case .lf: [0x0A]
    case .crlf: [0x0D, 0x0A]
    }
  }
}
