import DataIngest

/// Which files of a data folder one measured load reads.
enum IngestScenario: String, CaseIterable {
  /// `transactions.csv` alone: the hot path.
  case transactions
  /// `customers.csv`, `transactions.csv` and `events.csv`, as the peers' read stage.
  case all

  var label: String {
    switch self {
    case .transactions: return "transactions"
    case .all: return "all three files"
    }
  }

  func source(folder: String) throws -> DataSource {
    let all = try DataSource.folder(folder)
    switch self {
    case .transactions: return DataSource(transactions: all.transactions)
    case .all: return all
    }
  }
}
