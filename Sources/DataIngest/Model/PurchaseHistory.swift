/// Everything read from one data set: the three tables, the customer ids
/// they share, and the account of every row read.
public struct PurchaseHistory: Sendable {
  /// Customer id text per customer index, in order of first appearance
  /// (customers table first, then transactions, then events).
  public var customerIDs: [String]
  public var transactions: TransactionTable
  public var customers: CustomerTable?
  public var events: EventTable?
  /// Rows read, accepted, rejected and dropped, per file, and the rejects.
  public var ingest: IngestReport

  public init(
    customerIDs: [String], transactions: TransactionTable, customers: CustomerTable?,
    events: EventTable?, ingest: IngestReport
  ) {
    self.customerIDs = customerIDs
    self.transactions = transactions
    self.customers = customers
    self.events = events
    self.ingest = ingest
  }
}
