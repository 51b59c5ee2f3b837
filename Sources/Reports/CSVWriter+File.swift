import Dispatch
import Models

extension CSVWriter {
  /// Streams `rowCount` rows into the CSV file at `path`, written to a
  /// temporary file and renamed into place when complete: a million rows
  /// never sit in memory as text, and a failure leaves no half file.
  ///
  /// Rows are formatted in pieces on every core and written in order, so
  /// the file is the same as one written row by row; `fill` is therefore
  /// called from several threads, each with its own cells.
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
  /// - Throws: ``ReportError/formulaCell(column:row:value:)`` for the first
  ///   rejected cell, or a file error.
  public static func writeFile(
    at path: String, columns: [String], format: CSVFormat = CSVFormat(), rowCount: Int,
    fill: @Sendable (_ row: Int, _ cells: inout [ReportCell]) -> Void
  ) throws(ReportError) {
    let file = try AtomicFileWriter(path: path)
    var header = try CSVWriter(columns: columns, format: format) { (bytes: [UInt8]) throws(ReportError) in
      try file.append(bytes)
    }
    try header.finish()
    // Each round formats a few pieces side by side (Dispatch spreads them over the cores); the text of a
    // round is a few megabytes. The pieces do not depend on the machine, nor does the file.
    let pieceRows = 1 << 14
    let pieces = 4
    var start = 0
    while start < rowCount {
      let round = (0..<pieces).map { p in
        min(rowCount, start + p * pieceRows)..<min(rowCount, start + (p + 1) * pieceRows)
      }.filter { !$0.isEmpty }
      let results = ConcurrentSlots<Result<[UInt8], ReportError>>(repeating: .success([]), count: round.count)
      DispatchQueue.concurrentPerform(iterations: round.count) { p in
        var writer = CSVWriter(columns: columns, format: format, rowsBefore: round[p].lowerBound)
        var cells = [ReportCell](repeating: .missing, count: columns.count)
        do throws(ReportError) {
          for row in round[p] {
            fill(row, &cells)
            try writer.writeRow(cells)
          }
          results[p] = .success(writer.takeBytes())
        } catch {
          results[p] = .failure(error)
        }
      }
      // In order: the first failing piece's error is the first rejected row's.
      for p in 0..<round.count { try file.append(try results[p].get()) }
      start = round.last!.upperBound
    }
    try file.commit()
  }
}
