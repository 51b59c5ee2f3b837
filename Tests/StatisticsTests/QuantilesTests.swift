import Statistics
import Testing

@Suite struct QuantilesTests {
  @Test("the 0.25 quantile of 1, 2, 3, 4 interpolates to 1.75 (pandas' linear method)")
  func quarterOfFour() {
    // h = (4 − 1) · 0.25 = 0.75: three quarters of the way from 1 to 2.
    #expect(Quantiles.quantile([1, 2, 3, 4], 0.25) == 1.75)
    #expect(Quantiles.quantile([1, 2, 3, 4], 0.5) == 2.5)
    #expect(Quantiles.quantile([1, 2, 3, 4], 0.75) == 3.25)
  }

  @Test("the ends are the minimum and the maximum exactly")
  func ends() {
    let values = [0.1, 0.7, 0.30000000000000004, 1e300]
    let sorted = values.sorted()
    #expect(Quantiles.quantile(sorted, 0) == 0.1)
    #expect(Quantiles.quantile(sorted, 1) == 1e300)
  }

  @Test("a single value is every quantile; no value gives NaN")
  func degenerate() {
    #expect(Quantiles.quantile([5], 0.3) == 5)
    #expect(Quantiles.quantile([], 0.5).isNaN)
  }

  @Test("the unsorted helper sorts and skips NaN")
  func unsorted() {
    #expect(Quantiles.quantile(unsorted: [4, .nan, 1, 3, 2], 0.25) == 1.75)
    #expect(Quantiles.quantiles(unsorted: [10, 0, .nan], [0, 0.5, 1]) == [0, 5, 10])
  }
}
