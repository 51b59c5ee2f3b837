import Features

extension FeatureTable {
  /// Writes the table as CSV, streaming (a million rows never sit in memory
  /// as text), to a temporary file renamed into place. Missing values are
  /// empty cells; numbers are written in their shortest exact form.
  public func writeCSV(to path: String, format: CSVFormat = CSVFormat()) throws(ReportError) {
    let customerIDs = customerIDs
    let cells = columns.map { column -> CSVColumn in
      switch column {
      case .number(let name, let values): .number(name) { values[$0] }
      case .text(let name, let values): .text(name) { values[$0] }
      }
    }
    try CSVWriter.writeFile(
      at: path, columns: [.text("customer_id") { customerIDs[$0] }] + cells, format: format, rowCount: count)
  }
}
