/// The account of one file as its blocks are committed in file order: every
/// row read is rejected with its problems or accepted, and at the end the
/// rows identical to earlier ones are taken back out as duplicates
/// (``dropDuplicates(threads:isUnknownCustomer:)``).
///
/// Identical rows are found after the file is read (see ``DuplicateRows``),
/// which gives the same result as skipping them as they come: a row
/// identical to an earlier one is parsed the same, so when accepted, its
/// customer, order and text values are those of the earlier row, already
/// numbered, and it adds nothing but itself (and the order of its own, when
/// it has no order id, which the caller renumbers away).
struct FileAccount {
  var summary: FileIngestSummary
  /// The problems of the rejected rows, in file order.
  private(set) var rejects: [RejectedRow] = []
  /// Per row, the fingerprint of its raw text; `nil` when the options keep
  /// identical rows, or until the first block when none are reserved.
  private var fingerprints: FingerprintParts?
  private let dropsDuplicates: Bool
  /// The rejected rows, in file order: the row (from 0), where its problems
  /// start in ``rejects``, whether its customer is unknown.
  private var rejectedRows: [(row: Int, firstProblem: Int, unknownCustomer: Bool)] = []
  private let fileSize: Int
  private let progress: (@Sendable (IngestProgress) -> Void)?
  /// The line on which the next block starts.
  private var lineBase: Int

  init(
    summary: FileIngestSummary, dropsDuplicates: Bool, fileSize: Int, firstLine: Int,
    progress: (@Sendable (IngestProgress) -> Void)?
  ) {
    self.summary = summary
    lineBase = firstLine
    self.dropsDuplicates = dropsDuplicates
    self.fileSize = fileSize
    self.progress = progress
  }

  /// Makes room for about `rows` rows.
  mutating func reserve(rows: Int) {
    if dropsDuplicates && fingerprints == nil {
      fingerprints = FingerprintParts(expectedRows: rows, rowsPerPart: DuplicateRows.rowsPerPart)
    }
  }

  /// Accounts for the rows of one block, in order: a row is rejected when
  /// parsing rejected it or the sink finds a leading problem; else the sink
  /// takes it, and it is marked kept. Returns whether every row was accepted.
  @inline(__always)
  @discardableResult
  mutating func commit<Sink: RowSink>(_ rows: ParsedRows, bytesRead: Int, into sink: inout Sink) -> Bool {
    let acceptedBefore = summary.accepted
    var rejection = 0
    var problemStart = 0
    // Hash-table lookups of rows a little ahead are started early, so that
    // their cache misses overlap.
    let ahead = 16
    for row in 0..<rows.count {
      if row + ahead < rows.count { sink.prefetch(slotOf: row + ahead, recordOf: row + ahead / 2) }
      summary.rowsRead += 1
      if summary.rowsRead & 0xFFFF == 0, let progress {
        progress(
          IngestProgress(
            file: summary.file, bytesRead: bytesRead, fileSize: fileSize, rows: summary.rowsRead,
            isFinished: false))
      }
      let isRejected = rows.isRejected[row]
      let leading = sink.leadingProblem(row)
      if isRejected || leading != nil {
        summary.rejected += 1
        var unknownCustomer = false
        let firstProblem = rejects.count
        if let leading { rebased(leading) }
        if isRejected {
          let rejected = rows.rejections[rejection]
          unknownCustomer = rejected.unknownCustomer
          for problem in rows.problems[problemStart..<rejected.end] { rebased(problem) }
          problemStart = rejected.end
          rejection += 1
        }
        if unknownCustomer { summary.unknownCustomers += 1 }
        rejectedRows.append((summary.rowsRead - 1, firstProblem, unknownCustomer))
        continue
      }
      summary.accepted += 1
      rows.isKept[row] = true
      if sink.accept(row) { summary.unknownCustomers += 1 }
    }
    if dropsDuplicates {
      if fingerprints == nil { reserve(rows: rows.count) }
      fingerprints!.append(rows.fingerprints.prefix)
    }
    lineBase += rows.lineCount
    return summary.accepted - acceptedBefore == rows.count
  }

  /// Records a problem whose line counts from the block's start.
  private mutating func rebased(_ problem: RejectedRow) {
    var problem = problem
    problem.line += lineBase
    rejects.append(problem)
  }

  /// Takes the rows identical to an earlier row out of the account, as
  /// duplicates, and returns where those that were accepted stand among the
  /// accepted rows (ascending), for the caller to take out of its columns.
  /// `isUnknownCustomer(i)` tells whether accepted row `i` counted as unknown.
  mutating func dropDuplicates(threads: Int, isUnknownCustomer: (Int) -> Bool) -> [Int] {
    guard let all = fingerprints else { return [] }
    fingerprints = nil
    let duplicates = DuplicateRows.find(in: all, threads: threads)
    guard !duplicates.isEmpty else { return [] }
    var accepted: [Int] = []
    var dropsProblem = [Bool](repeating: false, count: rejects.count)
    var rejection = 0
    for row in duplicates {
      while rejection < rejectedRows.count && rejectedRows[rejection].row < row { rejection += 1 }
      summary.duplicates += 1
      if rejection < rejectedRows.count && rejectedRows[rejection].row == row {
        let rejected = rejectedRows[rejection]
        summary.rejected -= 1
        if rejected.unknownCustomer { summary.unknownCustomers -= 1 }
        let end = rejection + 1 < rejectedRows.count ? rejectedRows[rejection + 1].firstProblem : rejects.count
        for problem in rejected.firstProblem..<end { dropsProblem[problem] = true }
      } else {
        // The rows before it that were not rejected were accepted.
        let position = row - rejection
        summary.accepted -= 1
        if isUnknownCustomer(position) { summary.unknownCustomers -= 1 }
        accepted.append(position)
      }
    }
    rejects = rejects.indices.filter { !dropsProblem[$0] }.map { rejects[$0] }
    return accepted
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

extension Array {
  /// Removes the elements at `positions` (ascending), keeping the others in order.
  mutating func remove(atAscending positions: [Int]) {
    guard !positions.isEmpty else { return }
    let total = count
    withUnsafeMutableBufferPointer { elements in
      // Moves each run between two removed positions down to its place.
      var write = positions[0]
      for (i, position) in positions.enumerated() {
        let runEnd = i + 1 < positions.count ? positions[i + 1] : total
        // The regions may overlap; `update(from:count:)` copies forward.
        (elements.baseAddress! + write).update(from: elements.baseAddress! + position + 1, count: runEnd - position - 1)
        write += runEnd - position - 1
      }
    }
    removeLast(positions.count)
  }
}
