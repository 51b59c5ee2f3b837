import Testing

@testable import Features

/// The profile's medians come from a selection, not a sort: they must be the sorted answer exactly.
@Suite struct SegmentDesignMedianTests {
  @Test("hand-worked medians: odd and even counts, NaN left out, none present")
  func handWorked() {
    #expect(SegmentDesign.median([3, 1, 2]) == 2)
    #expect(SegmentDesign.median([4, 1, 3, 2]) == 2.5)
    #expect(SegmentDesign.median([.nan, 5, .nan, 1]) == 3)
    #expect(SegmentDesign.median([.nan]).isNaN)
    #expect(SegmentDesign.median([]).isNaN)
  }

  @Test("every order statistic of arrays with many ties equals the sorted array's")
  func selectionMatchesSorting() {
    var state: UInt64 = 42
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    for size in [1, 2, 3, 10, 101, 1000] {
      for distinct in [1, 3, 50, 100_000] {
        let values = (0..<size).map { _ in Double(next() % UInt64(distinct)) / 4 }
        let sorted = values.sorted()
        for k in Set([0, size / 2, size - 1, Int(next() % UInt64(size))]) {
          var copy = values
          #expect(SegmentDesign.select(k, in: &copy) == sorted[k], "size \(size), \(distinct) distinct, k \(k)")
        }
        let middle = size / 2
        let expected = size % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        #expect(SegmentDesign.median(values) == expected)
      }
    }
  }
}
