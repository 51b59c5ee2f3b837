import DataIngest
import Dispatch
import Foundation
import Models

/// The earlier outputs an export joins by customer: whichever of
/// features.csv, scores.csv, segments.csv and tags.csv a folder holds.
public struct RunFolder {
  public let path: String
  /// The files found, in ``InputFile`` order.
  public var found: [InputFile] { InputFile.allCases.filter { tables[$0] != nil } }
  /// The files looked for and not there.
  public var missing: [InputFile] { InputFile.allCases.filter { tables[$0] == nil } }
  /// Every customer of any file: features.csv's order first, then the
  /// customers only the later files have, in their order. Made anew, a
  /// `String` per customer, at each call.
  public var customerIDs: [String] { (0..<ids.count).map { ids[$0] } }

  /// ``customerIDs`` as bytes.
  let ids: TextColumn
  let tables: [InputFile: InputTable]
  /// For each file in ``InputFile`` order, the row of each of ``customerIDs``
  /// (−1: none), the files one after another.
  private let rowsOfCustomers: CustomerRows
  /// A customers file read beside the run's files, and what reading it gave.
  private let customers: (file: KeyLookup.CustomersFile, table: Result<InputTable, ExportError>)?

  /// Reads the files of `path`.
  ///
  /// - Parameter columns: the input columns to hold (`probability`,
  ///   `scores.probability`), as ``CRMExporter/sourceColumns`` lists them;
  ///   `nil` holds every column. Headers are known either way.
  /// - Throws: ``ExportError/noInputs(folder:expected:)`` when none is
  ///   there, or what reading one of them throws.
  public init(path: String, columns: [String]? = nil) throws(ExportError) {
    try self.init(path: path, columns: columns, customers: nil)
  }

  /// ``init(path:columns:)``, reading `customersFile` too, beside the run's
  /// files; what reading it throws is thrown by ``customersTable(_:)``.
  init(path: String, columns: [String]?, customers customersFile: KeyLookup.CustomersFile?) throws(ExportError) {
    self.path = path
    let wanted = columns.map(Set.init)
    let paths = InputFile.allCases.compactMap { file in RunLayout.path(of: file.fileName, in: path).map { (file, $0) } }
    // The files are read side by side; the first failure in file order is the one reported.
    let read = ConcurrentSlots<Result<InputTable, ExportError>?>(repeating: nil, count: paths.count + 1)
    DispatchQueue.concurrentPerform(iterations: paths.count + (customersFile == nil ? 0 : 1)) { i in
      guard i < paths.count else {
        read[i] = Result { () throws(ExportError) in try customersFile!.read() }
        return
      }
      let (file, filePath) = paths[i]
      read[i] = Result { () throws(ExportError) in
        try InputTable(path: filePath) { name in
          wanted.map { $0.contains(name) || $0.contains("\(file.rawValue).\(name)") } ?? true
        }
      }
    }
    var tables: [InputFile: InputTable] = [:]
    for (i, (file, _)) in paths.enumerated() { tables[file] = try read[i]!.get() }
    guard !tables.isEmpty else {
      throw .noInputs(folder: path, expected: InputFile.allCases.map(\.fileName))
    }
    // The first file's customers come first, in its order; files of one run list the same customers in the
    // same order, so each later file is matched by walking it in step with the first.
    let files = InputFile.allCases.filter { tables[$0] != nil }
    let first = tables[files[0]]!
    var ids = first.customerIDs
    var rowsOfCustomers = InputFile.allCases.map { _ in [Int32]() }
    rowsOfCustomers[files[0].index] = (0..<Int32(ids.count)).map { $0 }
    var added: [String: Int] = [:]
    for file in files.dropFirst() {
      let table = tables[file]!
      let tableIDs = table.customerIDs.view
      var rows = [Int32](repeating: -1, count: ids.count)
      var previous = -1
      for row in 0..<tableIDs.count {
        let id = tableIDs[row]
        let index: Int
        if let known = first.row(of: id, after: previous) ?? added[tableIDs.string(row)] {
          index = known
        } else {
          index = ids.count
          // The first file's ids are its index's own.
          if added.isEmpty { ids = ids.copy() }
          added[tableIDs.string(row)] = index
          ids.append(id)
          rows.append(-1)
        }
        rows[index] = Int32(row)
        previous = index
      }
      rowsOfCustomers[file.index] = rows
    }
    for f in rowsOfCustomers.indices {
      rowsOfCustomers[f] += repeatElement(-1, count: ids.count - rowsOfCustomers[f].count)
    }
    self.tables = tables
    self.ids = ids
    customers = customersFile.map { ($0, read[paths.count]!) }
    self.rowsOfCustomers = CustomerRows(Array(rowsOfCustomers.joined()))
  }

  /// The table of `file` if it was read with the folder, `nil` if not.
  /// - Throws: what reading it threw.
  func customersTable(_ file: KeyLookup.CustomersFile) throws(ExportError) -> InputTable? {
    guard let customers, customers.file == file else { return nil }
    return try customers.table.get()
  }

  /// Where a column's values are: `probability` (the first file with that
  /// header) or `scores.probability`.
  func locate(_ source: String) -> (file: InputFile, column: Int)? {
    let parts = source.split(separator: ".", maxSplits: 1).map(String.init)
    if parts.count == 2, let file = InputFile(rawValue: parts[0]) {
      return tables[file]?.column(parts[1]).map { (file, $0) }
    }
    for file in InputFile.allCases {
      if let column = tables[file]?.column(source) { return (file, column) }
    }
    return nil
  }

  /// Every column name the files have, for messages.
  var availableColumns: [String] {
    found.flatMap { file in tables[file]!.header.filter { $0 != "customer_id" }.map { "\(file.rawValue).\($0)" } }
  }

  /// The value of `column` of `file` for customer number `customer` of
  /// ``customerIDs``, with the line it is on; `nil` when the file has no row
  /// for the customer.
  ///
  /// - Precondition: the folder was read holding `column`.
  func value(_ file: InputFile, _ column: Int, customer: Int) -> (text: String, file: String, line: Int)? {
    guard let table = tables[file], let row = row(in: file, customer: customer) else { return nil }
    return (table.values[column]![row], table.name, table.lines[row])
  }

  /// The row of customer number `customer` of ``customerIDs`` in `file`, if it has one.
  func row(in file: InputFile, customer: Int) -> Int? { rows.row(in: file, customer: customer) }

  /// ``row(in:customer:)`` through a pointer, for a loop over every customer;
  /// valid while the folder lives.
  var rows: Rows { Rows(rows: UnsafePointer(rowsOfCustomers.rows), customers: ids.count) }

  struct Rows {
    let rows: UnsafePointer<Int32>
    let customers: Int

    @inline(__always)
    func row(in file: InputFile, customer: Int) -> Int? {
      let row = Int(rows[file.index * customers + customer])
      return row >= 0 ? row : nil
    }
  }

  /// The rows of the customers in each file, held where a pointer can read them.
  private final class CustomerRows {
    let rows: UnsafeMutablePointer<Int32>

    init(_ rows: [Int32]) {
      self.rows = .allocate(capacity: rows.count)
      self.rows.initialize(from: rows, count: rows.count)
    }

    deinit { rows.deallocate() }
  }
}

extension InputFile {
  /// The position in ``allCases``.
  var index: Int {
    switch self {
    case .features: 0
    case .scores: 1
    case .segments: 2
    case .tags: 3
    }
  }
}
