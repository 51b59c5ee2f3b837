/// The language reports are written in.
public enum ReportLanguage: String, Sendable, CaseIterable, Codable {
  case en
  case zh

  /// `english` or `chinese`, whichever this language is.
  @inlinable public func pick(_ english: String, _ chinese: String) -> String {
    self == .en ? english : chinese
  }
}
