#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The files of one data set.
public struct DataSource: Sendable, Equatable {
  public var transactions: String
  public var customers: String?
  public var events: String?

  public init(transactions: String, customers: String? = nil, events: String? = nil) {
    self.transactions = transactions
    self.customers = customers
    self.events = events
  }

  /// The files of a data folder: `transactions.csv` (required), and
  /// `customers.csv` and `events.csv` when present (`.tsv` and `.txt` too).
  /// - Throws: ``IngestError/notAFolder(path:)`` when there is no transactions file.
  public static func folder(_ path: String) throws(IngestError) -> DataSource {
    func find(_ table: TableKind) -> String? {
      for ext in ["csv", "tsv", "txt"] {
        let candidate = path.hasSuffix("/") ? "\(path)\(table.rawValue).\(ext)" : "\(path)/\(table.rawValue).\(ext)"
        if access(candidate, F_OK) == 0 { return candidate }
      }
      return nil
    }
    guard let transactions = find(.transactions) else { throw .notAFolder(path: path) }
    return DataSource(transactions: transactions, customers: find(.customers), events: find(.events))
  }
}
