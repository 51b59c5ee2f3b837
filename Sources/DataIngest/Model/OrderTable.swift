/// Transaction rows grouped into orders, as the data contract defines them.
///
/// Rows with the same order index (that is, the same customer and `order_id`)
/// form one order; when the file has no `order_id`, each row is its own
/// order. For an order `o` made of rows `R(o)`:
///
/// ```
/// day(o)      = min { day(r)      : r ∈ R(o) }
/// amount(o)   = Σ   { amount(r)   : r ∈ R(o) }
/// discount(o) = Σ   { discount(r) : r ∈ R(o), discount(r) not NaN }   (0 when all are NaN)
/// isPurchase(o) ⇔ amount(o) > 0
/// ```
///
/// Only rows whose day lies in `days` are grouped, and the grouping happens
/// after that filter, so an order split across the window edge keeps only its
/// rows inside the window (features: rows before T; labels: rows in
/// [T, T+H)).
///
/// Orders are numbered 0..<``count`` in the order their first row appears in
/// the table, so the same table always gives the same numbering.
///
/// ```swift
/// let features = OrderTable(history.transactions, days: Int32.min..<asOf)
/// let labels = OrderTable(history.transactions, days: asOf..<(asOf + horizon))
/// ```
public struct OrderTable: Sendable, Equatable {
  /// Customer index per order.
  public var customer: [Int32]
  /// Day number of the order: the earliest day among its rows.
  public var day: [Int32]
  /// Sum of the rows' amounts; ≤ 0 is a refund or a void.
  public var amount: [Double]
  /// Sum of the rows' discounts (NaN cells count as 0); `nil` when the
  /// transactions have no discount column.
  public var discount: [Double]?
  /// For each row of the transactions table, the order it belongs to, or -1
  /// when the row lies outside `days`. This leads from an order back to its
  /// rows (for example, to the categories of the rows of purchases).
  public var orderOfRow: [Int32]

  /// Groups the rows of `transactions` dated in `days` into orders.
  ///
  /// - Parameters:
  ///   - transactions: the accepted rows. Its order indexes must lie in
  ///     `0..<transactions.orderCount` and each must belong to one customer
  ///     (what the loader guarantees); a violation stops with a precondition
  ///     failure, because it is a programming error, not bad input.
  ///   - days: keep only rows whose day is in this range; `nil` (default)
  ///     keeps every row.
  /// - Complexity: O(rows + orderCount) time, arrays only (no hashing).
  public init(_ transactions: TransactionTable, days: Range<Int32>? = nil) {
    let rowCount = transactions.count
    let rowDiscount = transactions.discount ?? []
    let hasDiscount = transactions.discount != nil
    var customer: [Int32] = []
    var day: [Int32] = []
    // Compensated sums of the amounts, as a NeumaierSum's two halves in two columns: the first becomes
    // the amount column in place, so the orders' sums never sit in memory twice.
    var amountSum: [Double] = []
    var amountCompensation: [Double] = []
    var discount: [Double] = []
    var orderOfRow = [Int32](repeating: -1, count: rowCount)
    if days == nil {
      let expected = transactions.order == nil ? rowCount : transactions.orderCount
      customer.reserveCapacity(expected)
      day.reserveCapacity(expected)
      amountSum.reserveCapacity(expected)
      amountCompensation.reserveCapacity(expected)
      if hasDiscount { discount.reserveCapacity(expected) }
    }

    // Order indexes are dense, so a flat array replaces a dictionary: slot[o]
    // is the order created for order index o, or -1 before its first row.
    let order = transactions.order
    var slot = [Int32](repeating: -1, count: order == nil ? 0 : transactions.orderCount)
    for row in 0..<rowCount {
      if let days, !days.contains(transactions.day[row]) { continue }
      let rowDiscountValue = hasDiscount ? rowDiscount[row] : 0
      let d = rowDiscountValue.isNaN ? 0 : rowDiscountValue
      if let order {
        let o = Int(order[row])
        precondition(o >= 0 && o < slot.count, "order index \(o) out of 0..<\(slot.count)")
        let existing = slot[o]
        if existing >= 0 {
          let i = Int(existing)
          precondition(
            customer[i] == transactions.customer[row],
            "order index \(o) is shared by two customers")
          day[i] = min(day[i], transactions.day[row])
          NeumaierSum.add(transactions.amount[row], to: &amountSum[i], &amountCompensation[i])
          if hasDiscount { discount[i] += d }
          orderOfRow[row] = existing
          continue
        }
        slot[o] = Int32(customer.count)
      }
      orderOfRow[row] = Int32(customer.count)
      customer.append(transactions.customer[row])
      day.append(transactions.day[row])
      var sum = 0.0
      var compensation = 0.0
      NeumaierSum.add(transactions.amount[row], to: &sum, &compensation)
      amountSum.append(sum)
      amountCompensation.append(compensation)
      if hasDiscount { discount.append(d) }
    }
    // Compensated sums give the double nearest the exact decimal total (0.1 + 0.2 is 0.3).
    for i in amountSum.indices { amountSum[i] += amountCompensation[i] }
    amountCompensation = []
    self.customer = customer
    self.day = day
    self.amount = amountSum
    self.discount = hasDiscount ? discount : nil
    self.orderOfRow = orderOfRow
  }

  /// Number of orders.
  public var count: Int { customer.count }

  /// Whether order `order` is a purchase: `amount > 0`.
  @inlinable public func isPurchase(_ order: Int) -> Bool { amount[order] > 0 }

  public static func == (lhs: OrderTable, rhs: OrderTable) -> Bool {
    lhs.customer == rhs.customer && lhs.day == rhs.day
      && lhs.amount.bitPatterns == rhs.amount.bitPatterns
      && lhs.discount?.bitPatterns == rhs.discount?.bitPatterns
      && lhs.orderOfRow == rhs.orderOfRow
  }
}
