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
    try writePieces(at: path, columns: columns, format: format, rowCount: rowCount) { rows throws(ReportError) in
      var writer = CSVWriter(columns: columns, format: format, rowsBefore: rows.lowerBound)
      var cells = [ReportCell](repeating: .missing, count: columns.count)
      for row in rows {
        fill(row, &cells)
        try writer.writeRow(cells)
      }
      return writer.takeBytes()
    }
  }

  /// Streams `rowCount` rows of `columns` into the CSV file at `path`, as
  /// ``writeFile(at:columns:format:rowCount:fill:)`` does, with the same
  /// bytes as rows of the matching ``ReportCell``s; each column formats a
  /// piece of rows at a time, which is several times faster for a
  /// million-row table. The columns' closures are called from several threads.
  ///
  /// - Throws: ``ReportError/formulaCell(column:row:value:)`` for the first
  ///   rejected cell (in row order), or a file error.
  public static func writeFile(
    at path: String, columns: [CSVColumn], format: CSVFormat = CSVFormat(), rowCount: Int
  ) throws(ReportError) {
    let names = columns.map(\.name)
    try writePieces(at: path, columns: names, format: format, rowCount: rowCount) { rows throws(ReportError) in
      var writer = CSVWriter(columns: names, format: format, rowsBefore: rows.lowerBound)
      var ends: [Int32] = []
      ends.reserveCapacity(rows.count * columns.count)
      // Past the first rejected row nothing is written: a later column can only name an earlier row.
      var rejected: (row: Int, error: ReportError)? = nil
      for (index, column) in columns.enumerated() {
        let end = rejected.map { $0.row - 1 } ?? rows.upperBound
        do throws(ReportError) {
          try writer.appendCells(of: column, index: index, rows: rows.lowerBound..<end, ends: &ends)
        } catch {
          guard case .formulaCell(_, let row, _) = error else { throw error }
          rejected = (row, error)
          ends.removeAll()
        }
      }
      if let rejected { throw rejected.error }
      return joinRows(cells: writer.takeBytes(), ends: ends, columns: columns.count, rows: rows.count, format: format)
    }
  }

  /// The rows of a piece whose cells are laid out column after column
  /// (`ends[c * rows + i]`: where cell `i` of column `c` ends in `cells`),
  /// with delimiters and line endings.
  private static func joinRows(cells: [UInt8], ends: [Int32], columns: Int, rows: Int, format: CSVFormat) -> [UInt8] {
    let delimiter = Array(String(format.delimiter).utf8)
    let lineEnding = format.lineEnding.bytes
    let total = cells.count + rows * ((columns - 1) * delimiter.count + lineEnding.count)
    return [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
      cells.withUnsafeBufferPointer { cells in
        ends.withUnsafeBufferPointer { ends in
          var at = 0
          // Cells are a few bytes: a loop costs less than a call to memmove.
          func put(_ bytes: UnsafeBufferPointer<UInt8>) {
            for byte in bytes {
              out.initializeElement(at: at, to: byte)
              at += 1
            }
          }
          delimiter.withUnsafeBufferPointer { delimiter in
            lineEnding.withUnsafeBufferPointer { lineEnding in
              for i in 0..<rows {
                for c in 0..<columns {
                  if c > 0 { put(delimiter) }
                  let k = c * rows + i
                  let start = k == 0 ? 0 : Int(ends[k - 1])
                  put(UnsafeBufferPointer(rebasing: cells[start..<Int(ends[k])]))
                }
                put(lineEnding)
              }
            }
          }
          initialized = at
        }
      }
    }
  }

  /// Writes the header, then the text of each piece of rows (from `piece`,
  /// called on several threads) in order, and renames the file into place.
  private static func writePieces(
    at path: String, columns: [String], format: CSVFormat, rowCount: Int,
    piece: @Sendable (Range<Int>) throws(ReportError) -> [UInt8]
  ) throws(ReportError) {
    // Only one task at a time writes to the file: the first of each round's loop, or this thread between them.
    nonisolated(unsafe) let file = try AtomicFileWriter(path: path)
    var header = try CSVWriter(columns: columns, format: format) { (bytes: [UInt8]) throws(ReportError) in
      try file.append(bytes)
    }
    try header.finish()
    // Each round formats a few pieces side by side (Dispatch spreads them over the cores) while the round
    // before is written, one task of the same loop; the text of a round is a few megabytes. The pieces do not
    // depend on the machine, nor does the file.
    let pieceRows = 1 << 14
    let pieces = 4
    var written: [[UInt8]] = []
    var start = 0
    while start < rowCount || !written.isEmpty {
      let round = (0..<pieces).map { p in
        min(rowCount, start + p * pieceRows)..<min(rowCount, start + (p + 1) * pieceRows)
      }.filter { !$0.isEmpty }
      let results = ConcurrentSlots<Result<[UInt8], ReportError>>(repeating: .success([]), count: round.count + 1)
      let previous = written
      DispatchQueue.concurrentPerform(iterations: round.count + 1) { task in
        do throws(ReportError) {
          if task == 0 {
            for bytes in previous { try file.append(bytes) }
          } else {
            results[task] = .success(try piece(round[task - 1]))
          }
        } catch {
          results[task] = .failure(error)
        }
      }
      _ = try results[0].get()
      // In order: the first failing piece's error is the first rejected row's.
      written = []
      for p in round.indices { written.append(try results[p + 1].get()) }
      start = round.last?.upperBound ?? start
    }
    try file.commit()
  }
}
