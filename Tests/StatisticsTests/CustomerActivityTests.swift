import DataIngest
import Statistics
import Testing

@Suite struct CustomerActivityTests {
  @Test("per-customer figures as of May 1, worked by hand")
  func byHand() {
    let asOf = day2025(5, 1)
    let activity = CustomerActivity(OrderTable(threeCustomers), asOf: asOf)
    #expect(activity.customer == [0, 1, 2])
    #expect(activity.purchases == [3, 2, 1])
    #expect(activity.revenue == [175, 110, 0])
    #expect(activity.averageOrderValue == [175.0 / 3, 55, 0])
    // First purchases Jan 5, Jan 20, Feb 14; last Mar 1, Mar 15, Feb 14.
    #expect(activity.tenureDays == [116, 101, 76])
    #expect(activity.recencyDays == [61, 47, 76])
    #expect(activity.refunds == [0, 1, 1])
    #expect(activity.columns.map(\.name) == CustomerActivity.columnNames)
  }

  @Test("a customer with only refunds has NaN average, tenure and recency")
  func refundsOnly() {
    let table = transactions([(1, 0, 50, -5), (1, 1, 60, 0)])
    let activity = CustomerActivity(OrderTable(table), asOf: 100)
    #expect(activity.customer == [1])
    #expect(activity.purchases == [0] && activity.refunds == [2] && activity.revenue == [-5])
    #expect(activity.averageOrderValue[0].isNaN)
    #expect(activity.tenureDays[0].isNaN && activity.recencyDays[0].isNaN)
  }

  @Test("the fixture's customer figures match pandas")
  func matchesPandas() {
    let fixture = PandasFixture.shared
    let reference = fixture["customer_activity"]
    let asOf = PandasFixture.day(reference["as_of"] as! String)
    let activity = CustomerActivity(fixture.orders, asOf: asOf)
    let ids = activity.customer.map { fixture.customerIDs[Int($0)] }
    let referenceIDs = reference["customer_id"] as! [String]
    #expect(ids.count == referenceIDs.count)
    // pandas sorts by id text; we list by customer index.
    let position = Dictionary(uniqueKeysWithValues: referenceIDs.enumerated().map { ($1, $0) })
    for (name, values) in activity.columns {
      let expected = (reference[name] as! [Any]).map { $0 as? Double }
      for (row, id) in ids.enumerated() {
        let theirs = expected[position[id]!]
        #expect(isClose(values[row], theirs), "\(name) of \(id): \(values[row]) vs \(String(describing: theirs))")
      }
    }
  }
}
