import DataIngest

/// Invariants of ``PurchaseHistoryLoader`` on one file, loaded as the
/// transactions table and, as the input asks, as the customers and events
/// tables too.
enum LoaderChecks {
  static func check(_ fuzzCase: FuzzCase, path: String) {
    let source = DataSource(
      transactions: path, customers: fuzzCase.loadsCustomers ? path : nil,
      events: fuzzCase.loadsEvents ? path : nil)
    let reader = CSVReaderOptions(
      delimiter: fuzzCase.delimiter, encoding: fuzzCase.encoding, chunkSize: fuzzCase.smallChunkSize)
    let history: PurchaseHistory
    do {
      history = try PurchaseHistoryLoader.load(source, options: IngestOptions(reader: reader, dateOrder: fuzzCase.dateOrder))
    } catch {
      // A file that cannot be loaded is an answer too; the reader's checks cover why.
      return
    }
    checkAccount(history, lineCount: fuzzCase.lineCount)

    // As in the reader's checks: the same delimiter and encoding, one chunk, the same history.
    let first = history.ingest.files[0]
    let large = CSVReaderOptions(delimiter: first.delimiter, encoding: first.encoding, chunkSize: FuzzCase.largeChunkSize)
    do {
      let again = try PurchaseHistoryLoader.load(source, options: IngestOptions(reader: large, dateOrder: fuzzCase.dateOrder))
      precondition(again.ingest == history.ingest, "PurchaseHistoryLoader: the account depends on the chunk size")
      precondition(
        again.customerIDs == history.customerIDs && same(again.transactions, history.transactions)
          && again.customers == history.customers && again.events == history.events,
        "PurchaseHistoryLoader: the tables depend on the chunk size")
    } catch {
      preconditionFailure("PurchaseHistoryLoader: loads with small chunks, fails with one: \(error)")
    }
  }

  /// Every row read is accounted for, every table holds its accepted rows,
  /// and every reject names a line of the file.
  private static func checkAccount(_ history: PurchaseHistory, lineCount: Int) {
    let report = history.ingest
    for file in report.files {
      precondition(
        file.rowsRead == file.accepted + file.rejected + file.duplicates,
        "PurchaseHistoryLoader: \(file.table) reads \(file.rowsRead) rows but accounts for "
          + "\(file.accepted) + \(file.rejected) + \(file.duplicates)")
      let rows =
        switch file.table {
        case .transactions: history.transactions.count
        case .customers: history.customers?.count ?? -1
        case .events: history.events?.count ?? -1
        }
      precondition(rows == file.accepted, "PurchaseHistoryLoader: \(file.table) holds \(rows) of \(file.accepted) rows")
    }
    for reject in report.rejects {
      precondition(
        (1...lineCount).contains(reject.line),
        "PurchaseHistoryLoader: reject on line \(reject.line) of a \(lineCount)-line file")
    }
    // Rows start on distinct lines, and each rejected row has at least one
    // reject; all files are one path here, so only one file's lines are telling.
    if report.files.count == 1 {
      let lines = Set(report.rejects.map(\.line)).count
      precondition(
        lines == report.files[0].rejected,
        "PurchaseHistoryLoader: \(report.files[0].rejected) rows rejected, rejects on \(lines) lines")
    }
    let customers = history.customerIDs.count
    let transactions = history.transactions
    precondition(
      transactions.customer.allSatisfy { $0 >= 0 && Int($0) < customers }
        && (history.events?.customer ?? []).allSatisfy { $0 >= 0 && Int($0) < customers },
      "PurchaseHistoryLoader: a customer index out of range")
    precondition(
      (transactions.order ?? []).allSatisfy { $0 >= 0 && Int($0) < transactions.orderCount },
      "PurchaseHistoryLoader: an order index out of range")
    precondition(transactions.amount.allSatisfy(\.isFinite), "PurchaseHistoryLoader: an amount is not finite")
  }

  /// Equality with missing numbers (`.nan`) equal to each other.
  private static func same(_ a: TransactionTable, _ b: TransactionTable) -> Bool {
    func bits(_ column: [Double]?) -> [UInt64]? { column?.map(\.bitPattern) }
    return a.customer == b.customer && a.order == b.order && a.orderCount == b.orderCount && a.day == b.day
      && bits(a.amount) == bits(b.amount) && bits(a.quantity) == bits(b.quantity)
      && bits(a.discount) == bits(b.discount) && a.category == b.category && a.channel == b.channel
  }
}
