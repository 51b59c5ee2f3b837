import DataIngest

/// Orders, money and customers per calendar month, from the first to the
/// last month with any order; months without activity are listed with zeros.
///
/// For month M (orders dated by their order day):
///
/// ```
/// purchases(M)       = #{ orders o in M : amount(o) > 0 }
/// revenue(M)         = Σ { amount(o) : o in M }                  (refunds included)
/// refunds(M)         = #{ orders o in M : amount(o) ≤ 0 }
/// activeCustomers(M) = #{ distinct customers with a purchase in M }
/// newCustomers(M)    = #{ customers whose first purchase is in M }
/// ```
public struct MonthlyActivity: Sendable, Equatable {
  /// Months since January 1970 of the first row (see ``DayNumber/monthIndex(_:)``).
  public let firstMonthIndex: Int
  /// `YYYY-MM` per month.
  public let months: [String]
  public let purchases: [Int]
  public let revenue: [Double]
  public let refunds: [Int]
  public let activeCustomers: [Int]
  public let newCustomers: [Int]

  /// Number of months (rows).
  public var count: Int { months.count }

  /// Tabulates `orders` by month.
  ///
  /// - Complexity: O(orders + months + customers).
  public init(_ orders: OrderTable) {
    self.init(orders, months: PurchaseMonths(orders))
  }

  init(_ orders: OrderTable, months grouping: PurchaseMonths) {
    let n = grouping.monthCount
    var purchases = [Int](repeating: 0, count: n)
    var revenue = [NeumaierSum](repeating: NeumaierSum(), count: n)
    var refunds = [Int](repeating: 0, count: n)
    for o in 0..<orders.count {
      let m = grouping.orderMonth[o] - grouping.firstMonth
      revenue[m].add(orders.amount[o])
      if orders.isPurchase(o) { purchases[m] += 1 } else { refunds[m] += 1 }
    }
    var newCustomers = [Int](repeating: 0, count: n)
    for first in grouping.firstPurchaseMonth where first != .max {
      newCustomers[first - grouping.firstMonth] += 1
    }
    firstMonthIndex = grouping.firstMonth
    months = (0..<n).map { CalendarMonth.label(grouping.firstMonth + $0) }
    self.purchases = purchases
    self.revenue = revenue.map(\.value)
    self.refunds = refunds
    activeCustomers = (0..<n).map { grouping.active(inMonth: $0).count }
    self.newCustomers = newCustomers
  }

  public static func == (lhs: MonthlyActivity, rhs: MonthlyActivity) -> Bool {
    lhs.firstMonthIndex == rhs.firstMonthIndex && lhs.months == rhs.months
      && lhs.purchases == rhs.purchases && lhs.revenue.map(\.bitPattern) == rhs.revenue.map(\.bitPattern)
      && lhs.refunds == rhs.refunds && lhs.activeCustomers == rhs.activeCustomers
      && lhs.newCustomers == rhs.newCustomers
  }
}
