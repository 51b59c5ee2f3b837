extension CSVWriter {
  /// Streams `rowCount` rows into the CSV file at `path`, written to a
  /// temporary file and renamed into place when complete: a million rows
  /// never sit in memory as text, and a failure leaves no half file.
  ///
  /// ```swift
  /// try CSVWriter.writeFile(at: "out/scores.csv", columns: ["customer_id", "probability"], rowCount: ids.count) { i, cells in
  ///   cells[0] = .text(ids[i])
  ///   cells[1] = .number(p[i])
  /// }
  /// ```
  ///
  /// - Parameter fill: sets the cells of row `i`; the array has one cell
  ///   per column and keeps the previous row's cells until overwritten.
  public static func writeFile(
    at path: String, columns: [String], format: CSVFormat = CSVFormat(), rowCount: Int,
    fill: (_ row: Int, _ cells: inout [ReportCell]) -> Void
  ) throws(ReportError) {
    let file = try AtomicFileWriter(path: path)
    var writer = try CSVWriter(columns: columns, format: format) { (bytes: [UInt8]) throws(ReportError) in
      try file.append(bytes)
    }
    var cells = [ReportCell](repeating: .missing, count: columns.count)
    for row in 0..<rowCount {
      fill(row, &cells)
      try writer.writeRow(cells)
    }
    try writer.finish()
    try file.commit()
  }
}
