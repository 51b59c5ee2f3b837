/// Reads top-level number and string values from a flat one-line JSON
/// object, which is all the peers print; not a general JSON parser.
struct JSONLine {
  private let text: Substring

  init(_ text: Substring) { self.text = text }

  /// The number after `"key":`, or `nil`.
  func number(_ key: String) -> Double? {
    guard let value = rawValue(key) else { return nil }
    return Double(value.prefix { "0123456789+-.eE".contains($0) })
  }

  /// The string after `"key":` (no escapes expected), or `nil`.
  func string(_ key: String) -> String? {
    guard let value = rawValue(key), value.first == "\"" else { return nil }
    return String(value.dropFirst().prefix { $0 != "\"" })
  }

  private func rawValue(_ key: String) -> Substring? {
    guard let range = text.firstRange(of: "\"\(key)\":") else { return nil }
    return text[range.upperBound...].drop { $0 == " " }
  }
}
