/// The account of one file as its blocks are committed in file order: every
/// row read is dropped as a duplicate, rejected with its problems, or
/// accepted.
struct FileAccount {
  var summary: FileIngestSummary
  /// The problems of the rejected rows, in file order.
  private(set) var rejects: [RejectedRow] = []
  /// `nil` when the options keep identical rows.
  private var seen: FingerprintSet?
  private let fileSize: Int
  private let progress: (@Sendable (IngestProgress) -> Void)?

  init(
    summary: FileIngestSummary, dropsDuplicates: Bool, fileSize: Int,
    progress: (@Sendable (IngestProgress) -> Void)?
  ) {
    self.summary = summary
    seen = dropsDuplicates ? FingerprintSet() : nil
    self.fileSize = fileSize
    self.progress = progress
  }

  /// Sizes the duplicate check for about `rows` rows.
  mutating func reserve(rows: Int) {
    if seen != nil { seen = FingerprintSet(expectedCount: rows) }
  }

  /// Accounts for the rows of one block, in order.
  ///
  /// A row whose raw text came before is a duplicate. Otherwise it is
  /// rejected when parsing rejected it or the sink finds a leading problem;
  /// else the sink takes it. Accepted rows are marked kept.
  @inline(__always)
  mutating func commit<Sink: RowSink>(_ rows: ParsedRows, bytesRead: Int, into sink: inout Sink) {
    var rejection = 0
    var problemStart = 0
    // Hash-table lookups of rows a little ahead are started early, so that
    // their cache misses overlap.
    let ahead = 16
    for row in 0..<rows.count {
      if row + ahead < rows.count {
        seen?.prefetch(rows.fingerprints[row + ahead])
        sink.prefetch(slotOf: row + ahead, recordOf: row + ahead / 2)
      }
      summary.rowsRead += 1
      if summary.rowsRead & 0xFFFF == 0, let progress {
        progress(
          IngestProgress(
            file: summary.file, bytesRead: bytesRead, fileSize: fileSize, rows: summary.rowsRead,
            isFinished: false))
      }
      let isRejected = rows.isRejected[row]
      if let isFirst = seen?.insert(rows.fingerprints[row]), !isFirst {
        summary.duplicates += 1
        if isRejected {
          problemStart = rows.rejections[rejection].end
          rejection += 1
        }
        continue
      }
      let leading = sink.leadingProblem(row)
      if isRejected || leading != nil {
        summary.rejected += 1
        if let leading { rejects.append(leading) }
        if isRejected {
          let rejected = rows.rejections[rejection]
          if rejected.unknownCustomer { summary.unknownCustomers += 1 }
          rejects.append(contentsOf: rows.problems[problemStart..<rejected.end])
          problemStart = rejected.end
          rejection += 1
        }
        continue
      }
      summary.accepted += 1
      rows.isKept[row] = true
      if sink.accept(row) { summary.unknownCustomers += 1 }
    }
  }
}

/// What takes a table's accepted rows, block by block, in file order.
protocol RowSink {
  /// A problem of row `row` that only the rows before it show (a customer id
  /// listed twice), reported before the problems parsing found; `nil` for none.
  mutating func leadingProblem(_ row: Int) -> RejectedRow?
  /// Takes accepted row `row`; whether its customer is not in the customers table.
  mutating func accept(_ row: Int) -> Bool
  /// Starts loading what taking rows `far` and `near` will read, `far` the
  /// later one.
  func prefetch(slotOf far: Int, recordOf near: Int)
}

extension RowSink {
  @inline(__always)
  mutating func leadingProblem(_ row: Int) -> RejectedRow? { nil }
}
