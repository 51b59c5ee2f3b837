import DataIngest
import Foundation

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

  /// Reads the files of `path`.
  ///
  /// - Throws: ``ExportError/noInputs(folder:expected:)`` when none is
  ///   there, or what reading one of them throws.
  public init(path: String) throws(ExportError) {
    self.path = path
    var tables: [InputFile: InputTable] = [:]
    for file in InputFile.allCases {
      guard let filePath = RunLayout.path(of: file.fileName, in: path) else { continue }
      tables[file] = try InputTable(path: filePath)
    }
    guard !tables.isEmpty else {
      throw .noInputs(folder: path, expected: InputFile.allCases.map(\.fileName))
    }
    var seen = Set<String>()
    var customerIDs: [String] = []
    for file in InputFile.allCases {
      for id in tables[file]?.customerIDs ?? [] where seen.insert(id).inserted { customerIDs.append(id) }
    }
    self.tables = tables
    self.customerIDs = customerIDs
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

  /// The value of `column` of `file` for a customer, with the line it is on;
  /// `nil` when the file has no row for the customer.
  func value(_ file: InputFile, _ column: Int, customer: String) -> (text: String, file: String, line: Int)? {
    guard let table = tables[file], let row = table.rowOfCustomer[customer] else { return nil }
    return (table.rows[row][column], table.name, table.lines[row])
  }
}
