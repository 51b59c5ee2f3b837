import Statistics
import Testing

@Suite struct NumericSummaryTests {
  @Test("skewness of 1, 2, 3, 10 is the adjusted Fisher–Pearson G1 worked by hand")
  func skewByHand() {
    // mean 4, deviations −3 −2 −1 6: Σd² = 50, Σd³ = 180, so m2 = 12.5, m3 = 45.
    // G1 = √(4·3)/2 · 45 / 12.5^1.5 = 3.6 · √(3/12.5) = 3.6 · √0.24 ≈ 1.7636326.
    let summary = NumericSummary([1, 2, 3, 10])
    #expect(isClose(summary.skewness, 3.6 * 0.24.squareRoot(), relativeTolerance: 1e-14))
    #expect(isClose(summary.standardDeviation, (50.0 / 3).squareRoot(), relativeTolerance: 1e-15))
    #expect(summary.mean == 4)
    #expect(summary.min == 1 && summary.max == 10)
    #expect(summary.p25 == 1.75 && summary.median == 2.5 && summary.p75 == 4.75)
  }

  @Test("NaN is counted as missing and left out")
  func missing() {
    let summary = NumericSummary([.nan, 1, 2, 3, 10, .nan])
    #expect(summary.count == 4)
    #expect(summary.missing == 2)
    #expect(summary.mean == 4)
  }

  @Test("too few values give NaN like pandas: std below 2, skew below 3")
  func tooFew() {
    let one = NumericSummary([7])
    #expect(one.mean == 7 && one.standardDeviation.isNaN && one.skewness.isNaN)
    let two = NumericSummary([1, 2])
    #expect(two.standardDeviation == 0.5.squareRoot() && two.skewness.isNaN)
    let none = NumericSummary([.nan])
    #expect(none.count == 0 && none.missing == 1 && none.mean.isNaN && none.median.isNaN)
  }

  @Test("the skewness of constant data is NaN, as pandas 3.1 gives")
  func constant() {
    // A two-pass mean of ten 0.1s is not exactly 0.1; the result must still be NaN.
    #expect(NumericSummary([Double](repeating: 0.1, count: 10)).skewness.isNaN)
    #expect(NumericSummary([3, 3, 3]).skewness.isNaN)
  }

  @Test("row amounts match pandas describe() and skew()")
  func rowAmountsMatchPandas() {
    let fixture = PandasFixture.shared
    expectMatches(NumericSummary(fixture.transactions.amount), fixture["amount_rows"])
  }

  @Test("order amounts match pandas describe() and skew()")
  func orderAmountsMatchPandas() {
    let fixture = PandasFixture.shared
    expectMatches(NumericSummary(fixture.orders.amount), fixture["amount_orders"])
  }
}
