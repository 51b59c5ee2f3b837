/// Writes CSV records into a byte buffer and hands full buffers to a sink.
///
/// Output follows RFC 4180: a field is quoted only when it contains the
/// delimiter, a double quote, CR or LF, and quotes inside are doubled.
/// Text cells pass through the ``FormulaGuard`` first; numbers are written
/// in their shortest exact form (``NumberFormatting/shortest(_:)``), and
/// missing values, NaN and infinities as empty fields.
///
/// The writer never holds more than about `flushThreshold` bytes, so a
/// million-row `scores.csv` streams straight into an ``AtomicFileWriter``:
///
/// ```swift
/// let file = try AtomicFileWriter(path: "out/scores.csv")
/// var writer = try CSVWriter(columns: ["customer_id", "score"]) { try file.append($0) }
/// for (id, score) in scores { try writer.writeRow([.text(id), .number(score)]) }
/// try writer.finish()
/// try file.commit()
/// ```
public struct CSVWriter {
  /// Receives each full buffer of bytes, in order.
  public typealias Sink = ([UInt8]) throws(ReportError) -> Void

  public let format: CSVFormat
  /// The column names, used for the header and in error messages.
  public let columns: [String]
  /// Data rows written so far (the header not counted).
  public private(set) var rowCount = 0

  private let sink: Sink
  private let flushThreshold: Int
  private var buffer: [UInt8] = []
  private let delimiterBytes: [UInt8]
  private let delimiterScalar: Unicode.Scalar
  /// The delimiter's byte when it is ASCII, so fields are checked byte by byte.
  private let delimiterByte: UInt8?
  /// Whether a number's text (digits, `-`, `.`) can hold the delimiter and need quotes.
  private let numbersMayNeedQuotes: Bool

  /// Starts a CSV file: queues the byte order mark (if asked for) and the header row.
  ///
  /// - Parameters:
  ///   - columns: the column names; they are text and pass through the formula guard.
  ///   - format: the dialect, default comma, LF, no BOM, ``FormulaGuard/prefix``.
  ///   - flushThreshold: buffer size in bytes that triggers a call to `sink`;
  ///     default 64 KiB.
  ///   - sink: called with each full buffer and once more from ``finish()``.
  /// - Throws: ``ReportError/formulaCell(column:row:value:)`` (row 0) when a
  ///   column name is dangerous under ``FormulaGuard/reject``.
  public init(
    columns: [String],
    format: CSVFormat = CSVFormat(),
    flushThreshold: Int = 1 << 16,
    sink: @escaping Sink
  ) throws(ReportError) {
    self.columns = columns
    self.format = format
    self.flushThreshold = max(1, flushThreshold)
    self.sink = sink
    self.delimiterScalar = format.delimiter.unicodeScalars.first!
    self.delimiterBytes = Array(String(format.delimiter).utf8)
    self.delimiterByte = delimiterScalar.isASCII ? UInt8(delimiterScalar.value) : nil
    self.numbersMayNeedQuotes = "-.0123456789".unicodeScalars.contains(delimiterScalar)
    buffer.reserveCapacity(self.flushThreshold + 1024)
    if format.byteOrderMark { buffer += [0xEF, 0xBB, 0xBF] }
    for (index, name) in columns.enumerated() {
      if index > 0 { buffer += delimiterBytes }
      try appendText(name, column: index, row: 0)
    }
    buffer += format.lineEnding.bytes
  }

  /// A writer of the rows after the first `rowsBefore`, without BOM and
  /// header, whose bytes are taken with ``takeBytes()``: one piece of a
  /// file written by several threads.
  init(columns: [String], format: CSVFormat, rowsBefore: Int) {
    self.columns = columns
    self.format = format
    flushThreshold = .max
    sink = { _ in }
    delimiterScalar = format.delimiter.unicodeScalars.first!
    delimiterBytes = Array(String(format.delimiter).utf8)
    delimiterByte = delimiterScalar.isASCII ? UInt8(delimiterScalar.value) : nil
    numbersMayNeedQuotes = "-.0123456789".unicodeScalars.contains(delimiterScalar)
    rowCount = rowsBefore
  }

  /// The bytes written since the last call, without handing them to the sink.
  mutating func takeBytes() -> [UInt8] {
    defer { buffer = [] }
    return buffer
  }

  /// Writes one data row.
  ///
  /// - Precondition: `cells.count == columns.count`.
  /// - Throws: ``ReportError/formulaCell(column:row:value:)`` under
  ///   ``FormulaGuard/reject``, or whatever the sink throws. Nothing of a
  ///   rejected row reaches the sink.
  public mutating func writeRow(_ cells: [ReportCell]) throws(ReportError) {
    precondition(
      cells.count == columns.count,
      "CSV row has \(cells.count) cells but there are \(columns.count) columns")
    let rowStart = buffer.count
    let row = rowCount + 1
    do {
      for (index, cell) in cells.enumerated() {
        if index > 0 { buffer += delimiterBytes }
        switch cell {
        case .text(let text): try appendText(text, column: index, row: row)
        case .integer(let value): appendInteger(value)
        case .number(let value, _): appendNumber(value)
        case .missing: break
        }
      }
    } catch {
      buffer.removeSubrange(rowStart...)
      throw error
    }
    buffer += format.lineEnding.bytes
    rowCount = row
    if buffer.count >= flushThreshold { try flush() }
  }

