import DataIngest

/// Everything `analyze describe` reports about a data set, computed once.
///
/// Money and counts are per order (rows grouped by customer and order id,
/// refunds are orders with amount ≤ 0) unless a column is named as a row
/// column. Customer-level figures are as of ``referenceDay``, the day after
/// the last transaction.
///
/// ```swift
/// let history = try PurchaseHistoryLoader.load(try .folder("datasets/sample"))
/// let description = DataDescription(history)
/// print(description.repeatPurchase.repeatRate)
/// ```
public struct DataDescription: Sendable {
  /// A numeric column's summary, named by table and column.
  public struct NumericColumn: Sendable, Equatable {
    public let table: String
    public let column: String
    public let summary: NumericSummary
    /// Values outside [p25 − 3·IQR, p75 + 3·IQR] (Tukey's far-out values).
    public let outliers: Int
  }

  /// A categorical column's counts, named by table and column.
  public struct CategoricalColumnCounts: Sendable, Equatable {
    public let table: String
    public let column: String
    public let frequencies: FrequencyTable
  }

  /// First and last transaction days, `nil` without transactions.
  public let firstDay: Int32?
  public let lastDay: Int32?
  /// The day after the last transaction: the "as of" of customer figures.
  public let referenceDay: Int32
  public let transactionRows: Int
  public let orders: Int
  public let purchases: Int
  public let refunds: Int
  /// Customers in the customers table (0 without one).
  public let listedCustomers: Int
  /// Customers with at least one order.
  public let customersWithOrders: Int
  public let eventRows: Int

  public let numeric: [NumericColumn]
  public let categorical: [CategoricalColumnCounts]
  /// Gender normalised to female / male / other.
  public let gender: FrequencyTable?
  public let ages: AgeBands?
  public let monthly: MonthlyActivity
  public let repeatPurchase: RepeatPurchase
  public let interpurchase: InterpurchaseTimes
  public let cohorts: CohortRetention
  /// Correlations of the customer-level figures of ``CustomerActivity`` (and age).
  public let correlation: CorrelationMatrix

  /// - Parameters:
  ///   - history: the data set.
  ///   - top: categorical columns keep this many values; the rest are pooled.
  public init(_ history: PurchaseHistory, top: Int = 10) {
    let tx = history.transactions
    firstDay = tx.day.min()
    lastDay = tx.day.max()
    referenceDay = (lastDay ?? 0) + 1
    transactionRows = tx.count
    let orderTable = OrderTable(tx)
    orders = orderTable.count
    purchases = (0..<orderTable.count).reduce(0) { $0 + (orderTable.isPurchase($1) ? 1 : 0) }
    refunds = orders - purchases
    listedCustomers = history.customers?.count ?? 0
    eventRows = history.events?.count ?? 0
    let activity = CustomerActivity(orderTable, asOf: referenceDay)
    customersWithOrders = activity.customer.count

    var numeric: [NumericColumn] = []
    func add(_ table: String, _ column: String, _ values: [Double]?) {
      guard let values else { return }
      numeric.append(Self.numericColumn(table, column, values))
    }
    add("transactions", "amount", tx.amount)
    add("transactions", "quantity", tx.quantity)
    add("transactions", "discount", tx.discount)
    add("orders", "amount", orderTable.amount)
    add("customers", "birth_year", history.customers?.birthYear)
    add("events", "value", history.events?.value)
    var customerColumns = activity.columns
    var ages: AgeBands? = nil
    if let customers = history.customers, let birthYears = customers.birthYear {
      let year = DayNumber.components(referenceDay).year
      ages = AgeBands(birthYears: birthYears, referenceYear: year)
      // Age joins the customer-level columns for those who ordered.
      var birthYearOf = [Double](repeating: .nan, count: history.customerIDs.count)
      for (row, customer) in customers.customer.enumerated() { birthYearOf[Int(customer)] = birthYears[row] }
      let age = activity.customer.map { customer -> Double in
        let born = birthYearOf[Int(customer)]
        return AgeBands.band(birthYear: born, referenceYear: year).isValidAge ? Double(year) - born : .nan
      }
      customerColumns.append(("age", age))
    }
    for (name, values) in customerColumns { add("customers", name, values) }
    self.numeric = numeric
    self.ages = ages

    var categorical: [CategoricalColumnCounts] = []
    for (name, column) in [("category", tx.category), ("channel", tx.channel)] {
      if let column { categorical.append(.init(table: "transactions", column: name, frequencies: FrequencyTable(column, top: top))) }
    }
    if let customers = history.customers {
      for (name, column) in customers.categoricalColumns + customers.attributes {
        categorical.append(.init(table: "customers", column: name, frequencies: FrequencyTable(column, top: top)))
      }
    }
    if let events = history.events {
      categorical.append(.init(table: "events", column: "event_type", frequencies: FrequencyTable(events.type, top: top)))
    }
    self.categorical = categorical
    gender = history.customers?.gender.map(Gender.distribution)
    monthly = MonthlyActivity(orderTable)
    repeatPurchase = RepeatPurchase(orderTable)
    interpurchase = InterpurchaseTimes(orderTable)
    cohorts = CohortRetention(orderTable)
    correlation = CorrelationMatrix(columns: customerColumns)
  }

  static func numericColumn(_ table: String, _ column: String, _ values: [Double]) -> NumericColumn {
    let summary = NumericSummary(values)
    let spread = summary.p75 - summary.p25
    let low = summary.p25 - 3 * spread
    let high = summary.p75 + 3 * spread
    let outliers = values.reduce(0) { $0 + ($1 < low || $1 > high ? 1 : 0) }
    return NumericColumn(table: table, column: column, summary: summary, outliers: outliers)
  }
}

extension AgeBands.Band {
  /// Whether the band is an age (not invalid or missing).
  public var isValidAge: Bool { self != .invalid && self != .missing }
}
