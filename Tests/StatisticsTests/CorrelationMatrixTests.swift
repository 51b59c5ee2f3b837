import Statistics
import Testing
import TestSupport

@Suite struct CorrelationMatrixTests {
  @Test("pairwise-complete Pearson correlations equal the exact values and pandas DataFrame.corr()")
  func matchesPandas() {
    let nan = Double.nan
    let matrix = CorrelationMatrix(columns: [
      ("a", [1, 2, 3, 4, 5, 6, nan, 8]),
      ("b", [2.5, 1, 4, nan, 7, 6.5, 3, 9]),
      // A large offset checks that the shift keeps the sums accurate.
      ("c", [1e6 + 1, 1e6 + 3, 1e6 + 2, 1e6 + 8, nan, 1e6 + 5, 1e6 + 7, 1e6 + 6]),
      ("d", [5, 5, 5, 5, 5, 5, 5, 5]),
    ])
    // Exact values from rational arithmetic (Python fractions, two-pass sums over each
    // pair's common rows): a–b 0.9419504361232226, a–c 0.668329851434186, b–c 0.490884104450555.
    // pandas 3.1.1's corr() gives 0.9419504361232225, 0.6683298514217522 and 0.49088410444894337:
    // its running sums lose 1e-11 on the column offset by 10⁶, so it is met to 1e-10 only.
    assertApproximatelyEqual(matrix.values[0, 1], 0.9419504361232226, relativeTolerance: 1e-14)
    assertApproximatelyEqual(matrix.values[0, 2], 0.668329851434186, relativeTolerance: 1e-14)
    assertApproximatelyEqual(matrix.values[1, 2], 0.490884104450555, relativeTolerance: 1e-14)
    assertApproximatelyEqual(matrix.values[2, 0], 0.668329851434186, relativeTolerance: 1e-14)
    assertApproximatelyEqual(matrix.values[0, 2], 0.6683298514217522, relativeTolerance: 1e-10)
    #expect(matrix.values[0, 0] == 1 && matrix.values[2, 2] == 1)
    // A constant column has no correlation, with itself included.
    #expect((0..<4).allSatisfy { matrix.values[3, $0].isNaN && matrix.values[$0, 3].isNaN })
    #expect(matrix.pairCounts[0, 1] == 6 && matrix.pairCounts[0, 2] == 6 && matrix.pairCounts[1, 2] == 6)
    #expect(matrix.correlation("b", "a") == matrix.values[1, 0])
  }

  @Test("two points on a line correlate perfectly; fewer have no correlation")
  func smallSamples() {
    let two = CorrelationMatrix(columns: [("x", [1, 3]), ("y", [10, 4])])
    #expect(two.values[0, 1] == -1)
    let one = CorrelationMatrix(columns: [("x", [1, .nan]), ("y", [.nan, 4])])
    #expect(one.values[0, 1].isNaN)
  }
}
