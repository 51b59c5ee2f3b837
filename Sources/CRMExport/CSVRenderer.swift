import DataIngest
import Reports

/// Spells header and rows in a profile's CSV dialect (spec §8.1.8): RFC 4180
/// quoting, text always quoted, numbers only when the profile quotes every
/// data cell, no spaces around delimiters, the profile's line ending and encoding.
final class CSVRenderer {
  let settings: ExportSettings
  private let delimiter: Unicode.Scalar
  private let delimiterBytes: [UInt8]
  private let lineEnd: [UInt8]

  init(settings: ExportSettings) {
    self.settings = settings
    delimiter = settings.delimiter.unicodeScalars.first!
    delimiterBytes = Array(String(settings.delimiter).utf8)
    lineEnd = settings.lineEnding.bytes
  }

  /// The byte-order mark each part starts with (UTF-8 only).
  var prefix: [UInt8] {
    settings.byteOrderMark && settings.encoding == .utf8 && settings.format == .csv ? [0xEF, 0xBB, 0xBF] : []
  }

  func header(_ names: [String]) throws(ExportError) -> [UInt8] {
    try encode(names.map { field($0, quote: settings.quoteHeader) })
  }

  /// Whether rows are UTF-8, so a row is its fields' bytes one after another
  /// (``appendField(_:to:)``, ``appendDelimiter(to:)``, ``appendLineEnd(to:)``).
  var writesFieldBytes: Bool { settings.encoding == .utf8 }

  /// Appends the row and its line ending to `bytes`; nothing when it cannot be encoded.
  func appendRow(_ cells: [ExportCell], to bytes: inout [UInt8]) throws(ExportError) {
    guard writesFieldBytes else {
      bytes += try encode(cells.map(field))
      return
    }
    // UTF-8 is the text's own bytes: written straight into the part, without a String per line.
    for index in cells.indices {
      if index > 0 { appendDelimiter(to: &bytes) }
      appendField(cells[index], to: &bytes)
    }
    appendLineEnd(to: &bytes)
  }

  /// Appends one cell of a UTF-8 row.
  func appendField(_ cell: ExportCell, to bytes: inout [UInt8]) {
    guard cell.style != .empty else { return }
    appendField(cell.text, quote: quotes(cell), to: &bytes)
  }

  // Appended through pointers: an array passed to `+=` is retained and released each time.
  func appendDelimiter(to bytes: inout [UInt8]) { delimiterBytes.withUnsafeBufferPointer { bytes += $0 } }

  func appendLineEnd(to bytes: inout [UInt8]) { lineEnd.withUnsafeBufferPointer { bytes += $0 } }

  /// Appends `text`, quoted when asked or when RFC 4180 requires it.
  private func appendField(_ text: String, quote: Bool, to bytes: inout [UInt8]) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
      // One pass tells whether RFC 4180 needs quotes and whether there are quotes to double.
      var special = false
      var quotes = false
      for byte in utf8 {
        if byte == 0x22 { quotes = true }
        special = special || byte == 0x22 || byte == 0x0D || byte == 0x0A || byte == delimiterBytes[0]
      }
      if quotes {
        bytes += field(text, quote: true).utf8
      } else if quote || (special && needsQuotes(text)) {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: utf8)
        bytes.append(UInt8(ascii: "\""))
      } else {
        bytes.append(contentsOf: utf8)
      }
    }
    if done == nil { bytes += field(text, quote: quote).utf8 }
  }

  /// Whether the cell's style is always quoted.
  private func quotes(_ cell: ExportCell) -> Bool {
    switch cell.style {
    case .text: true
    case .number, .typed: settings.quoteTypedCells
    case .empty: false
    }
  }

  private func field(_ cell: ExportCell) -> String {
    cell.style == .empty ? "" : field(cell.text, quote: quotes(cell))
  }

  /// Whether RFC 4180 requires quotes around `text`.
  private func needsQuotes(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0 == delimiter || $0 == "\"" || $0 == "\r" || $0 == "\n" }
  }

  /// `text` quoted when asked or when RFC 4180 requires it, inner quotes doubled.
  private func field(_ text: String, quote: Bool) -> String {
    guard quote || needsQuotes(text) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private func encode(_ fields: [String]) throws(ExportError) -> [UInt8] {
    let line = fields.joined(separator: String(settings.delimiter))
    var bytes: [UInt8]
    switch settings.encoding {
    case .utf8:
      bytes = Array(line.utf8)
    case .gb18030:
      do {
        var encoder = try GB18030Encoder()
        bytes = try encoder.encode(line)
      } catch {
        throw .cannotEncode(reason: error.description)
      }
    }
    return bytes + lineEnd
  }
}
