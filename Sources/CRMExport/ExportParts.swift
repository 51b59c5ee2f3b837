/// An export's rows rendered and cut into files within the profile's limits
/// (spec §8.1.9): at most `maxRows` data rows and `maxBytes` bytes each,
/// measured after encoding, with the header (and BOM) repeated in every file.
struct ExportParts {
  struct Part {
    /// Bytes of the file before ``bytes``: rows of a range taken whole rather than copied.
    var pieces: [[UInt8]] = []
    /// The bytes rows are appended to.
    var bytes: [UInt8]
    var rows: Int

    /// The file's bytes, one piece after another.
    var allPieces: [[UInt8]] { pieces + [bytes] }
    var count: Int { pieces.reduce(bytes.count) { $0 + $1.count } }
  }

  let parts: [Part]
  /// The BOM at the start of each CSV part, empty when none.
  let prefix: [UInt8]
  private let settings: ExportSettings

  /// Collects the rows as the exporter makes them: CSV rows are rendered
  /// into their part at once (a million rows of cells would take far more
  /// memory than their bytes), XLSX rows are kept for the workbook.
  struct Builder {
    private let settings: ExportSettings
    private let headers: [String]
    private let maxRows: Int?
    private let renderer: CSVRenderer
    /// The BOM and header every CSV part starts with.
    private var start: [UInt8] = []
    private var parts: [Part] = []
    private var current = Part(bytes: [], rows: 0)
    /// About how many rows will come.
    private let expectedRows: Int
    /// The header or first row that could not be rendered: thrown by
    /// ``finish()``, so that making the parts and adding rows need not throw.
    private var failure: ExportError?
    private var xlsxRows: [[ExportCell]] = []
    private var xlsxCustomers: [String] = []

    init(settings: ExportSettings, headers: [String], expectedRows: Int) {
      self.settings = settings
      self.headers = headers
      self.expectedRows = expectedRows
      maxRows =
        settings.format == .xlsx
        ? min(settings.maxRows ?? ExportParts.xlsxRowLimit, ExportParts.xlsxRowLimit) : settings.maxRows
      renderer = CSVRenderer(settings: settings)
      guard settings.format == .csv else { return }
      do {
        start = renderer.prefix + (try renderer.header(headers))
        current.bytes = start
      } catch {
        failure = error
      }
    }

    /// Adds a row; `customer` names it in messages.
    mutating func append(_ cells: [ExportCell], customer: @autoclosure () -> String) {
      guard settings.format == .csv else {
        xlsxRows.append(cells)
        xlsxCustomers.append(customer())
        return
      }
      guard failure == nil else { return }
      // The row is rendered at the end of the current part, and moves to a new part when it does not fit.
      let before = current.bytes.count
      do {
        try renderer.appendRow(cells, to: &current.bytes)
      } catch {
        failure = error
      }
      guard failure == nil else { return }
      fit(rowFrom: before, customer: customer)
    }

    /// Adds a CSV row the exporter rendered with ``CSVRenderer/appendField(_:to:)``
    /// and its kin, line end included.
    mutating func append(rendered line: UnsafeBufferPointer<UInt8>, customer: @autoclosure () -> String) {
      guard failure == nil else { return }
      let before = current.bytes.count
      current.bytes += line
      fit(rowFrom: before, customer: customer)
    }

    /// Whether ``append(wholeRows:count:)`` may take rows as they are: UTF-8
    /// CSV rows with no limit to cut them by.
    var takesWholeRows: Bool {
      settings.format == .csv && renderer.writesFieldBytes && maxRows == nil && settings.maxBytes == nil
        && failure == nil
    }

    /// Adds `count` rows rendered as ``append(rendered:customer:)`` takes them, one after another.
    mutating func append(wholeRows bytes: [UInt8], count: Int) {
      current.pieces += [current.bytes, bytes]
      current.bytes = []
      current.rows += count
    }

    /// Counts the row at the end of the current part from `before`, or moves
    /// it to a new part when the part would pass the profile's limits.
    private mutating func fit(rowFrom before: Int, customer: () -> String) {
      let length = current.bytes.count - before
      let maxBytes = settings.maxBytes
      if let maxBytes, start.count + length > maxBytes {
        failure = .rowTooLarge(
          offender: .init(customerID: customer(), file: "", line: 0, value: ""), bytes: start.count + length,
          limit: maxBytes)
        return
      }
      let full = (maxRows.map { current.rows >= $0 } ?? false) || (maxBytes.map { current.bytes.count > $0 } ?? false)
      if full {
        var next = Part(bytes: start, rows: 0)
        next.bytes += current.bytes[before...]
        current.bytes.removeSubrange(before...)
        parts.append(current)
        current = next
      }
      current.rows += 1
      if current.rows == 1024 { reserveForRows() }
    }

    /// Room for the rows to come, judged from the first: the part is then not
    /// copied as it grows, and pages never written take no memory.
    private mutating func reserveForRows() {
      let perRow = (current.bytes.count - start.count) / current.rows + 1
      let rows = min(expectedRows, maxRows ?? expectedRows) + 1
      current.bytes.reserveCapacity(min(settings.maxBytes ?? Int.max, start.count + rows * perRow * 9 / 8))
    }

    /// The parts.
    /// - Throws: ``ExportError/rowTooLarge(offender:bytes:limit:)`` or what
    ///   encoding threw, for the header or the first row that failed.
    func finish() throws(ExportError) -> ExportParts {
      if let failure { throw failure }
      switch settings.format {
      case .csv:
        return ExportParts(parts: parts + [current], prefix: renderer.prefix, settings: settings)
      case .xlsx:
        var parts: [Part] = []
        var start = 0
        while start < xlsxRows.count || (start == 0 && parts.isEmpty) {
          let end = min(xlsxRows.count, start + (maxRows ?? xlsxRows.count))
          parts += try ExportParts.xlsxParts(
            headers: headers, rows: xlsxRows[start..<end], customers: xlsxCustomers, maxBytes: settings.maxBytes)
          start = end
          if end == xlsxRows.count { break }
        }
        return ExportParts(parts: parts, prefix: [], settings: settings)
      }
    }
  }

  private init(parts: [Part], prefix: [UInt8], settings: ExportSettings) {
    self.parts = parts
    self.prefix = prefix
    self.settings = settings
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
