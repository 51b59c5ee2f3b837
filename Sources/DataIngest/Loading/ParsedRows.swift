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
