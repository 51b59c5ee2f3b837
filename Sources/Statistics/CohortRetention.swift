import DataIngest

/// Monthly acquisition cohorts and the share of each still purchasing
/// k months later.
///
/// A customer's cohort is the month of their first purchase (order with
/// amount > 0). For cohort month C and k = 0, 1, 2, …:
///
/// ```
/// size(C)     = #{ customers whose first purchase is in C }
/// count(C, k) = #{ customers of C with a purchase in month C + k }
/// share(C, k) = count(C, k) / size(C)
/// ```
///
/// count(C, 0) = size(C). Rows run from the first to the last cohort month
/// without gaps (a month with no new customer has size 0 and missing shares);
/// columns run from k = 0 to (last month with any order) − (first cohort).
/// Cells with C + k after the data's last month are missing (`nil`), not
/// zero: nobody could have been observed there yet.
public struct CohortRetention: Sendable, Equatable {
  /// Months since January 1970 of the first cohort.
  public let firstCohortMonthIndex: Int
  /// `YYYY-MM` per cohort (row).
  public let cohorts: [String]
  /// Customers per cohort.
  public let sizes: [Int]
  /// `counts[c][k]`: customers of cohort c purchasing k months after it;
  /// `nil` beyond the data's last month.
  public let counts: [[Int?]]

  /// Number of month offsets (columns): 0 ... `monthOffsets - 1`.
  public var monthOffsets: Int { counts.first?.count ?? 0 }

  /// `counts[c][k] / sizes[c]`; `nil` where the count is missing or the
  /// cohort is empty.
  public var shares: [[Double?]] {
    zip(counts, sizes).map { row, size in
      row.map { cell in cell.flatMap { size > 0 ? Double($0) / Double(size) : nil } }
    }
  }

  /// Builds the cohort matrix from orders.
  ///
  /// - Complexity: O(orders + cohorts × offsets + customers).
  public init(_ orders: OrderTable) {
    self.init(months: PurchaseMonths(orders))
  }

  init(months grouping: PurchaseMonths) {
    let firsts = grouping.firstPurchaseMonth.filter { $0 != .max }
    guard let firstCohort = firsts.min(), let lastCohort = firsts.max() else {
      firstCohortMonthIndex = 0
      cohorts = []
      sizes = []
      counts = []
      return
    }
    let rows = lastCohort - firstCohort + 1
    let columns = grouping.lastMonth - firstCohort + 1
    var sizes = [Int](repeating: 0, count: rows)
    for first in firsts { sizes[first - firstCohort] += 1 }
    var counts = (0..<rows).map { c in
      // Offsets reaching past the last month of data are unobserved.
      (0..<columns).map { k in firstCohort + c + k <= grouping.lastMonth ? Optional(0) : nil }
    }
    for m in 0..<grouping.monthCount {
      let month = grouping.firstMonth + m
      for customer in grouping.active(inMonth: m) {
        let cohort = grouping.firstPurchaseMonth[Int(customer)]
        counts[cohort - firstCohort][month - cohort]! += 1
      }
    }
    firstCohortMonthIndex = firstCohort
    cohorts = (0..<rows).map { CalendarMonth.label(firstCohort + $0) }
    self.sizes = sizes
    self.counts = counts
  }
}
