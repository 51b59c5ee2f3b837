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
  private let run: RunFolder
  /// The run's customer ids and the customers file's keys, read without reference counting.
  private let ids: TextColumn.View
  private let keys: TextColumn.View?
  /// The customers file's row of the last key found.
  private var previousRow = -1

  /// - Throws: ``ExportError/invalidSetting(name:message:)`` when the keys
  ///   need a customers file and none is given, or what reading it throws.
  init(config: ExportConfig, run: RunFolder, customersFile: String?) throws(ExportError) {
    self.run = run
    ids = run.ids.view
    let column = config.matchKey.column ?? config.settings.keyHeader ?? "customer_id"
    self.column = column
    guard let file = Self.customersFile(config: config, runPath: run.path, customersFile: customersFile) else {
      table = nil
      keys = nil
      fileName = "the inputs"
      source = "customer_id"
      return
    }
    let path = file.path
    guard FileManager.default.fileExists(atPath: path) else {
      throw .invalidSetting(
        name: "match_key",
        message: "the CRM key \(quoted(column)) is a column of the customers file, and there is no \(path); "
          + "give --customers FILE or match_key: file:")
    }
    // Read beside the run's files when the folder was read with ``CRMExporter/readRun(_:customers:)``.
    let table: InputTable
    if let prefetched = try run.customersTable(file) { table = prefetched } else { table = try file.read() }
    guard let index = table.column(column) else {
      throw .invalidSetting(
        name: "match_key.column",
        message: "\(path) has no column \(quoted(column)) holding the CRM's record ids; its columns are "
          + "\(table.header.map(quoted).joined(separator: ", ")). Name the key column with match_key: column: "
          + "(customer_id makes the toolkit's own id the key)")
    }
    self.table = table
    keys = table.values[index]!.view
    fileName = table.name
    source = "\(table.name): \(column)"
  }

  /// A customers file holding keys, and the columns read of it.
  struct CustomersFile: Equatable {
    let path: String
    /// The column of the customer ids; `nil` finds `customer_id` or an ingest alias.
    let idColumn: String?
    let keyColumn: String

    func read() throws(ExportError) -> InputTable {
      try InputTable(path: path, idColumn: idColumn) { $0 == keyColumn }
    }
  }

  /// The customers file the keys of `config` come from; `nil` when the keys are the customer ids.
  static func customersFile(config: ExportConfig, runPath: String, customersFile: String?) -> CustomersFile? {
    let column = config.matchKey.column ?? config.settings.keyHeader ?? "customer_id"
    if column == "customer_id" && config.matchKey.file == nil && customersFile == nil { return nil }
    return CustomersFile(
      path: config.matchKey.file ?? customersFile ?? "\(runPath)/customers.csv", idColumn: config.matchKey.idColumn,
      keyColumn: column)
  }

  /// Where the key of customer number `customer` of the run's
  /// ``RunFolder/customerIDs`` is: its row of the customers file (or the
  /// customer number, when the keys are the ids); `nil` when the customers
  /// file does not list them. Asked in the run's order, it finds each row
  /// next to the one before.
  mutating func place(of customer: Int) -> Int? {
    guard let table else { return customer }
    guard let row = table.row(of: ids[customer], after: previousRow) else { return nil }
    previousRow = row
    return row
  }

  /// The key at `place`, without spaces around it.
  func key(at place: Int) -> String {
    guard let keys else { return ids.string(place) }
    let text = keys[place]
    if let trimmed = TextBytes.trimmingSpaces(text) { return String(decoding: trimmed, as: UTF8.self) }
    return String(String(decoding: text, as: UTF8.self).trimmingSpaces)
  }

  /// The key of customer number `customer`, found at `place`, with where it stands.
  func offender(customer: Int, at place: Int) -> ExportError.Offender {
    let id = run.ids[customer]
    guard let table else {
      let file = run.found.first { run.row(in: $0, customer: customer) != nil }!
      let inputs = run.tables[file]!
      return .init(customerID: id, file: inputs.name, line: inputs.lines[run.row(in: file, customer: customer)!], value: id)
    }
    return .init(customerID: id, file: table.name, line: table.lines[place], value: key(at: place))
  }

  /// Whether Excel would damage this key on open: long digit strings lose
  /// digits past 15, leading zeros go, `12E3` becomes a number (spec §8.1.10).
  static func mayBeMangledByExcel(_ key: String) -> Bool {
    let bytes = key.utf8
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    if bytes.allSatisfy({ $0 < 0x80 }) {
      // ASCII: one byte per Character, and only e uppercases to E.
      if bytes.allSatisfy(isDigit) {
        return !bytes.isEmpty && (bytes.count >= 12 || (bytes.count > 1 && bytes.first == UInt8(ascii: "0")))
      }
      // Digits, one E, digits.
      guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) else { return false }
      let (mantissa, exponent) = (bytes[..<e], bytes[bytes.index(after: e)...])
      return !mantissa.isEmpty && !exponent.isEmpty && mantissa.allSatisfy(isDigit) && exponent.allSatisfy(isDigit)
    }
    let digits = key.allSatisfy(\.isASCIIDigit)
    if digits && (key.count >= 12 || (key.count > 1 && key.hasPrefix("0"))) { return true }
    let parts = key.uppercased().split(separator: "E", omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
