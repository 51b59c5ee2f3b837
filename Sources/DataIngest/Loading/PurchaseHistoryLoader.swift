/// Reads a data set into a ``PurchaseHistory``, accounting for every row.
///
/// The customers file is read first, so customer indexes follow its order;
/// transactions and events then add customers it does not list (counted as
/// unknown). Each row is accepted, rejected with one ``RejectedRow`` per
/// problem, or dropped as an exact duplicate of an earlier row of its file.
///
/// ```swift
/// let history = try PurchaseHistoryLoader.load(try .folder("datasets/sample"))
/// print(history.transactions.count, history.ingest.rejects.count)
/// ```
public enum PurchaseHistoryLoader {
  /// - Throws: ``IngestError`` when a file cannot be read or lacks a required column.
  public static func load(_ source: DataSource, options: IngestOptions = .init()) throws(IngestError)
    -> PurchaseHistory
  {
    var state = LoadState(options: options)
    var customers: CustomerTable? = nil
    if let path = source.customers { customers = try state.loadCustomers(path) }
    let transactions = try state.loadTransactions(source.transactions)
    var events: EventTable? = nil
    if let path = source.events { events = try state.loadEvents(path) }
    return PurchaseHistory(
      customerIDs: state.customerIDs.strings(), transactions: transactions, customers: customers,
      events: events, ingest: state.report)
  }
}

/// What the files of one data set share while they are read.
struct LoadState {
  let options: IngestOptions
  let dates: DateParser
  var customerIDs = ByteInterner(expectedCount: 1 << 16)
  /// Customers listed in the customers file have indexes below this; -1 without one.
  var knownCustomers = -1
  var report = IngestReport()

  init(options: IngestOptions) {
    self.options = options
    self.dates = DateParser(order: options.dateOrder)
  }

  /// Opens `path` and maps its header.
  func open(_ path: String, _ table: TableKind) throws(IngestError)
    -> (CSVReader, ResolvedColumns, FileIngestSummary)
  {
    let reader = try CSVReader(path: path, options: options.reader)
    let headers: [String]
    if let columns = options.mapping.headerlessColumns[table] {
      let known = ColumnAliases.canonicalColumns(of: table)
      for column in columns where !known.contains(column) {
        throw .unknownColumn(table: table, column: column, known: known)
      }
      headers = columns
    } else {
      guard let header = try reader.next() else { throw .emptyFile(path: path) }
      headers = (0..<header.count).map {
        header.string($0).trimmingCharacters(in: " \t\u{FEFF}")
      }
    }
    let columns = try ResolvedColumns.resolve(
      headers: headers, table: table, file: path, explicit: options.mapping.headers[table] ?? [:])
    var summary = FileIngestSummary(file: path, table: table)
    summary.encoding = reader.encoding
    summary.delimiter = reader.delimiter
    summary.columnMapping = columns.entries
    return (reader, columns, summary)
  }

  /// Starts the duplicate check of `path` on a second thread; its reader
  /// skips the header line that ``open(_:_:)`` read.
  func duplicateScan(_ path: String, _ table: TableKind) throws(IngestError) -> DuplicateScan {
    let headerLines = options.mapping.headerlessColumns[table] == nil ? 1 : 0
    return try DuplicateScan(path: path, options: options.reader, skipping: headerLines)
  }

  /// Fields of `record`, padded with empty fields or flagged when the count is off.
  /// Whitespace-separated files may drop trailing empty fields; a trailing
  /// delimiter (extra empty fields) is accepted everywhere.
  func fieldCountIsValid(_ record: CSVRecord, expected: Int, delimiter: Delimiter) -> Bool {
    if record.count == expected { return true }
    if record.count < expected { return delimiter == .whitespace }
    for i in expected..<record.count where !record[i].isEmpty { return false }
    return true
  }

  func reportProgress(_ reader: CSVReader, rows: Int, finished: Bool) {
    options.progress?(
      IngestProgress(
        file: reader.path, bytesRead: reader.bytesRead, fileSize: reader.fileSize, rows: rows,
        isFinished: finished))
  }

  typealias Problems = [(column: String, reason: RejectReason, text: String?)]

  /// Rejects a row with the wrong number of fields; `true` when it did.
  mutating func rejectsFieldCount(
    _ record: CSVRecord, expected: Int, delimiter: Delimiter, customer: UnsafeBufferPointer<UInt8>,
    summary: inout FileIngestSummary, countUnknown: Bool = true
  ) -> Bool {
    guard !fieldCountIsValid(record, expected: expected, delimiter: delimiter) else { return false }
    summary.rejected += 1
    if countUnknown && isUnknown(customer) { summary.unknownCustomers += 1 }
    reject(summary.file, record, [("", .wrongFieldCount, "\(record.count) fields, expected \(expected): \(record.rawText)")])
    return true
  }

  /// A customer id must be present and valid text.
  func checkCustomerID(_ customer: UnsafeBufferPointer<UInt8>, _ problems: inout Problems) {
    if customer.isEmpty {
      problems.append(("customer_id", .missingCustomerID, ""))
    } else if UTF8Validation.validPrefixLength(UnsafeRawBufferPointer(customer)).valid != customer.count {
      problems.append(("customer_id", .invalidText, nil))
    }
  }

  /// A required date: its day, or a problem when empty or unreadable.
  func requiredDay(_ field: UnsafeBufferPointer<UInt8>, _ column: String, _ problems: inout Problems) -> Int32? {
    let day = dates.day(from: field)
    if field.isEmpty {
      problems.append((column, .missingDate, ""))
    } else if day == nil {
      problems.append((column, .unparsableDate, String(decoding: field, as: UTF8.self)))
    }
    return day
  }

  /// Whether a customer id (of a rejected row) is absent from the customers file.
  func isUnknown(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
    guard knownCustomers >= 0, !id.isEmpty else { return false }
    guard let code = customerIDs.find(id) else { return true }
    return Int(code) >= knownCustomers
  }

  mutating func reject(_ file: String, _ record: CSVRecord, _ problems: Problems) {
    for problem in problems {
      report.rejects.append(
        RejectedRow(
          file: file, line: record.line, column: problem.column, reason: problem.reason,
          text: problem.text ?? record.rawText))
    }
  }
}

/// The trimmed field `index`, or an empty buffer when the row is short or the column absent.
@inline(__always)
func cell(_ record: CSVRecord, _ index: Int) -> UnsafeBufferPointer<UInt8> {
  guard index >= 0, index < record.count else { return UnsafeBufferPointer(start: nil, count: 0) }
  var field = record[index]
  while let first = field.first, first == 0x20 || first == 0x09 {
    field = UnsafeBufferPointer(rebasing: field.dropFirst())
  }
  while let last = field.last, last == 0x20 || last == 0x09 {
    field = UnsafeBufferPointer(rebasing: field.dropLast())
  }
  return field
}

/// Estimates the rows of a file from the bytes of the first rows read.
@inline(__always)
func estimatedRows(fileSize: Int, rowsSoFar: Int, bytesSoFar: Int) -> Int {
  guard bytesSoFar > 0 else { return rowsSoFar }
  return Int(Double(fileSize) / Double(bytesSoFar) * Double(rowsSoFar) * 1.05)
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    let drop = Set(set.unicodeScalars)
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, drop.contains(first) { scalars = scalars.dropFirst() }
    while let last = scalars.last, drop.contains(last) { scalars = scalars.dropLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
