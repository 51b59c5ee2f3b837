import Features
import TestSupport
import Testing

@Suite struct CustomerValueTests {
  @Test("potential value by hand: horizon · blended rate · average order value")
  func handWorked() {
    let result = CustomerValue.standard.evaluate(
      spend365d: [1200, 90, -50, 0, 0],
      orders90d: [3, 1, 0, 0, 0], frequency: [10, 1, 0, 4, 2], tenureDays: [730, 10, 40, 400, 50],
      monetaryTotal: [2000, 90, -50, 400, -10])
    #expect(result.current == [1200, 90, -50, 0, 0])
    assertApproximatelyEqual(
      result.potential,
      [
        365 * 0.5 * (3.0 / 90 + 10.0 / 730) * 200,  // = 1216.67 + 500 = 1716.67
        365,  // tenure 10 < 90: both rates 1/90, AOV 90
        0,  // refunds only
        365 * 0.5 * (4.0 / 400) * 100,  // quiet for 90 days: half the long-run rate, 182.5
        0,  // net refunds: average order value floored at 0
      ])
    assertApproximatelyEqual(result.potential[0], 36500.0 / 30 + 500)
  }

  @Test("a customer buying more lately has the higher potential")
  func growthShows() {
    let value = CustomerValue.standard
    let growing = value.potential(orders90d: 4, frequency: 6, tenureDays: 360, monetaryTotal: 600)
    let steady = value.potential(orders90d: 1, frequency: 6, tenureDays: 360, monetaryTotal: 600)
    assertApproximatelyEqual(growing, 18250.0 * 11 / 180)  // 1115.28
    assertApproximatelyEqual(steady, 18250.0 * 5 / 180)  // 506.94
    #expect(growing > steady)
  }

  @Test("horizon and weight are configurable and validated")
  func configuration() throws {
    let recentOnly = try CustomerValue(horizonDays: 90, recentWeight: 1)
    assertApproximatelyEqual(
      recentOnly.potential(orders90d: 3, frequency: 10, tenureDays: 730, monetaryTotal: 2000), 600)
    #expect(
      throws: FeatureError.invalidParameter(
        name: "horizonDays", value: "0.0", reason: "it must be a number of days above 0")
    ) {
      try CustomerValue(horizonDays: 0)
    }
    #expect(throws: FeatureError.self) { try CustomerValue(recentWeight: 1.5) }
    #expect(throws: FeatureError.self) { try CustomerValue(recentWeight: .nan) }
  }

  @Test("missing inputs never give a negative or NaN potential")
  func missing() {
    let value = CustomerValue.standard
    #expect(
      value.potential(orders90d: .nan, frequency: .nan, tenureDays: .nan, monetaryTotal: .nan) == 0)
    assertApproximatelyEqual(
      value.potential(orders90d: .nan, frequency: 2, tenureDays: 180, monetaryTotal: 100),
      365 * 0.5 * (2.0 / 180) * 50)
  }
}
