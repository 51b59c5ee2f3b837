/// What joining one run file added.
public struct RunJoin: Sendable, Equatable {
  public let path: String
  /// Customers the file lists.
  public let rows: Int
  /// Of those, the customers the feature table has.
  public let matched: Int
  /// Columns added as fields.
  public let columns: [String]
  /// Columns left out because the table already has a field of that name (or the header repeats it).
  public let skippedColumns: [String]

  /// Customers of the file the table does not have (skipped).
  public var unmatched: Int { rows - matched }

  /// The same join with `path` relative to `folder` when it lies inside it
  /// (`churn/scores.csv`): what a report shows, so that it reads the same
  /// wherever the run folder was when the tags were made.
  public func relative(to folder: String) -> RunJoin {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    guard path.hasPrefix(prefix) else { return self }
    return RunJoin(
      path: String(path.dropFirst(prefix.count)), rows: rows, matched: matched, columns: columns, skippedColumns: skippedColumns)
  }
}
