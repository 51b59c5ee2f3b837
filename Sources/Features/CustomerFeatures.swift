import DataIngest

/// The data contract's customer features as of a day, one row per customer
/// known then, stored by column (`.nan` = missing).
///
/// Rows are the customers known before ``asOf``: listed in the customers
/// table with no signup date or one before it, or with a transaction before
/// it; in customer-index order (the customers table's order, then first
/// appearance in the transactions). ``hasOrders`` marks the churn population
/// (at least one order of any amount before ``asOf``); the others are
/// prospects, with zero counts and money and no recency or tenure.
///
/// | feature | definition (orders dated before T; purchase = order with amount > 0) |
/// | --- | --- |
/// | recency_days | T − day of the last purchase |
/// | frequency | purchases |
/// | monetary_total | sum of all order amounts, refunds included |
/// | monetary_avg | monetary_total / frequency |
/// | tenure_days | T − day of the first purchase |
/// | interpurchase_days_avg | (tenure_days − recency_days) / (frequency − 1), empty when frequency ≤ 1 |
/// | orders_90d, spend_90d | purchases, and the sum of order amounts, dated in [T − 90, T) |
/// | distinct_categories | distinct categories on the rows of purchases |
/// | discount_share | purchases whose rows' discount sums to > 0, over frequency |
/// | refund_count | orders with amount ≤ 0 |
/// | events_<type> | events of each type dated before T |
/// | events_<type>_90d | events of each type dated in [T − 90, T) (not in the data contract: "complained twice in 90 days" needs it) |
public struct CustomerFeatures: Sendable {
  /// T: features use rows dated strictly before it.
  public let asOf: Int32
  /// H, when labels were computed.
  public internal(set) var horizon: Int?
  /// Customer index per row.
  public let customer: [Int32]
  /// Whether the customer has an order (any amount) before T: the churn population.
  public let hasOrders: [Bool]

  public let recencyDays: [Double]
  public let frequency: [Double]
  public let monetaryTotal: [Double]
  public let monetaryAvg: [Double]
  public let tenureDays: [Double]
  public let interpurchaseDaysAvg: [Double]
  public let orders90d: [Double]
  public let spend90d: [Double]
  /// `nil` when the transactions have no category column.
  public let distinctCategories: [Double]?
  /// `nil` when the transactions have no discount column.
  public let discountShare: [Double]?
  public let refundCount: [Double]
  /// Sum of order amounts dated in [T − 365, T): the current value.
  public let spend365d: [Double]
  /// Sum of purchase amounts before T, refunds not subtracted: what the
  /// customer's purchases were worth when made.
  public let purchaseValue: [Double]
  /// Event counts per type, types sorted by name; empty without events.
  public let events: [(type: String, counts: [Double])]
  /// Event counts per type in [T − 90, T), in the order of ``events``.
  public let recentEvents: [(type: String, counts: [Double])]

  /// Churn label: 1 when a customer of the churn population places no purchase in
  /// [T, T + H), 0 when they do, `.nan` outside the population. `nil` without labels.
  public internal(set) var churn: [Double]?
  /// Purchase label: 1 when the customer places a purchase in [T, T + H), else 0.
  public internal(set) var purchase: [Double]?

  public var count: Int { customer.count }

  /// The core features under the data contract's names, in its order.
  public var columns: [(name: String, values: [Double])] {
    var columns: [(String, [Double])] = [
      ("recency_days", recencyDays), ("frequency", frequency), ("monetary_total", monetaryTotal),
      ("monetary_avg", monetaryAvg), ("tenure_days", tenureDays), ("interpurchase_days_avg", interpurchaseDaysAvg),
      ("orders_90d", orders90d), ("spend_90d", spend90d),
    ]
    if let distinctCategories { columns.append(("distinct_categories", distinctCategories)) }
    if let discountShare { columns.append(("discount_share", discountShare)) }
    columns.append(("refund_count", refundCount))
    for (type, counts) in events { columns.append(("events_\(type)", counts)) }
    return columns
  }

  /// `events_<type>_90d`, beyond the data contract: the events of each type in [T − 90, T).
  public var recentEventColumns: [(name: String, values: [Double])] {
    recentEvents.map { ("events_\($0.type)_90d", $0.counts) }
  }

  /// The column named `name` (core feature, `events_<type>`, `events_<type>_90d`, `churn`, `purchase`, `spend_365d`).
  public func column(_ name: String) -> [Double]? {
    switch name {
    case "churn": return churn
    case "purchase": return purchase
    case "spend_365d": return spend365d
    default: return (columns + recentEventColumns).first { $0.name == name }?.values
    }
  }

  init(
    asOf: Int32, horizon: Int?, customer: [Int32], hasOrders: [Bool], recencyDays: [Double],
    frequency: [Double], monetaryTotal: [Double], monetaryAvg: [Double], tenureDays: [Double],
    interpurchaseDaysAvg: [Double], orders90d: [Double], spend90d: [Double], distinctCategories: [Double]?,
    discountShare: [Double]?, refundCount: [Double], spend365d: [Double], purchaseValue: [Double], events: [(type: String, counts: [Double])],
    recentEvents: [(type: String, counts: [Double])], churn: [Double]?, purchase: [Double]?
  ) {
    self.asOf = asOf
    self.horizon = horizon
    self.customer = customer
    self.hasOrders = hasOrders
    self.recencyDays = recencyDays
    self.frequency = frequency
    self.monetaryTotal = monetaryTotal
    self.monetaryAvg = monetaryAvg
    self.tenureDays = tenureDays
    self.interpurchaseDaysAvg = interpurchaseDaysAvg
    self.orders90d = orders90d
    self.spend90d = spend90d
    self.distinctCategories = distinctCategories
    self.discountShare = discountShare
    self.refundCount = refundCount
    self.spend365d = spend365d
    self.purchaseValue = purchaseValue
    self.events = events
    self.recentEvents = recentEvents
    self.churn = churn
    self.purchase = purchase
  }
}
