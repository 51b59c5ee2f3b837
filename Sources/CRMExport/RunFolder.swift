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
  /// customers only the later files have, in their order.
  public let customerIDs: [String]

  let tables: [InputFile: InputTable]
  /// For each file in ``InputFile`` order, the row of each of ``customerIDs`` (−1: none).
  private let rowsOfCustomers: [[Int32]]

  /// Reads the files of `path`.
  ///
  /// - Parameter columns: the input columns to hold (`probability`,
  ///   `scores.probability`), as ``CRMExporter/sourceColumns`` lists them;
  ///   `nil` holds every column. Headers are known either way.
  /// - Throws: ``ExportError/noInputs(folder:expected:)`` when none is
  ///   there, or what reading one of them throws.
  public init(path: String, columns: [String]? = nil) throws(ExportError) {
    self.path = path
    let wanted = columns.map(Set.init)
    let paths = InputFile.allCases.compactMap { file in RunLayout.path(of: file.fileName, in: path).map { (file, $0) } }
    // The files are read side by side; the first failure in file order is the one reported.
    let read = ConcurrentSlots<Result<InputTable, ExportError>?>(repeating: nil, count: paths.count)
    DispatchQueue.concurrentPerform(iterations: paths.count) { i in
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
    var customerIDs = first.customerIDs
    var rowsOfCustomers = InputFile.allCases.map { _ in [Int32]() }
    rowsOfCustomers[files[0].index] = (0..<Int32(customerIDs.count)).map { $0 }
    var added: [String: Int] = [:]
    for file in files.dropFirst() {
      let table = tables[file]!
      var rows = [Int32](repeating: -1, count: customerIDs.count)
      var previous = -1
      for (row, id) in table.customerIDs.enumerated() {
        let index: Int
        if let known = first.row(of: id, after: previous) ?? added[id] {
          index = known
        } else {
          index = customerIDs.count
          added[id] = index
          customerIDs.append(id)
          rows.append(-1)
        }
        rows[index] = Int32(row)
        previous = index
      }
      rowsOfCustomers[file.index] = rows
    }
    for f in rowsOfCustomers.indices where tables[InputFile.allCases[f]] != nil {
      rowsOfCustomers[f] += repeatElement(-1, count: customerIDs.count - rowsOfCustomers[f].count)
    }
    self.tables = tables
    self.customerIDs = customerIDs
    self.rowsOfCustomers = rowsOfCustomers
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
    guard let table = tables[file] else { return nil }
    let row = Int(rowsOfCustomers[file.index][customer])
    guard row >= 0 else { return nil }
    return (table.values[column]![row], table.name, table.lines[row])
  }

  /// The row of customer number `customer` of ``customerIDs`` in `file`, if it has one.
  func row(in file: InputFile, customer: Int) -> Int? {
    guard tables[file] != nil else { return nil }
    let row = Int(rowsOfCustomers[file.index][customer])
    return row >= 0 ? row : nil
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
