import Features

extension FeatureTable {
  /// Writes the table as CSV, streaming (a million rows never sit in memory
  /// as text), to a temporary file renamed into place. Missing values are
  /// empty cells; numbers are written in their shortest exact form.
  public func writeCSV(to path: String, format: CSVFormat = CSVFormat()) throws(ReportError) {
    // Unpacked once: matching the columns' enum for every cell costs more than formatting it.
    let numbers = columns.map { column -> [Double] in
      if case .number(_, let values) = column { return values }
      return []
    }
    let texts = columns.map { column -> [String?] in
      if case .text(_, let values) = column { return values }
      return []
    }
    let isNumber = columns.map { column in
      if case .number = column { return true }
      return false
    }
    try CSVWriter.writeFile(
      at: path, columns: ["customer_id"] + columns.map(\.name), format: format, rowCount: count
    ) { row, cells in
      cells[0] = .text(customerIDs[row])
      for i in isNumber.indices {
        if isNumber[i] {
          let value = numbers[i][row]
          cells[i + 1] = value.isNaN ? .missing : .number(value)
        } else {
          cells[i + 1] = texts[i][row].map { .text($0) } ?? .missing
        }
      }
    }
  }
}
