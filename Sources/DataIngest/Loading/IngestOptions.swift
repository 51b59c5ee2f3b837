/// How to read a data set.
public struct IngestOptions: Sendable {
  /// Delimiter and encoding (`nil`: detected per file).
  public var reader = CSVReaderOptions()
  /// How to read `07/03/2025`-style dates.
  public var dateOrder: DateOrder = .auto
  /// Headers for canonical columns beyond the built-in aliases.
  public var mapping = ColumnMapping()
  /// Tables whose exact duplicate rows are kept as rows of their own. Events
  /// have no id, so two identical rows may be two real visits; by default
  /// every table drops them.
  public var keepDuplicates: Set<TableKind> = []
  /// Called now and then during long reads (every 65,536 rows and at each file's end).
  public var progress: (@Sendable (IngestProgress) -> Void)? = nil

  public init(
    reader: CSVReaderOptions = .init(), dateOrder: DateOrder = .auto, mapping: ColumnMapping = .init(),
    keepDuplicates: Set<TableKind> = [], progress: (@Sendable (IngestProgress) -> Void)? = nil
  ) {
    self.keepDuplicates = keepDuplicates
    self.reader = reader
    self.dateOrder = dateOrder
    self.mapping = mapping
    self.progress = progress
  }
}

/// Where a long read stands.
public struct IngestProgress: Sendable {
  public var file: String
  public var bytesRead: Int
  public var fileSize: Int
  public var rows: Int
  public var isFinished: Bool
}
