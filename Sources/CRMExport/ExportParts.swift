/// An export's rows rendered and cut into files within the profile's limits
/// (spec §8.1.9): at most `maxRows` data rows and `maxBytes` bytes each,
/// measured after encoding, with the header (and BOM) repeated in every file.
struct ExportParts {
  struct Part {
    var bytes: [UInt8]
    var rows: Int
  }

  let parts: [Part]
  /// The BOM at the start of each CSV part, empty when none.
  let prefix: [UInt8]
  private let settings: ExportSettings

  /// - Parameter customers: the customer of each row, for messages.
  /// - Throws: ``ExportError/rowTooLarge(offender:bytes:limit:)``, or what encoding throws.
  init(settings: ExportSettings, headers: [String], rows: [[ExportCell]], customers: [String]) throws(ExportError) {
    self.settings = settings
    let maxRows = settings.format == .xlsx ? min(settings.maxRows ?? Self.xlsxRowLimit, Self.xlsxRowLimit) : settings.maxRows
    switch settings.format {
    case .csv:
      let renderer = CSVRenderer(settings: settings)
      prefix = renderer.prefix
      parts = try Self.csvParts(renderer, headers: headers, rows: rows, customers: customers, maxRows: maxRows)
    case .xlsx:
      prefix = []
      var parts: [Part] = []
      var start = 0
      while start < rows.count || (start == 0 && parts.isEmpty) {
        let end = min(rows.count, start + (maxRows ?? rows.count))
        parts += try Self.xlsxParts(
          headers: headers, rows: rows[start..<end], customers: customers, maxBytes: settings.maxBytes)
        start = end
        if end == rows.count { break }
      }
      self.parts = parts
    }
  }

  /// Excel's sheet holds 1,048,576 rows, the header one of them.
  static let xlsxRowLimit = 1_048_575

  /// `<name>.<ext>` for one part, `<name>.partNN.<ext>` for several.
  var fileNames: [String] {
    let ext = settings.format.fileExtension
    guard parts.count > 1 else { return ["\(settings.fileName).\(ext)"] }
    let width = max(2, String(parts.count).count)
    return parts.indices.map { index in
      let number = String(index + 1)
      return "\(settings.fileName).part\(String(repeating: "0", count: width - number.count))\(number).\(ext)"
    }
  }

  private static func csvParts(
    _ renderer: CSVRenderer, headers: [String], rows: [[ExportCell]], customers: [String], maxRows: Int?
  ) throws(ExportError) -> [Part] {
    let start = renderer.prefix + (try renderer.header(headers))
    let maxBytes = renderer.settings.maxBytes
    var parts: [Part] = []
    var current = Part(bytes: start, rows: 0)
    for (index, cells) in rows.enumerated() {
      let line = try renderer.row(cells)
      if let maxBytes, start.count + line.count > maxBytes {
        throw .rowTooLarge(
          offender: .init(customerID: customers[index], file: "", line: 0, value: ""), bytes: start.count + line.count,
          limit: maxBytes)
      }
      let full = (maxRows.map { current.rows >= $0 } ?? false)
        || (maxBytes.map { current.bytes.count + line.count > $0 } ?? false)
      if full {
        parts.append(current)
        current = Part(bytes: start, rows: 0)
      }
      current.bytes += line
      current.rows += 1
    }
    parts.append(current)
    return parts
  }

  /// One workbook, or halves of the rows in turn until each fits `maxBytes`
  /// (a zipped size is only known once built).
  private static func xlsxParts(
    headers: [String], rows: ArraySlice<[ExportCell]>, customers: [String], maxBytes: Int?
  ) throws(ExportError) -> [Part] {
    let bytes = try XLSXWorkbook(headers: headers, rows: Array(rows)).bytes()
    guard let maxBytes, bytes.count > maxBytes else { return [Part(bytes: bytes, rows: rows.count)] }
    guard rows.count > 1 else {
      let customer = rows.isEmpty ? "" : customers[rows.startIndex]
      throw .rowTooLarge(offender: .init(customerID: customer, file: "", line: 0, value: ""), bytes: bytes.count, limit: maxBytes)
    }
    let middle = rows.startIndex + rows.count / 2
    return try xlsxParts(headers: headers, rows: rows[..<middle], customers: customers, maxBytes: maxBytes)
      + xlsxParts(headers: headers, rows: rows[middle...], customers: customers, maxBytes: maxBytes)
  }
}
