import DataIngest

/// Orders bucketed by calendar month, with the distinct customers who made a
/// purchase in each month: the common ground of ``MonthlyActivity`` and
/// ``CohortRetention``.
///
/// Built with a counting sort on the month and a "last month seen" stamp per
/// customer, so it is O(orders + months + customers) with arrays only.
struct PurchaseMonths {
  /// Month index of the first and last month with any order (refunds too);
  /// `firstMonth > lastMonth` when there are no orders.
  let firstMonth: Int
  let lastMonth: Int
  /// Month index of each order.
  let orderMonth: [Int]
  /// Customers with a purchase in month `firstMonth + m` are
  /// `activeCustomers[activeStart[m]..<activeStart[m + 1]]`, each once.
  let activeStart: [Int]
  let activeCustomers: [Int32]
  /// Month index of each customer's first purchase, `Int.max` when none.
  let firstPurchaseMonth: [Int]

  var monthCount: Int { Swift.max(0, lastMonth - firstMonth + 1) }

  init(_ orders: OrderTable) {
    let orderMonth = orders.day.map(CalendarMonth.index(ofDay:))
    let firstMonth = orderMonth.min() ?? 0
    let lastMonth = orderMonth.max() ?? -1
    let monthCount = Swift.max(0, lastMonth - firstMonth + 1)
    let customerCount = Int(orders.customer.max() ?? -1) + 1

    // Counting sort of purchases by month.
    var start = [Int](repeating: 0, count: monthCount + 1)
    var firstPurchase = [Int](repeating: .max, count: customerCount)
    for o in 0..<orders.count where orders.isPurchase(o) {
      let m = orderMonth[o]
      start[m - firstMonth + 1] += 1
      let c = Int(orders.customer[o])
      if m < firstPurchase[c] { firstPurchase[c] = m }
    }
    for m in 0..<monthCount { start[m + 1] += start[m] }
    var next = start
    var byMonth = [Int32](repeating: 0, count: start[monthCount])
    for o in 0..<orders.count where orders.isPurchase(o) {
      let m = orderMonth[o] - firstMonth
      byMonth[next[m]] = orders.customer[o]
      next[m] += 1
    }

    // Keep each customer once per month: compact the bucket in place.
    var seenInMonth = [Int](repeating: -1, count: customerCount)
    var activeStart = [Int](repeating: 0, count: monthCount + 1)
    var written = 0
    for m in 0..<monthCount {
      activeStart[m] = written
      for i in start[m]..<start[m + 1] {
        let c = Int(byMonth[i])
        if seenInMonth[c] != m {
          seenInMonth[c] = m
          byMonth[written] = byMonth[i]
          written += 1
        }
      }
    }
    activeStart[monthCount] = written
    byMonth.removeLast(byMonth.count - written)

    self.firstMonth = firstMonth
    self.lastMonth = lastMonth
    self.orderMonth = orderMonth
    self.activeStart = activeStart
    self.activeCustomers = byMonth
    self.firstPurchaseMonth = firstPurchase
  }

  /// Customers with a purchase in month `firstMonth + m`.
  func active(inMonth m: Int) -> ArraySlice<Int32> {
    activeCustomers[activeStart[m]..<activeStart[m + 1]]
  }
}
