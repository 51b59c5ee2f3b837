#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import CMemory

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
    // While loading, blocks of 1 MiB and more are mapped on their own: glibc
    // would raise its threshold as the load frees its large tables, then
    // place columns in the heap among freed memory it cannot give back
    // (70 MB more resident after a 1,000,000-customer load). Afterwards the
    // threshold goes to 32 MiB, where glibc's own adjustment ends, so that
    // what runs next (features) reuses heap memory at glibc's usual pace.
    analyze_map_allocations_from(1 << 20)
    defer { analyze_map_allocations_from(32 << 20) }
    var state = LoadState(options: options)
    var customers: CustomerTable? = nil
    if let path = source.customers { customers = try state.loadCustomers(path) }
    let transactions = try state.loadTransactions(source.transactions)
    var events: EventTable? = nil
    if let path = source.events { events = try state.loadEvents(path) }
    let history = PurchaseHistory(
      customerIDs: state.customerIDs.strings(), transactions: transactions, customers: customers,
      events: events, ingest: state.report)
    // The parsing threads' allocator arenas keep what the load freed; what
    // runs next should not sit on top of it.
    state = LoadState(options: options)
    analyze_release_free_memory()
    return history
  }
}

/// What the files of one data set share while they are read.
struct LoadState {
  let options: IngestOptions
  let dates: DateParser
  var customerIDs = ByteInterner()
  /// Customers listed in the customers file have indexes below this; -1 without one.
  var knownCustomers = -1
  var report = IngestReport()
  /// Threads that parse blocks (see ``BlockPipeline``).
  let threads: Int

  init(options: IngestOptions) {
    self.options = options
    self.dates = DateParser(order: options.dateOrder)
    threads = min(4, max(2, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
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

  /// Runs `load` over the blocks of `reader`'s file.
  func run<Load: BlockLoad>(_ load: Load, _ reader: CSVReader) throws(IngestError) {
    // Blocks of about 1 MiB keep the rows in flight small.
    reader.limitChunkSize(to: 1 << 20)
    try BlockPipeline(reader: reader, load: load, threads: threads).run()
  }

  /// Reads the file of `table` at `path` with the load `makeLoad` builds
  /// from this state and the opened file, and records its account.
  mutating func load<Load: FileLoad>(
    _ path: String, _ table: TableKind,
    _ makeLoad: (_ state: LoadState, _ reader: CSVReader, _ columns: ResolvedColumns, _ summary: FileIngestSummary) -> Load
  ) throws(IngestError) -> Load.Table {
    let (reader, columns, summary) = try open(path, table)
    let load = makeLoad(self, reader, columns, summary)
    // The load holds the only reference, so that it can add ids in place.
    customerIDs = ByteInterner()
    try run(load, reader)
    let (table, customers, account) = load.finish()
    customerIDs = customers
    reportProgress(reader, rows: account.summary.rowsRead, finished: true)
    record(account)
    return table
  }

  func reportProgress(_ reader: CSVReader, rows: Int, finished: Bool) {
    options.progress?(
      IngestProgress(
        file: reader.path, bytesRead: reader.bytesRead, fileSize: reader.fileSize, rows: rows,
        isFinished: finished))
  }

  /// Adds a file's account to the report.
  mutating func record(_ account: FileAccount) {
    report.files.append(account.summary)
    report.rejects.append(contentsOf: account.rejects)
  }
}

/// Estimates the rows of a file from the bytes of its first rows, a little
/// high, to size its tables and columns once.
func estimatedRows(fileSize: Int, rows: Int, bytes: Int) -> Int {
  guard bytes > 0 else { return rows }
  return Int(Double(max(fileSize, bytes)) / Double(bytes) * Double(rows) * 1.05) + 16
}

extension Int {
  /// Room for a column of about this many rows: more, since room reserved
  /// and never used costs address space, not memory.
  var generousCapacity: Int { self + self / 10 }
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
