extension ReportTable {
  /// The body of the report as CSV text: a header row of ``columns``, then ``rows``.
  ///
  /// The title, header pairs and notes are not part of the CSV: a CSV file
  /// is one table for programs, and extra lines would break importers.
  ///
  /// - Parameters:
  ///   - delimiter: field separator, default `,`.
  ///   - lineEnding: default ``LineEnding/lf``; ``LineEnding/crlf`` for RFC 4180's CRLF.
  ///   - byteOrderMark: start with EF BB BF, default `false`.
  ///   - formulaGuard: how dangerous text cells are handled, default ``FormulaGuard/prefix``.
  /// - Throws: ``ReportError/formulaCell(column:row:value:)`` under ``FormulaGuard/reject``.
  public func csv(
    delimiter: Character = ",",
    lineEnding: LineEnding = .lf,
    byteOrderMark: Bool = false,
    formulaGuard: FormulaGuard = .prefix
  ) throws(ReportError) -> String {
    let format = CSVFormat(
      delimiter: delimiter, lineEnding: lineEnding, byteOrderMark: byteOrderMark,
      formulaGuard: formulaGuard)
    return String(decoding: try csvBytes(format: format), as: UTF8.self)
  }

  /// The CSV bytes of the body in `format`.
  ///
  /// See ``csv(delimiter:lineEnding:byteOrderMark:formulaGuard:)``.
  public func csvBytes(format: CSVFormat = CSVFormat()) throws(ReportError) -> [UInt8] {
    var bytes: [UInt8] = []
    try writeCSV(format: format) { (chunk: [UInt8]) throws(ReportError) in bytes += chunk }
    return bytes
  }

  /// Writes the body as CSV to `path`, atomically (see ``AtomicFileWriter``).
  ///
  /// - Throws: ``ReportError/formulaCell(column:row:value:)`` under
  ///   ``FormulaGuard/reject`` (and then no file is left behind), or a file error.
  public func writeCSV(to path: String, format: CSVFormat = CSVFormat()) throws(ReportError) {
    try CSVWriter.writeFile(at: path, columns: columns, format: format, rowCount: rows.count) { i, cells in
      cells = rows[i]
    }
  }

  private func writeCSV(format: CSVFormat, sink: @escaping CSVWriter.Sink) throws(ReportError) {
    var writer = try CSVWriter(columns: columns, format: format, sink: sink)
    for row in rows { try writer.writeRow(row) }
    try writer.finish()
  }
}
