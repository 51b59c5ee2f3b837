/// The dialect of a CSV file: delimiter, line ending, byte order mark and formula guard.
public struct CSVFormat: Sendable, Equatable {
  /// The field separator; one Unicode scalar other than `"`, CR or LF.
  public let delimiter: Character
  public let lineEnding: LineEnding
  /// Whether the file starts with the UTF-8 byte order mark EF BB BF, which
  /// Excel needs to read non-ASCII text (such as Chinese city names) as UTF-8.
  public let byteOrderMark: Bool
  public let formulaGuard: FormulaGuard

  /// - Parameters:
  ///   - delimiter: default `,`.
  ///   - lineEnding: default ``LineEnding/lf``.
  ///   - byteOrderMark: default `false`.
  ///   - formulaGuard: default ``FormulaGuard/prefix``.
  /// - Precondition: `delimiter` is a single Unicode scalar and not `"`, CR or
  ///   LF (a choice made in code or rejected by the CLI before it gets here).
  public init(
    delimiter: Character = ",",
    lineEnding: LineEnding = .lf,
    byteOrderMark: Bool = false,
    formulaGuard: FormulaGuard = .prefix
  ) {
    precondition(
      delimiter.unicodeScalars.count == 1
        && !"\"\r\n".unicodeScalars.contains(delimiter.unicodeScalars.first!),
      "CSV delimiter must be one Unicode scalar other than a double quote, CR or LF")
    self.delimiter = delimiter
    self.lineEnding = lineEnding
    self.byteOrderMark = byteOrderMark
    self.formulaGuard = formulaGuard
  }
}
