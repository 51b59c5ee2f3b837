import DataIngest
import Statistics
import Testing

@Suite struct InterpurchaseTimesTests {
  @Test("gaps between a customer's purchases, refunds skipped")
  func byHand() {
    // Customer 0: Jan 5 → Feb 10 → Mar 1 = 36, 19 days. Customer 1: Jan 20 →
    // Mar 15 = 54 days (the Feb 3 refund is not a purchase). Customer 2: one purchase.
    let times = InterpurchaseTimes(OrderTable(threeCustomers))
    #expect(times.gaps == [36, 19, 54])
    #expect(times.summary.count == 3)
    #expect(times.summary.mean == 109.0 / 3)
    #expect(times.histogram.map(\.count) == [0, 0, 1, 2, 0, 0, 0, 0])
  }

  @Test("two purchases on one day give a gap of 0, rows out of order are sorted")
  func sameDay() {
    let table = transactions([(4, 0, 20, 5), (4, 1, 10, 5), (4, 2, 10, 5), (4, 3, 400, 1)])
    let times = InterpurchaseTimes(OrderTable(table))
    #expect(times.gaps == [0, 10, 380])
    #expect(times.histogram.map(\.count) == [1, 1, 0, 0, 0, 0, 0, 1])
  }

  @Test("bins are labelled in whole days")
  func labels() {
    let times = InterpurchaseTimes(OrderTable(TransactionTable()))
    #expect(
      times.histogram.map(\.label)
        == ["0-7", "8-14", "15-30", "31-60", "61-90", "91-180", "181-365", ">365"])
    #expect(times.gaps.isEmpty && times.summary.count == 0)
  }

  @Test("the fixture's gaps match pandas' diff() per customer")
  func matchesPandas() {
    let fixture = PandasFixture.shared
    let reference = fixture["interpurchase"]
    let times = InterpurchaseTimes(fixture.orders)
    expectMatches(times.summary, reference["summary"] as! [String: Any])
    let histogram = reference["histogram"] as! [String: Int]
    for bin in times.histogram {
      #expect(bin.count == histogram[bin.label], "\(bin.label)")
    }
  }
}
