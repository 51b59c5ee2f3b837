import DataIngest

/// Builds ``CustomerFeatures`` as of a day, and the labels when asked.
///
/// ```swift
/// let history = try PurchaseHistoryLoader.load(try .folder("datasets/sample"))
/// let features = try FeatureBuilder(asOf: DayNumber.day(year: 2025, month: 7, day: 1)!, horizon: 90)
///   .build(history)
/// ```
///
/// Windows follow the data contract to the day: features use rows dated
/// before T, grouped into orders after that filter; labels group the rows
/// dated in [T, T + H) the same way. Labels are computed only when the data
/// reach the end of the window (the last transaction is on or after T + H − 1).
///
/// - Complexity: O(rows + customers), a few passes over flat arrays.
public struct FeatureBuilder: Sendable {
  /// T.
  public var asOf: Int32
  /// H in days; `nil` for no labels.
  public var horizon: Int?
  /// Narrows the `purchase` label to one category or channel; `nil` counts any purchase.
  public var purchaseFilter: PurchaseFilter?

  public init(asOf: Int32, horizon: Int? = nil, purchaseFilter: PurchaseFilter? = nil) {
    self.asOf = asOf
    self.horizon = horizon
    self.purchaseFilter = purchaseFilter
  }

  /// The day after the last transaction: the default T for scoring.
  public static func dayAfterLastTransaction(_ history: PurchaseHistory) -> Int32? {
    history.transactions.day.max().map { $0 + 1 }
  }

  /// Whether the data reach T + H − 1, so labels over [T, T + H) are complete.
  public func labelsAreComplete(_ history: PurchaseHistory) -> Bool {
    labelsAreComplete(lastDay: history.transactions.day.max())
  }

  func labelsAreComplete(lastDay last: Int32?) -> Bool {
    guard let horizon, let last else { return false }
    return Int(last) >= Int(asOf) + horizon - 1
  }

  /// - Throws: ``FeatureError/noDataBefore(asOf:firstDay:)`` when no transaction precedes T;
  ///   ``FeatureError/unknownColumn(name:known:)`` when the purchase filter names a
  ///   column the transactions lack.
  public func build(_ history: PurchaseHistory) throws(FeatureError) -> CustomerFeatures {
    try Self.build([self], history)[0]
  }

  /// The features as of T without labels: what every builder with this T
  /// shares (see ``FeatureStore``).
  /// - Throws: ``FeatureError/noDataBefore(asOf:firstDay:)`` when no transaction precedes T.
  func unlabelled(_ history: PurchaseHistory) throws(FeatureError) -> CustomerFeatures {
    let tx = history.transactions
    let t = asOf
    if let first = tx.day.min(), first >= t {
      throw .noDataBefore(asOf: DayNumber.isoString(t), firstDay: DayNumber.isoString(first))
    }
    let n = history.customerIDs.count
    let from90 = t - 90
    let (totals, categories) = totalsOfOrders(tx, customers: n)
    let eventCounts = history.events.map { countEvents(in: .min..<t, $0, customers: n) } ?? []
    let recentEventCounts = history.events.map { countEvents(in: from90..<t, $0, customers: n) } ?? []
    let known = knownCustomers(history, ordered: totals.map(\.ordered))
    var rows = FeatureRows(asOf: t, hasCategories: categories != nil, hasDiscount: tx.discount != nil, hasLabels: false)
    let columns = makeColumns(rows.lengths(rows: known.count)) { pointers in
      rows.columns = pointers
      for (row, c) in known.enumerated() {
        rows.write(totals[Int(c)], distinctCategories: categories?[Int(c)] ?? 0, bought: false, purchased: false, at: row)
      }
    }
    func row(_ counts: [Double]) -> [Double] { known.map { counts[Int($0)] } }
    return rows.features(
      columns[...], horizon: nil, customer: known, hasOrders: known.map { totals[Int($0)].ordered },
      events: eventCounts.map { ($0.type, row($0.counts)) },
      recentEvents: recentEventCounts.map { ($0.type, row($0.counts)) })
  }

  /// `features` (``unlabelled(_:)`` of a builder with this T) with this
  /// builder's labels, when it has a horizon and the data reach its end.
  /// - Throws: ``FeatureError/unknownColumn(name:known:)`` when the purchase
  ///   filter names a column the transactions lack.
  func labelled(_ features: CustomerFeatures, _ history: PurchaseHistory) throws(FeatureError) -> CustomerFeatures {
    precondition(features.asOf == asOf, "features as of another day")
    guard let horizon, labelsAreComplete(history) else { return features }
    let tx = history.transactions
    let n = history.customerIDs.count
    let window = OrderTable(tx, days: asOf..<(asOf + Int32(horizon)))
    var bought = [Bool](repeating: false, count: n)
    for o in 0..<window.count where window.amount[o] > 0 { bought[Int(window.customer[o])] = true }
    let boughtFiltered = try purchaseFilter.map { filter throws(FeatureError) in
      try filter.buyers(tx, window: window, customers: n)
    }
    var labelled = features
    labelled.horizon = horizon
    labelled.churn = zip(features.customer, features.hasOrders).map { c, ordered in
      ordered ? (bought[Int(c)] ? 0 : 1) : .nan
    }
    let purchasers = boughtFiltered ?? bought
    labelled.purchase = features.customer.map { purchasers[Int($0)] ? 1 : 0 }
    return labelled
  }

