/// The container of an export file.
public enum ExportFormat: String, Sendable, Equatable, CaseIterable {
  /// RFC 4180 text in the profile's dialect.
  case csv
  /// An Office Open XML workbook with one sheet, keys and text as string
  /// cells (so `00123` and 19-digit ids survive Excel).
  case xlsx

  public var fileExtension: String { rawValue }
}
