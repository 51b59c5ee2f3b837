import Reports

/// What a column does with a cell a spreadsheet would run as a formula
/// (spec §6): one of the ``FormulaGuard`` modes, or nothing at all.
public enum FormulaGuardMode: String, Sendable, Equatable, CaseIterable {
  /// Refuse the export, naming the customer, column and value.
  case reject
  /// Put `'` in front and warn.
  case prefix
  /// Remove the leading trigger characters and warn.
  case strip
  /// Write the cell as it is: only for files no spreadsheet ever opens
  /// (an API pipeline); never a default.
  case off

  /// The guard that does the work, `nil` for ``off``.
  var formulaGuard: FormulaGuard? {
    switch self {
    case .reject: .reject
    case .prefix: .prefix
    case .strip: .strip
    case .off: nil
    }
  }
}