  /// Each customer's sums over the orders before T, and the distinct
  /// categories of their purchases. The orders (several hundred megabytes
  /// for ten million rows) are gone when it returns, before the columns are made.
  private func totalsOfOrders(_ tx: TransactionTable, customers n: Int) -> (totals: [CustomerTotals], categories: [Double]?) {
    let orders = OrderTable(tx, days: Int32.min..<asOf)
    var totals = [CustomerTotals](repeating: CustomerTotals(), count: n)
    let from90 = asOf - 90
    let from365 = asOf - 365
    let discount = orders.discount
    totals.withUnsafeMutableBufferPointer { totals in
      for o in 0..<orders.count {
        let amount = orders.amount[o]
        let day = orders.day[o]
        let isDiscounted = discount.map { $0[o] > 0 } ?? false
        totals[Int(orders.customer[o])].add(
          amount: amount, day: day, recent: day >= from90, inYear: day >= from365, discounted: isDiscounted)
      }
    }
    return (totals, tx.category.map { distinctPurchaseCategories(tx, $0, orders, customers: n) })
  }

  /// Customers known before T, in index order: listed with no signup date or
  /// one before T, or with an order before T.
  private func knownCustomers(_ history: PurchaseHistory, ordered: [Bool]) -> [Int32] {
    let signup = Self.signupDays(history)
    return ordered.indices.compactMap { ordered[$0] || Self.isListed(signup[$0], before: asOf) ? Int32($0) : nil }
  }

  /// Each customer's signup day, ``DayNumber/missing`` when empty, `Int32.max` when not in the customers table.
  static func signupDays(_ history: PurchaseHistory) -> [Int32] {
    var signup = [Int32](repeating: .max, count: history.customerIDs.count)
    if let customers = history.customers {
      for row in 0..<customers.count {
        signup[Int(customers.customer[row])] = customers.signupDay?[row] ?? DayNumber.missing
      }
    }
    return signup
  }

  /// Whether a customer with `signup` (from ``signupDays(_:)``) is known before `t` without an order.
  @inline(__always) static func isListed(_ signup: Int32, before t: Int32) -> Bool {
    signup == DayNumber.missing || signup < t
  }

  /// Distinct categories on the rows of purchases before T, per customer index.
  private func distinctPurchaseCategories(
    _ tx: TransactionTable, _ category: CategoricalColumn, _ orders: OrderTable, customers n: Int
  ) -> [Double] {
    var counts = [Double](repeating: 0, count: n)
    if category.levels.count <= 64 {
      // One bit per category: a set per customer in one machine word.
      var seen = [UInt64](repeating: 0, count: n)
      for row in 0..<tx.count {
        let o = orders.orderOfRow[row]
        let code = category.codes[row]
        guard o >= 0, code >= 0, orders.amount[Int(o)] > 0 else { continue }
        seen[Int(tx.customer[row])] |= 1 << UInt64(code)
      }
      for c in 0..<n { counts[c] = Double(seen[c].nonzeroBitCount) }
    } else {
      var pairs: [UInt64] = []
      for row in 0..<tx.count {
        let o = orders.orderOfRow[row]
        let code = category.codes[row]
        guard o >= 0, code >= 0, orders.amount[Int(o)] > 0 else { continue }
        pairs.append(UInt64(UInt32(tx.customer[row])) << 32 | UInt64(UInt32(code)))
      }
      pairs.sort()
      var previous: UInt64? = nil
      for pair in pairs where pair != previous {
        counts[Int(pair >> 32)] += 1
        previous = pair
      }
    }
    return counts
  }

  /// Events of each type dated in `days`, per customer index; types sorted by name,
  /// so the columns do not depend on the order of the rows.
  private func countEvents(in days: Range<Int32>, _ events: EventTable, customers n: Int) -> [(type: String, counts: [Double])] {
    var counts = [[Double]](repeating: [Double](repeating: 0, count: n), count: events.type.levels.count)
    for row in 0..<events.count where days.contains(events.day[row]) {
      let type = events.type.codes[row]
      if type >= 0 { counts[Int(type)][Int(events.customer[row])] += 1 }
    }
    return events.type.levels.indices.sorted { events.type.levels[$0] < events.type.levels[$1] }
      .map { (events.type.levels[$0], counts[$0]) }
  }
}
