import DataIngest

/// A CSV file read whole, one row per customer, with the line each row started on.
/// A class: the loop over customers asks it for rows without copying its arrays.
final class InputTable {
  let path: String
  /// The file name, for messages and reject lists.
  let name: String
  let header: [String]
  /// The customer ids, trimmed of spaces, in file order.
  var customerIDs: TextColumn { index.ids }
  /// The values of each column by header index, `nil` for a column not kept.
  let values: [TextColumn?]
  let lines: [Int]
  private let index: IDIndex

  /// Reads `path` with the ingest reader (BOM, GB18030, quoting, delimiter
  /// detection), finding the customer id column by `idColumn` or, when `nil`,
  /// by `customer_id` and the ingest aliases (`客户ID`, `Customer Id`…).
  /// Only the columns `keep` accepts are held (a million rows of features.csv
  /// take hundreds of megabytes, and an export reads three of them), as bytes.
  ///
  /// - Throws: ``ExportError/unreadable(path:reason:)``,
  ///   ``ExportError/missingColumn(path:column:headers:)``,
  ///   ``ExportError/duplicateCustomer(path:offenders:)``.
  init(path: String, idColumn: String? = nil, keep: (String) -> Bool = { _ in true }) throws(ExportError) {
    self.path = path
    name = path.split(separator: "/").last.map(String.init) ?? path
    var header: [String] = []
    var index = IDIndex()
    var values: [TextColumn?] = []
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
      for column in kept { values[column] = TextColumn() }
      // Unmanaged: appending to a column per cell then takes no reference count.
      let keptColumns = kept.map { ($0, Unmanaged.passUnretained(values[$0]!)) }
      let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
      let name = self.name
      try reader.forEachRemainingRecord { record in
        let field = idIndex < record.count ? record[idIndex] : none
        let trimmed = TextBytes.trimmingSpaces(field)
        let text = { trimmed.map { String(decoding: $0, as: UTF8.self) } ?? String(record.string(idIndex).trimmingSpaces) }
        if let earlier = trimmed.map({ index.insert(bytes: $0) }) ?? index.insert(text()) {
          let id = text()
          if duplicates.last?.customerID != id {
            duplicates.append(.init(customerID: id, file: name, line: lines[earlier], value: id))
          }
          duplicates.append(.init(customerID: id, file: name, line: record.line, value: id))
          return true
        }
        for (column, values) in keptColumns {
          values._withUnsafeGuaranteedRef { $0.append(column < record.count ? record[column] : none) }
        }
        lines.append(record.line)
        return true
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
  func row(of id: UnsafeBufferPointer<UInt8>, after previous: Int) -> Int? {
    let next = previous + 1
    let ids = customerIDs.view
    if next < ids.count && TextBytes.equal(ids[next], id) { return next }
    return index.position(of: id, after: previous)
  }
}
