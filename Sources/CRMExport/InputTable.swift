import DataIngest

/// A CSV file read whole, one row per customer, with the line each row started on.
struct InputTable {
  let path: String
  /// The file name, for messages and reject lists.
  let name: String
  let header: [String]
  var customerIDs: [String] { index.ids }
  /// The values of each column by header index, `nil` for a column not kept.
  let values: [[String]?]
  let lines: [Int]
  private let index: IDIndex

  /// Reads `path` with the ingest reader (BOM, GB18030, quoting, delimiter
  /// detection), finding the customer id column by `idColumn` or, when `nil`,
  /// by `customer_id` and the ingest aliases (`客户ID`, `Customer Id`…).
  /// Only the columns `keep` accepts are held (a million rows of features.csv
  /// as strings take gigabytes, and an export reads three of them).
  ///
  /// - Throws: ``ExportError/unreadable(path:reason:)``,
  ///   ``ExportError/missingColumn(path:column:headers:)``,
  ///   ``ExportError/duplicateCustomer(path:offenders:)``.
  init(path: String, idColumn: String? = nil, keep: (String) -> Bool = { _ in true }) throws(ExportError) {
    self.path = path
    name = path.split(separator: "/").last.map(String.init) ?? path
    var header: [String] = []
    var index = IDIndex()
    var values: [[String]?] = []
    var lines: [Int] = []
    var duplicates: [ExportError.Offender] = []
    do {
      let reader = try CSVReader(path: path)
      guard let first = try reader.next() else {
        throw ExportError.unreadable(path: path, reason: "the file is empty")
      }
      header = (0..<first.count).map { first.string($0).trimmingSpaces }.map(String.init)
      let wanted = idColumn ?? "customer_id"
      guard
        let idIndex = header.firstIndex(of: wanted)
          ?? (idColumn == nil
            ? header.firstIndex { ColumnAliases.canonicalName(forHeader: $0, in: .customers) == "customer_id" } : nil)
      else { throw ExportError.missingColumn(path: path, column: wanted, headers: header) }
      let kept = header.indices.filter { keep(header[$0]) }
      values = header.map { _ in nil }
      for column in kept { values[column] = [] }
      while let record = try reader.next() {
        let id = String((idIndex < record.count ? record.string(idIndex) : "").trimmingSpaces)
        if let earlier = index.insert(id) {
          if duplicates.last?.customerID != id {
            duplicates.append(.init(customerID: id, file: name, line: lines[earlier], value: id))
          }
          duplicates.append(.init(customerID: id, file: name, line: record.line, value: id))
          continue
        }
        for column in kept { values[column]!.append(column < record.count ? record.string(column) : "") }
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
    self.index = index
    self.values = values
    self.lines = lines
  }

  /// The index of column `name`, if the file has it.
  func column(_ name: String) -> Int? { header.firstIndex(of: name) }

  /// The row of `id`, looking first just after `previous`: files of one run
  /// list their customers in the same order, so a join walks them in step.
  func row(of id: String, after previous: Int) -> Int? {
    let next = previous + 1
    if next < customerIDs.count && customerIDs[next] == id { return next }
    return index.position(of: id)
  }
}
