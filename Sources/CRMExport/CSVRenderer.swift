import DataIngest
import Reports

/// Spells header and rows in a profile's CSV dialect (spec §8.1.8): RFC 4180
/// quoting, text always quoted, numbers only when the profile quotes every
/// data cell, no spaces around delimiters, the profile's line ending and encoding.
struct CSVRenderer {
  let settings: ExportSettings

  /// The byte-order mark each part starts with (UTF-8 only).
  var prefix: [UInt8] {
    settings.byteOrderMark && settings.encoding == .utf8 && settings.format == .csv ? [0xEF, 0xBB, 0xBF] : []
  }

  func header(_ names: [String]) throws(ExportError) -> [UInt8] {
    try encode(names.map { field($0, quote: settings.quoteHeader) })
  }

  func row(_ cells: [ExportCell]) throws(ExportError) -> [UInt8] {
    try encode(
      cells.map { cell in
        switch cell.style {
        case .text: field(cell.text, quote: true)
        case .number, .typed: field(cell.text, quote: settings.quoteTypedCells)
        case .empty: ""
        }
      })
  }

  /// `text` quoted when asked or when RFC 4180 requires it, inner quotes doubled.
  private func field(_ text: String, quote: Bool) -> String {
    let delimiter = settings.delimiter.unicodeScalars.first!
    let needsQuotes = quote || text.unicodeScalars.contains { $0 == delimiter || $0 == "\"" || $0 == "\r" || $0 == "\n" }
    guard needsQuotes else { return text }
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
    return bytes + settings.lineEnding.bytes
  }
}