  /// Appends the cells of `rows` of `column` (``columns``[`index`]) one
  /// after another, without delimiters, and where each ends in the buffer
  /// to `ends`: one column of a piece of a file written column by column.
  ///
  /// - Throws: ``ReportError/formulaCell(column:row:value:)`` for the first
  ///   rejected cell (`row` counted from 1, as ``writeRow(_:)`` counts).
  mutating func appendCells(of column: CSVColumn, index: Int, rows: Range<Int>, ends: inout [Int32]) throws(ReportError) {
    switch column.cells {
    case .number(let value):
      for row in rows {
        appendNumber(value(row))
        ends.append(Int32(buffer.count))
      }
    case .integer(let value):
      for row in rows {
        appendInteger(value(row))
        ends.append(Int32(buffer.count))
      }
    case .text(let value):
      for row in rows {
        if let text = value(row) { try appendText(text, column: index, row: row + 1) }
        ends.append(Int32(buffer.count))
      }
    case .choice(let choices, let pick):
      // Each choice's bytes, one after another (`nil` where the guard rejects it).
      var scratch = CSVWriter(columns: columns, format: format, rowsBefore: 0)
      var bounds: [Range<Int>?] = []
      for choice in choices {
        let start = scratch.buffer.count
        do throws(ReportError) {
          if let choice { try scratch.appendText(choice, column: index, row: 0) }
          bounds.append(start..<scratch.buffer.count)
        } catch {
          bounds.append(nil)
        }
      }
      var rejected: Int? = nil
      scratch.buffer.withUnsafeBufferPointer { bytes in
        for row in rows {
          guard let cell = bounds[pick(row)] else {
            rejected = row
            return
          }
          buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cell]))
          ends.append(Int32(buffer.count))
        }
      }
      if let rejected { throw .formulaCell(column: columns[index], row: rejected + 1, value: choices[pick(rejected)] ?? "") }
    }
  }

  /// Hands the remaining bytes to the sink. Call once after the last row.
  public mutating func finish() throws(ReportError) {
    try flush()
  }

  private mutating func flush() throws(ReportError) {
    guard !buffer.isEmpty else { return }
    try sink(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  private mutating func appendText(_ text: String, column: Int, row: Int) throws(ReportError) {
    if let delimiterByte {
      let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
        guard Self.isPlain(bytes, delimiter: delimiterByte) else { return false }
        buffer.append(contentsOf: bytes)
        return true
      }
      if plain == true { return }
    }
    guard let safe = format.formulaGuard.neutralize(text) else {
      throw .formulaCell(column: columns[column], row: row, value: text)
    }
    appendField(safe)
  }

  /// Whether `text` goes out as it is, seen in one pass over its bytes: it
  /// starts with a character that triggers no formula and is no blank the
  /// guard looks past (printable ASCII other than `=+-@`, or a non-ASCII
  /// character other than U+00A0, U+3000 and the full-width `＝＋－＠`),
  /// and holds no NUL (the formula guard's other test), quote, line break
  /// or delimiter (what would need quotes). Most cells of a million-row file do.
  private static func isPlain(_ text: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
    guard let first = text.first else { return true }
    if first < 0x80 {
      guard first > 0x20, first != UInt8(ascii: "="), first != UInt8(ascii: "+"), first != UInt8(ascii: "-"),
        first != UInt8(ascii: "@"), first != UInt8(ascii: "\""), first != delimiter
      else { return false }
    } else if text.count >= 2 && first == 0xC2 && text[1] == 0xA0 {
      return false  // U+00A0
    } else if text.count >= 3 && ((first == 0xE3 && text[1] == 0x80 && text[2] == 0x80)
      || (first == 0xEF && text[1] == 0xBC && [0x9D, 0x8B, 0x8D, 0xA0].contains(text[2])))
    {
      return false  // U+3000, U+FF1D, U+FF0B, U+FF0D, U+FF20
    }
    for byte in text.dropFirst() where byte <= UInt8(ascii: "\"") || byte == delimiter {
      // Below the quote only NUL, CR and LF matter; tabs and spaces are plain inside a cell.
      if byte == 0 || byte == 0x0D || byte == 0x0A || byte == UInt8(ascii: "\"") || byte == delimiter { return false }
    }
    return true
  }

  /// Appends the shortest text of `value` (nothing for NaN and infinities).
  private mutating func appendNumber(_ value: Double) {
    guard numbersMayNeedQuotes else {
      _ = NumberFormatting.appendShortest(value, to: &buffer)
      return
    }
    NumberFormatting.shortest(value).map { appendField($0) }
  }

  /// Appends an integer's digits.
  private mutating func appendInteger(_ value: Int) {
    guard numbersMayNeedQuotes else {
      if value < 0 { buffer.append(UInt8(ascii: "-")) }
      NumberFormatting.appendFixed(value.magnitude, decimals: 0, to: &buffer)
      return
    }
    appendField(String(value))
  }

  /// Appends `field`, quoted if RFC 4180 requires it.
  private mutating func appendField(_ field: String) {
    let needsQuotes: Bool
    if let delimiterByte {
      needsQuotes = field.utf8.contains { $0 == delimiterByte || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
    } else {
      needsQuotes = field.unicodeScalars.contains {
        $0 == delimiterScalar || $0 == "\"" || $0 == "\r" || $0 == "\n"
      }
    }
    guard needsQuotes else {
      buffer += field.utf8
      return
    }
    let quote = UInt8(ascii: "\"")
    buffer.append(quote)
    for byte in field.utf8 {
      if byte == quote { buffer.append(quote) }
      buffer.append(byte)
    }
    buffer.append(quote)
  }
}
