/// What a column of an export file holds, which decides how its cells are
/// formatted, validated and guarded (spec §8.1).
public enum ColumnKind: String, Sendable, Equatable, CaseIterable {
  /// The CRM's match key: text, never empty, never duplicated, always quoted.
  case key
  /// A fixed-point number with the column's scale, never an exponent.
  case decimal
  /// A whole number.
  case integer
  /// A calendar date in the profile's date format.
  case date
  /// A date and time in the profile's date-time format.
  case datetime
  /// `true`/`false` spelled in the profile's words (`1`/`0`, `Yes`/`No`, `是`/`否`).
  case boolean
  /// One value of a controlled vocabulary.
  case picklist
  /// Several values of a controlled vocabulary, joined by the profile's separator.
  case multiselect
  /// Free text.
  case text

  /// Numbers, dates and booleans are written by the exporter itself from a
  /// parsed value, so they cannot carry a formula and skip the formula guard.
  public var isTyped: Bool {
    switch self {
    case .decimal, .integer, .date, .datetime, .boolean: true
    case .key, .picklist, .multiselect, .text: false
    }
  }

  /// Decimals and whole numbers.
  public var isNumber: Bool { self == .decimal || self == .integer }

  /// The formula guard a column of this kind gets unless the config says
  /// otherwise: controlled values must equal a CRM option exactly, so a
  /// prefixed one could never match and is refused; free text is prefixed.
  public var defaultFormulaGuard: FormulaGuardMode {
    self == .text ? .prefix : .reject
  }
}
