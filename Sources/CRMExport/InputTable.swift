import DataIngest

/// A CSV file read whole, one row per customer, with the line each row started on.
struct InputTable {
  let path: String
  /// The file name, for messages and reject lists.
  let name: String
  let header: [String]
  let customerIDs: [String]
  let rows: [[String]]
  let lines: [Int]
  let rowOfCustomer: [String: Int]

  /// Reads `path` with the ingest reader (BOM, GB18030, quoting, delimiter
  /// detection), finding the customer id column by `idColumn` or, when `nil`,
  /// by `customer_id` and the ingest aliases (`客户ID`, `Customer Id`…).
  ///
  /// - Throws: ``ExportError/unreadable(path:reason:)``,
  ///   ``ExportError/missingColumn(path:column:headers:)``,
  ///   ``ExportError/duplicateCustomer(path:offenders:)``.
  init(path: String, idColumn: String? = nil) throws(ExportError) {
    self.path = path
    name = path.split(separator: "/").last.map(String.init) ?? path
    var header: [String] = []
    var customerIDs: [String] = []
    var rows: [[String]] = []
    var lines: [Int] = []
    var rowOfCustomer: [String: Int] = [:]
    var duplicates: [ExportError.Offender] = []
    var idIndex = 0
    do {
      let reader = try CSVReader(path: path)
      guard let first = try reader.next() else {
        throw ExportError.unreadable(path: path, reason: "the file is empty")
      }
      header = (0..<first.count).map { first.string($0).trimmingSpaces }.map(String.init)
      let wanted = idColumn ?? "customer_id"
      guard
        let index = header.firstIndex(of: wanted)
          ?? (idColumn == nil
            ? header.firstIndex { ColumnAliases.canonicalName(forHeader: $0, in: .customers) == "customer_id" } : nil)
      else { throw ExportError.missingColumn(path: path, column: wanted, headers: header) }
      idIndex = index
      while let record = try reader.next() {
        let row = (0..<header.count).map { $0 < record.count ? record.string($0) : "" }
        let id = String(row[idIndex].trimmingSpaces)
        if let earlier = rowOfCustomer[id] {
          if duplicates.last?.customerID != id {
            duplicates.append(.init(customerID: id, file: name, line: lines[earlier], value: id))
          }
          duplicates.append(.init(customerID: id, file: name, line: record.line, value: id))
          continue
        }
        rowOfCustomer[id] = rows.count
        customerIDs.append(id)
        rows.append(row)
        lines.append(record.line)
      }
    } catch let error as ExportError {
      throw error
    } catch let error as IngestError {
      throw .unreadable(path: path, reason: error.description)
    } catch {
      throw .unreadable(path: path, reason: "\(error)")
    }
    if !duplicates.isEmpty { throw .duplicateCustomer(path: path, offenders: duplicates) }
    self.header = header
    self.customerIDs = customerIDs
    self.rows = rows
    self.lines = lines
    self.rowOfCustomer = rowOfCustomer
  }

  /// The index of column `name`, if the file has it.
  func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}
