/// What parsing one block found that every table shares: each row's
/// fingerprint and verdict, and the problems of the rejected rows. The
/// table's own columns sit beside it, one entry per row, rejected rows too.
struct ParsedRows {
  /// The thread that parsed the block.
  var worker = 0
  /// Line ends in the block; rows' lines count from 0 at its start.
  var lineCount = 0
  var count: Int { isRejected.count }
  /// Per row, the fingerprint of its raw text (0 when duplicates are kept).
  var fingerprints = RowBuffer<UInt64>()
  var isRejected = RowBuffer<Bool>()
  /// Per row, set by the first stage: neither rejected nor a duplicate.
  var isKept = RowBuffer<Bool>()
  /// Per rejected row, in order: whether its customer is not in the customers
  /// table, and where its problems end in ``problems``.
  var rejections: [(unknownCustomer: Bool, end: Int)] = []
  var problems: [RejectedRow] = []

  func deallocate() {
    fingerprints.deallocate()
    isRejected.deallocate()
    isKept.deallocate()
  }

  mutating func reset(worker: Int) {
    self.worker = worker
    fingerprints.removeAll()
    isRejected.removeAll()
    isKept.removeAll()
    rejections.removeAll(keepingCapacity: true)
    problems.removeAll(keepingCapacity: true)
  }

  /// Adds the next row, accepted until ``reject(_:file:problems:unknownCustomer:)``.
  @inline(__always)
  mutating func add(_ record: CSVRecord, fingerprinted: Bool) {
    fingerprints.append(fingerprinted ? FingerprintSet.fingerprint(record.raw) : 0)
    isRejected.append(false)
    isKept.append(false)
  }

  /// Rejects the row added last, with one ``RejectedRow`` per problem.
  mutating func reject(_ record: CSVRecord, file: String, problems rowProblems: RowChecks.Problems, unknownCustomer: Bool) {
    isRejected[count - 1] = true
    for problem in rowProblems {
      problems.append(
        RejectedRow(
          file: file, line: record.line, column: problem.column, reason: problem.reason,
          text: problem.text ?? record.rawText))
    }
    rejections.append((unknownCustomer, problems.count))
  }
}

/// The columns one table's parse fills beside ``ParsedRows``, one entry per row.
protocol BlockCells {
  init()
  /// Empties the columns, keeping their room for the next block.
  mutating func removeAll()
  func deallocate()
}

/// One block's parse: the rows and the table's cells, reused block after block.
final class ParsedBlock<Cells: BlockCells> {
  var rows = ParsedRows()
  var cells = Cells()

  /// Calls `body` with the rows and cells emptied for a block parsed by
  /// `worker`, moved out of the object meanwhile so that appending to them
  /// never goes through a class reference.
  func refill<R>(worker: Int, _ body: (inout ParsedRows, inout Cells) -> R) -> R {
    var rows = ParsedRows()
    var cells = Cells()
    swap(&rows, &self.rows)
    swap(&cells, &self.cells)
    defer {
      swap(&rows, &self.rows)
      swap(&cells, &self.cells)
    }
    rows.reset(worker: worker)
    cells.removeAll()
    return body(&rows, &cells)
  }

  deinit {
    rows.deallocate()
    cells.deallocate()
  }
}
