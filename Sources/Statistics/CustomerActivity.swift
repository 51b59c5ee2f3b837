import DataIngest

/// Customer-level purchase figures as of a day, one row per customer with at
/// least one order (any amount), ready for a correlation matrix.
///
/// For customer c with orders O(c) and purchases P(c) = { o ∈ O(c) : amount(o) > 0 }:
///
/// ```
/// purchases           = |P(c)|
/// revenue             = Σ { amount(o) : o ∈ O(c) }                 (refunds included)
/// average_order_value = revenue / purchases                        (NaN when purchases = 0)
/// tenure_days         = asOf − min { day(o) : o ∈ P(c) }           (NaN when purchases = 0)
/// recency_days        = asOf − max { day(o) : o ∈ P(c) }           (NaN when purchases = 0)
/// refunds             = #{ o ∈ O(c) : amount(o) ≤ 0 }
/// ```
///
/// The caller chooses the orders: for features as of T, build them from rows
/// dated before T (`OrderTable(transactions, days: Int32.min..<T)`).
public struct CustomerActivity: Sendable, Equatable {
  /// Names of ``columns``, in order.
  public static let columnNames = [
    "purchases", "revenue", "average_order_value", "tenure_days", "recency_days", "refunds",
  ]

  /// The day the ages are measured to.
  public let asOf: Int32
  /// Customer index per row, ascending.
  public let customer: [Int32]
  public let purchases: [Double]
  public let revenue: [Double]
  public let averageOrderValue: [Double]
  public let tenureDays: [Double]
  public let recencyDays: [Double]
  public let refunds: [Double]

  /// The figures as named columns, in ``columnNames`` order.
  public var columns: [(name: String, values: [Double])] {
    zip(
      Self.columnNames,
      [purchases, revenue, averageOrderValue, tenureDays, recencyDays, refunds]
    ).map { ($0, $1) }
  }

  /// Aggregates `orders` per customer as of `asOf`.
  ///
  /// - Complexity: O(orders + customers).
  public init(_ orders: OrderTable, asOf: Int32) {
    let customerCount = Int(orders.customer.max() ?? -1) + 1
    var orderCount = [Int](repeating: 0, count: customerCount)
    var purchaseCount = [Int](repeating: 0, count: customerCount)
    var refundCount = [Int](repeating: 0, count: customerCount)
    var money = [NeumaierSum](repeating: NeumaierSum(), count: customerCount)
    var firstDay = [Int32](repeating: .max, count: customerCount)
    var lastDay = [Int32](repeating: .min, count: customerCount)
    for o in 0..<orders.count {
      let c = Int(orders.customer[o])
      orderCount[c] += 1
      money[c].add(orders.amount[o])
      if orders.isPurchase(o) {
        purchaseCount[c] += 1
        firstDay[c] = min(firstDay[c], orders.day[o])
        lastDay[c] = max(lastDay[c], orders.day[o])
      } else {
        refundCount[c] += 1
      }
    }
    let rows = (0..<customerCount).filter { orderCount[$0] > 0 }
    self.asOf = asOf
    customer = rows.map { Int32($0) }
    purchases = rows.map { Double(purchaseCount[$0]) }
    revenue = rows.map { money[$0].value }
    averageOrderValue = rows.map {
      purchaseCount[$0] == 0 ? .nan : money[$0].value / Double(purchaseCount[$0])
    }
    tenureDays = rows.map {
      purchaseCount[$0] == 0 ? .nan : Double(Int64(asOf) - Int64(firstDay[$0]))
    }
    recencyDays = rows.map {
      purchaseCount[$0] == 0 ? .nan : Double(Int64(asOf) - Int64(lastDay[$0]))
    }
    refunds = rows.map { Double(refundCount[$0]) }
  }

  public static func == (lhs: CustomerActivity, rhs: CustomerActivity) -> Bool {
    lhs.asOf == rhs.asOf && lhs.customer == rhs.customer
      && zip(lhs.columns, rhs.columns).allSatisfy {
        $0.values.map(\.bitPattern) == $1.values.map(\.bitPattern)
      }
  }
}
