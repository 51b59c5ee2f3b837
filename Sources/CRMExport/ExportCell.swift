/// One formatted cell of an export row, with what kind of cell a writer makes of it.
struct ExportCell: Equatable {
  enum Style: Equatable {
    /// Key, picklist, multi-select and text: always quoted in CSV, a string cell in XLSX.
    case text
    /// A number the exporter formatted, with its decimals: a numeric cell in XLSX.
    case number(scale: Int)
    /// A date or boolean the exporter formatted: quoted only when the profile
    /// quotes every data cell, a string cell in XLSX.
    case typed
    /// No value: an empty field, never quoted.
    case empty
  }

  var text: String
  var style: Style

  static let empty = ExportCell(text: "", style: .empty)
}
