import DataIngest
import Statistics
import Testing

@Suite struct CohortRetentionTests {
  @Test("three customers: the cohort matrix worked by hand")
  func byHand() {
    // January cohort {0, 1}: both buy in Jan, only 0 in Feb (1 refunds), both
    // in Mar, none in Apr. February cohort {2}: buys in Feb only; its k = 3
    // would be May, after the last month of data (April), so it is missing.
    let cohorts = CohortRetention(OrderTable(threeCustomers))
    #expect(cohorts.cohorts == ["2025-01", "2025-02"])
    #expect(cohorts.sizes == [2, 1])
    #expect(cohorts.monthOffsets == 4)
    #expect(cohorts.counts == [[2, 1, 2, 0], [1, 0, 0, nil]])
    #expect(cohorts.shares == [[1, 0.5, 1, 0], [1, 0, 0, nil]])
  }

  @Test("a customer with only refunds belongs to no cohort")
  func refundOnly() {
    let table = transactions([(0, 0, day2025(1, 5), 10), (1, 1, day2025(1, 6), -5)])
    let cohorts = CohortRetention(OrderTable(table))
    #expect(cohorts.sizes == [1])
    #expect(cohorts.counts == [[1]])
  }

  @Test("the fixture's cohorts match pandas")
  func matchesPandas() {
    let fixture = PandasFixture.shared
    let reference = fixture["cohorts"]
    let cohorts = CohortRetention(fixture.orders)
    #expect(cohorts.cohorts == reference["cohorts"] as! [String])
    #expect(cohorts.sizes == reference["sizes"] as! [Int])
    let counts = (reference["counts"] as! [[Any]]).map { $0.map { $0 as? Int } }
    #expect(cohorts.counts == counts)
    let shares = (reference["shares"] as! [[Any]]).map { $0.map { $0 as? Double } }
    for (ourRow, theirRow) in zip(cohorts.shares, shares) {
      #expect(ourRow.count == theirRow.count)
      for (ours, theirs) in zip(ourRow, theirRow) {
        #expect((ours == nil) == (theirs == nil))
        if let ours, let theirs { #expect(isClose(ours, theirs)) }
      }
    }
  }
}
