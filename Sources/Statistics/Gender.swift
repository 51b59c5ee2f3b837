import DataIngest

/// A customer's gender as written in CRM exports, normalised to three values.
///
/// ```
/// 男, 男性, m, male      → .male
/// 女, 女性, f, female    → .female
/// empty or blank        → missing (nil)
/// anything else         → .other
/// ```
///
/// Matching ignores case and surrounding white space. An unrecognised value
/// is kept as `.other` rather than guessed, so its count stays visible.
public enum Gender: String, Sendable, CaseIterable {
  case female
  case male
  case other

  /// Normalises one cell; `nil` when it is empty or blank (missing).
  public init?(normalizing text: String?) {
    guard let text else { return nil }
    let key = text.trimmingWhitespace().lowercased()
    switch key {
    case "": return nil
    case "男", "男性", "m", "male": self = .male
    case "女", "女性", "f", "female": self = .female
    default: self = .other
    }
  }

  /// The normalised value of each row of a gender column, as labels
  /// (`"female"`, `"male"`, `"other"`, `nil` for missing).
  ///
  /// - Complexity: O(rows + levels): each distinct level is normalised once.
  public static func labels(_ column: CategoricalColumn) -> [String?] {
    let byLevel = column.levels.map { Gender(normalizing: $0)?.rawValue }
    return column.codes.map { $0 == CategoricalColumn.missing ? nil : byLevel[Int($0)] }
  }

  /// Counts and shares of normalised genders (shares over non-missing cells).
  public static func distribution(_ column: CategoricalColumn) -> FrequencyTable {
    FrequencyTable(labels(column))
  }
}

extension String {
  /// The string without leading and trailing white space (Foundation-free).
  func trimmingWhitespace() -> Substring {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
    return self[start..<end]
  }
}
