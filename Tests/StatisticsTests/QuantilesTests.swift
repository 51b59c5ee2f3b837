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

  @Test("the radix sort of long columns is the standard sort, bit for bit: negatives, ties, ±0 in input order, NaN left out")
  func radixSortMatchesSort() {
    var state: UInt64 = 2024
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 11
    }
    let specials: [Double] = [0, -0.0, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, -.greatestFiniteMagnitude]
    for size in [10, 5_000, 100_000] {
      let values = (0..<size).map { i -> Double in
        switch next() % 4 {
        case 0: return specials[Int(next() % UInt64(specials.count))]
        case 1: return Double(Int(next() % 200) - 100)
        case 2: return Double(bitPattern: next() << 11 | next() % 2048)
        default: return Double(next() % 1_000_000) / 100 - 5_000
        }
      }
      let expected = values.filter { !$0.isNaN }.sorted()
      let sorted = Quantiles.sortedNonMissing(values)
      #expect(sorted.map(\.bitPattern) == expected.map(\.bitPattern), "size \(size)")
    }
  }
}
