/// One row of transactions.csv before it is numbered and formatted.
///
/// Kept to 24 bytes because the simulator holds every row in memory to sort
/// them by date (10 million rows per million customers).
struct TransactionRecord {
  var customer: Int32
  var day: Int32
  /// Amount in cents (negative for refunds).
  var cents: Int32
  var discountCents: Int32
  /// Units (negative for refunds).
  var quantity: Int16
  var category: UInt8
  var channel: UInt8
  /// The first row of an order: order ids advance here.
  var startsOrder: Bool
}
