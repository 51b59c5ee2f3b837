import Features

extension FeatureTable {
  /// Writes the table as CSV, streaming (a million rows never sit in memory
  /// as text), to a temporary file renamed into place. Missing values are
  /// empty cells; numbers are written in their shortest exact form.
  public func writeCSV(to path: String, format: CSVFormat = CSVFormat()) throws(ReportError) {
    try CSVWriter.writeFile(
      at: path, columns: ["customer_id"] + columns.map(\.name), format: format, rowCount: count
    ) { row, cells in
      cells[0] = .text(customerIDs[row])
      for (i, column) in columns.enumerated() {
        switch column {
        case .number(_, let values): cells[i + 1] = values[row].isNaN ? .missing : .number(values[row])
        case .text(_, let values): cells[i + 1] = values[row].map { .text($0) } ?? .missing
        }
      }
    }
  }
}
