import DataIngest
import Features
import Foundation

/// The outputs of earlier commands in a run folder, joined to a feature
/// table by `customer_id` so rules can use them: `scores.csv` of
/// `analyze churn` (probability, risk_band, reason_1 …) and `segments.csv`
/// of `analyze segment` (segment, segment_name, distance …).
///
/// A column whose cells all read as numbers is a number field, any other a
/// text field; empty cells are missing. Customers of the table that a file
/// does not list (prospects have no score) get missing values. Ids in a
/// file that the table does not have are counted (see ``RunJoin``) and
/// skipped, since a run folder may cover another as-of day; when no id at
/// all matches, the folder belongs to other data and the join fails. A
/// column whose name the table already has is skipped: the feature table's
/// own value wins.
public enum RunOutputs {
  /// The files read from a run folder, those present.
  public static let fileNames = ["scores.csv", "segments.csv"]

  /// Adds the columns of the run files in `folder` to `table`.
  ///
  /// - Throws: ``TaggingError/invalidRunFile(path:line:reason:)`` when the
  ///   folder holds none of the files, a file has no `customer_id` column,
  ///   a ragged row or an id twice; ``TaggingError/noMatchingCustomers(path:rows:)``;
  ///   ``TaggingError/unreadableRunFile(_:)``.
  public static func join(folder: String, into table: inout FeatureTable) throws(TaggingError) -> [RunJoin] {
    let paths = fileNames.compactMap { RunLayout.path(of: $0, in: folder) }
    guard !paths.isEmpty else {
      throw .invalidRunFile(
        path: folder, line: nil,
        reason: "holds neither scores.csv (analyze churn) nor segments.csv (analyze segment)")
    }
    var joins: [RunJoin] = []
    for path in paths { joins.append(try join(file: path, into: &table)) }
    return joins
  }

  /// Adds the columns of one CSV file keyed by `customer_id` to `table`.
  public static func join(file path: String, into table: inout FeatureTable) throws(TaggingError) -> RunJoin {
    var rowOf: [String: Int] = [:]
    for (row, id) in table.customerIDs.enumerated() { rowOf[id] = row }
    let known = Set(table.columns.map(\.name))
    do {
      let reader = try CSVReader(path: path)
      guard let header = try reader.next() else {
        throw TaggingError.invalidRunFile(path: path, line: 1, reason: "the file is empty")
      }
      let names = (0..<header.count).map { header.string($0).trimmingCharacters(in: .whitespaces) }
      guard let idColumn = names.firstIndex(where: { $0.lowercased() == "customer_id" }) else {
        throw TaggingError.invalidRunFile(
          path: path, line: 1, reason: "no customer_id column; found \(names.joined(separator: ", "))")
      }
      // The first of a repeated name, and no name the table has.
      let kept = names.indices.filter { i in
        i != idColumn && !names[i].isEmpty && !known.contains(names[i]) && names.firstIndex(of: names[i]) == i
      }
      var cells = [[String]](repeating: [String](repeating: "", count: table.count), count: kept.count)
      var lineOfID: [String: Int] = [:]
      var matched = 0
      while let record = try reader.next() {
        guard record.count == names.count else {
          throw TaggingError.invalidRunFile(
            path: path, line: record.line, reason: "expected \(names.count) fields, found \(record.count)")
        }
        let id = record.string(idColumn)
        if let first = lineOfID[id] {
          throw TaggingError.invalidRunFile(
            path: path, line: record.line, reason: "customer '\(id)' is listed again (first on line \(first))")
        }
        lineOfID[id] = record.line
        guard let row = rowOf[id] else { continue }
        matched += 1
        for (k, column) in kept.enumerated() { cells[k][row] = record.string(column) }
      }
      if matched == 0 && !lineOfID.isEmpty { throw TaggingError.noMatchingCustomers(path: path, rows: lineOfID.count) }
      for (k, column) in kept.enumerated() { table.append(Self.column(names[column], cells[k])) }
      return RunJoin(
        path: path, rows: lineOfID.count, matched: matched, columns: kept.map { names[$0] },
        skippedColumns: names.indices.filter { $0 != idColumn && !kept.contains($0) }.map { names[$0] })
    } catch let error as TaggingError {
      throw error
    } catch let error as IngestError {
      throw .unreadableRunFile(error)
    } catch {
      throw .invalidRunFile(path: path, line: nil, reason: "\(error)")
    }
  }

  /// A number column when every non-empty cell reads as a number, else text.
  private static func column(_ name: String, _ cells: [String]) -> FeatureTable.Column {
    var numbers: [Double] = []
    numbers.reserveCapacity(cells.count)
    for cell in cells {
      let trimmed = cell.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty {
        numbers.append(.nan)
      } else if let value = Double(trimmed) {
        numbers.append(value)
      } else {
        return .text(name, cells.map { $0.isEmpty ? nil : $0 })
      }
    }
    return .number(name, numbers)
  }
}
