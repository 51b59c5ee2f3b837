/// Accepted transaction rows, stored by column.
///
/// Row `i` of every column belongs together. Customers are integer indexes
/// into ``PurchaseHistory/customerIDs``; dates are ``DayNumber``s; a missing
/// optional number is `.nan`.
public struct TransactionTable: Sendable, Equatable {
  /// Customer index per row.
  public var customer: [Int32] = []
  /// Order index per row: rows with the same customer and `order_id` share
  /// it. `nil` when the file has no `order_id`, so each row is its own order.
  public var order: [Int32]? = nil
  /// Number of distinct orders (the row count when ``order`` is `nil`).
  public var orderCount: Int = 0
  /// Day number of `order_date`, cut to the calendar date.
  public var day: [Int32] = []
  /// Money paid for the row; negative is a refund.
  public var amount: [Double] = []
  /// Units, `.nan` where empty.
  public var quantity: [Double]? = nil
  public var category: CategoricalColumn? = nil
  public var channel: CategoricalColumn? = nil
  /// Discount or coupon value, `.nan` where empty.
  public var discount: [Double]? = nil

  public init() {}

  /// Number of rows.
  public var count: Int { customer.count }

  /// The order index of row `row`, whether or not the file had `order_id`.
  @inlinable public func orderIndex(ofRow row: Int) -> Int {
    order.map { Int($0[row]) } ?? row
  }
}
