/// A field separator.
public enum Delimiter: String, Sendable, Equatable, Codable, CaseIterable {
  case comma = ","
  case semicolon = ";"
  case tab = "tab"
  case pipe = "|"
  /// Runs of spaces (and tabs) separate fields, as in old fixed-width dumps;
  /// leading and trailing blanks are ignored.
  case whitespace = "whitespace"

  /// The separator byte, `nil` for ``whitespace``.
  public var byte: UInt8? {
    switch self {
    case .comma: UInt8(ascii: ",")
    case .semicolon: UInt8(ascii: ";")
    case .tab: UInt8(ascii: "\t")
    case .pipe: UInt8(ascii: "|")
    case .whitespace: nil
    }
  }
}
