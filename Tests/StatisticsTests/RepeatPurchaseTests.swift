import DataIngest
import Statistics
import Testing

@Suite struct RepeatPurchaseTests {
  @Test("buyers with two or more purchases over buyers")
  func byHand() {
    // 0 buys three times, 1 buys twice (its refund is not a purchase), 2 once.
    let repeatPurchase = RepeatPurchase(OrderTable(threeCustomers))
    #expect(repeatPurchase.buyers == 3)
    #expect(repeatPurchase.repeatBuyers == 2)
    #expect(repeatPurchase.repeatRate == 2.0 / 3)
  }

  @Test("no buyers give a NaN rate")
  func none() {
    let table = transactions([(0, 0, 100, -5)])
    let repeatPurchase = RepeatPurchase(OrderTable(table))
    #expect(repeatPurchase.buyers == 0 && repeatPurchase.repeatRate.isNaN)
  }

  @Test("the fixture's repeat rate matches pandas")
  func matchesPandas() {
    let fixture = PandasFixture.shared
    let reference = fixture["repeat"]
    let repeatPurchase = RepeatPurchase(fixture.orders)
    #expect(repeatPurchase.buyers == reference["buyers"] as! Int)
    #expect(repeatPurchase.repeatBuyers == reference["repeat_buyers"] as! Int)
    #expect(isClose(repeatPurchase.repeatRate, reference["repeat_rate"] as? Double))
  }
}
