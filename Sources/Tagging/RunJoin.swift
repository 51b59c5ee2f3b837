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
}
