/// What the CSV writer does with a text cell a spreadsheet would run as a formula.
///
/// Excel, LibreOffice Calc and Google Sheets treat a cell that begins with
/// `=`, `+`, `-` or `@` as a formula, and a leading tab, CR or LF can smuggle
/// one in (OWASP "CSV Injection"; CWE-1236). Customer names, notes and tags
/// come from outside, so every *text* cell, column names included, is
/// checked. Numbers this module formatted (such as `-3.5`) are never
/// touched: they cannot hold a formula, and a quote in front would turn them
/// into text in every spreadsheet.
///
/// A cell is dangerous when its first character, or its first character
/// after any leading blanks and control characters (U+0000–U+0020, the
/// no-break space U+00A0 and the ideographic space U+3000), is one of
///
/// - `=` `+` `-` `@`, tab, CR or LF, or
/// - the full-width forms `＝` `＋` `－` `＠` (U+FF1D, U+FF0B, U+FF0D,
///   U+FF20), which some spreadsheets in East Asian locales accept as
///   formula starts (our data is largely Chinese),
///
/// or when it contains NUL anywhere (OWASP lists NUL; it also truncates the
/// cell in C-based readers). Leading blanks are looked past on purpose:
/// OWASP's guidance names only the first character, but spreadsheet imports
/// often offer to trim spaces ("Trim spaces" in LibreOffice, Power Query's
/// Trim, Excel's `CLEAN`), and the trimmed cell then starts with the trigger.
/// Guarding ` =1+1` costs one quote in a rare cell; missing it costs a
/// formula. The set is the one the CRM export spec (§6 of
/// `crm-export.md`) asks for.
public enum FormulaGuard: String, Sendable, CaseIterable {
  /// Put a single quote (`'`) in front of the cell and drop NULs. Spreadsheets
  /// show the quoted cell as text, and the original stays readable.
  case prefix
  /// Remove the leading blanks, control characters and trigger characters,
  /// and every NUL, so the cell starts with something harmless (`=1+1`
  /// becomes `1+1`).
  case strip
  /// Refuse to write the file: throw ``ReportError/formulaCell(column:row:value:)``.
  case reject

  /// Whether a spreadsheet could run `text` as a formula (see the type's notes).
  public static func isDangerous(_ text: String) -> Bool {
    // Most cells start with a printable ASCII character that triggers nothing: only NUL is left to look for.
    if let first = text.utf8.first, first > 0x20, first < 0x80, first != UInt8(ascii: "="), first != UInt8(ascii: "+"),
      first != UInt8(ascii: "-"), first != UInt8(ascii: "@")
    {
      return text.utf8.contains(0)
    }
    var scalars = text.unicodeScalars[...]
    // Tab, CR and LF count as the first character even though they are blanks too.
    if let first = scalars.first, isTrigger(first) { return true }
    while let first = scalars.first, isSpace(first) { scalars = scalars.dropFirst() }
    if let first = scalars.first, isTrigger(first) { return true }
    return text.utf8.contains(0)
  }

  /// `text` made safe by this guard.
  ///
  /// - Returns: the text to write, or `nil` when the guard is ``reject`` and
  ///   the text is dangerous. Safe text comes back unchanged.
  public func neutralize(_ text: String) -> String? {
    guard Self.isDangerous(text) else { return text }
    switch self {
    case .reject:
      return nil
    case .prefix:
      var result = "'"
      result.unicodeScalars.append(contentsOf: text.unicodeScalars.lazy.filter { $0 != "\0" })
      return result
    case .strip:
      var scalars = text.unicodeScalars.filter { $0 != "\0" }[...]
      while let first = scalars.first, Self.isSpace(first) || Self.isTrigger(first) {
        scalars = scalars.dropFirst()
      }
      var result = ""
      result.unicodeScalars.append(contentsOf: scalars)
      return result
    }
  }

  /// Blanks and C0 controls that an import may trim before it looks at the cell.
  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value <= 0x20 || scalar == "\u{00A0}" || scalar == "\u{3000}"
  }

  private static func isTrigger(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "=", "+", "-", "@", "\t", "\r", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}":
      true
    default:
      false
    }
  }
}
