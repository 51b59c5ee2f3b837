import Foundation

/// Each customer's CRM key, from the customers file (or the customer id itself).
struct KeyLookup {
  /// The column the keys come from (in the customers file, or `customer_id`).
  let column: String
  /// The customers file's name, for messages.
  let fileName: String
  /// For the manifest: `customers.csv: Record Id` or `customer_id`.
  let source: String
  private let table: InputTable?
  private let keyIndex: Int
  private let run: RunFolder

  /// - Throws: ``ExportError/invalidSetting(name:message:)`` when the keys
  ///   need a customers file and none is given, or what reading it throws.
  init(config: ExportConfig, run: RunFolder, customersFile: String?) throws(ExportError) {
    self.run = run
    let column = config.matchKey.column ?? config.settings.keyHeader ?? "customer_id"
    self.column = column
    let path = config.matchKey.file ?? customersFile ?? "\(run.path)/customers.csv"
    if column == "customer_id" && config.matchKey.file == nil && customersFile == nil {
      table = nil
      keyIndex = 0
      fileName = "the inputs"
      source = "customer_id"
      return
    }
    guard FileManager.default.fileExists(atPath: path) else {
      throw .invalidSetting(
        name: "match_key",
        message: "the CRM key \(quoted(column)) is a column of the customers file, and there is no \(path); "
          + "give --customers FILE or match_key: file:")
    }
    let table = try InputTable(path: path, idColumn: config.matchKey.idColumn)
    guard let index = table.column(column) else {
      throw .invalidSetting(
        name: "match_key.column",
        message: "\(path) has no column \(quoted(column)) holding the CRM's record ids; its columns are "
          + "\(table.header.map(quoted).joined(separator: ", ")). Name the key column with match_key: column: "
          + "(customer_id makes the toolkit's own id the key)")
    }
    self.table = table
    keyIndex = index
    fileName = table.name
    source = "\(table.name): \(column)"
  }

  /// The customer's key with where it stands, or `nil` when the customers file does not list them.
  func key(for customer: String) -> ExportError.Offender? {
    guard let table else {
      let file = run.found.first { run.tables[$0]!.rowOfCustomer[customer] != nil }!
      let inputs = run.tables[file]!
      return .init(customerID: customer, file: inputs.name, line: inputs.lines[inputs.rowOfCustomer[customer]!], value: customer)
    }
    guard let row = table.rowOfCustomer[customer] else { return nil }
    let key = String(table.rows[row][keyIndex].trimmingSpaces)
    return .init(customerID: customer, file: table.name, line: table.lines[row], value: key)
  }

  /// Whether Excel would damage these keys on open: long digit strings lose
  /// digits past 15, leading zeros go, `12E3` becomes a number (spec §8.1.10).
  func mayBeMangledByExcel(_ keys: [String]) -> Bool {
    keys.contains { key in
      let digits = key.allSatisfy(\.isASCIIDigit)
      if digits && (key.count >= 12 || (key.count > 1 && key.hasPrefix("0"))) { return true }
      let parts = key.uppercased().split(separator: "E", omittingEmptySubsequences: false)
      return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
