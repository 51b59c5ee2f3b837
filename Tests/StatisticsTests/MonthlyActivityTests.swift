import DataIngest
import Statistics
import Testing

/// Three customers over January–April 2025, worked by hand:
/// - customer 0 buys on Jan 5 (100), Feb 10 (50), Mar 1 (25);
/// - customer 1 buys on Jan 20 (80), refunds on Feb 3 (−10), buys on Mar 15 (40);
/// - customer 2 buys on Feb 14 (60), refunds on Apr 2 (−60).
let threeCustomers = transactions([
  (0, 0, day2025(1, 5), 100), (1, 1, day2025(1, 20), 80), (1, 2, day2025(2, 3), -10),
  (0, 3, day2025(2, 10), 50), (2, 4, day2025(2, 14), 60), (0, 5, day2025(3, 1), 25),
  (1, 6, day2025(3, 15), 40), (2, 7, day2025(4, 2), -60),
])

@Suite struct MonthlyActivityTests {
  @Test("three customers over four months, counted by hand")
  func byHand() {
    let monthly = MonthlyActivity(OrderTable(threeCustomers))
    #expect(monthly.months == ["2025-01", "2025-02", "2025-03", "2025-04"])
    #expect(monthly.firstMonthIndex == (2025 - 1970) * 12)
    #expect(monthly.purchases == [2, 2, 2, 0])
    #expect(monthly.revenue == [180, 100, 65, -60])
    #expect(monthly.refunds == [0, 1, 0, 1])
    #expect(monthly.activeCustomers == [2, 2, 2, 0])
    #expect(monthly.newCustomers == [2, 1, 0, 0])
  }

  @Test("months without orders are listed with zeros")
  func gaps() {
    let table = transactions([(0, 0, day2025(1, 31), 10), (0, 1, day2025(4, 1), 5)])
    let monthly = MonthlyActivity(OrderTable(table))
    #expect(monthly.months == ["2025-01", "2025-02", "2025-03", "2025-04"])
    #expect(monthly.purchases == [1, 0, 0, 1])
    #expect(monthly.revenue == [10, 0, 0, 5])
    #expect(monthly.activeCustomers == [1, 0, 0, 1])
  }

  @Test("a customer buying twice in a month is one active customer")
  func distinct() {
    let table = transactions([(0, 0, day2025(6, 1), 10), (0, 1, day2025(6, 30), 5)])
    let monthly = MonthlyActivity(OrderTable(table))
    #expect(monthly.purchases == [2] && monthly.activeCustomers == [1])
  }

  @Test("no orders give an empty table")
  func empty() {
    #expect(MonthlyActivity(OrderTable(TransactionTable())).count == 0)
  }

  @Test("the fixture's months match pandas")
  func matchesPandas() {
    let fixture = PandasFixture.shared
    let reference = fixture["monthly"]
    let monthly = MonthlyActivity(fixture.orders)
    #expect(monthly.months == reference["months"] as! [String])
    #expect(monthly.purchases == reference["purchases"] as! [Int])
    #expect(monthly.refunds == reference["refunds"] as! [Int])
    #expect(monthly.activeCustomers == reference["active_customers"] as! [Int])
    #expect(monthly.newCustomers == reference["new_customers"] as! [Int])
    let revenue = reference["revenue"] as! [Double]
    #expect(monthly.revenue.count == revenue.count)
    for (ours, theirs) in zip(monthly.revenue, revenue) {
      #expect(isClose(ours, theirs), "revenue \(ours) vs pandas \(theirs)")
    }
  }
}
