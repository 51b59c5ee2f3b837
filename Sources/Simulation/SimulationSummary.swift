/// What a simulation wrote: row counts and the known answers at a glance.
public struct SimulationSummary: Sendable, Equatable {
  public var customers: Int
  public var transactionRows: Int
  /// Orders with a positive amount.
  public var purchaseOrders: Int
  /// Refund orders (one negative row each).
  public var refundOrders: Int
  public var eventRows: Int
  /// Customers whose churn date falls within the period.
  public var churnedCustomers: Int
  /// The files written, in the order written.
  public var files: [String]
}
