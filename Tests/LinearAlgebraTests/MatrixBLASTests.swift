import LinearAlgebra
import TestSupport
import Testing

/// Compares two matrices element by element (shape first).
func assertApproximatelyEqual(
  _ actual: Matrix, _ expected: Matrix, relativeTolerance: Double = 1e-12,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    actual.rows == expected.rows && actual.columns == expected.columns,
    "shape \(actual.rows)×\(actual.columns) vs \(expected.rows)×\(expected.columns)",
    sourceLocation: sourceLocation)
  guard actual.rows == expected.rows && actual.columns == expected.columns else { return }
  assertApproximatelyEqual(
    actual.columnMajorElements, expected.columnMajorElements,
    relativeTolerance: relativeTolerance, "\(actual)\nvs expected \(expected)",
    sourceLocation: sourceLocation)
}

@Suite struct MatrixBLASTests {
  // A is 3×2, B is 4×3 (row-major literals as printed by numpy).
  let a = Matrix(rows: 3, columns: 2, rowMajor: [1, 2, 3, -1, 0.5, 4])
  let b = Matrix(rows: 4, columns: 3, rowMajor: [2, 0, 1, -1, 3, 2, 4, 1, 0, 0, -2, 5])
  // X is 4×3 for the Gram tests.
  let x = Matrix(rows: 4, columns: 3, rowMajor: [1, 2, 3, 4, 5, 6, 7, 8, 10, -1, 0.5, 2])

  @Test("gemm with both operands transposed multiplies non-square matrices")
  func gemmBothTransposed() {
    // python3 -c "import numpy as np; A=np.array([[1.,2.],[3.,-1.],[0.5,4.]]); B=np.array([[2.,0.,1.],[-1.,3.,2.],[4.,1.,0.],[0.,-2.,5.]]); print((A.T@B.T).tolist(), (2.5*A.T@B.T).tolist())"
    let expected = Matrix(rows: 2, columns: 4, rowMajor: [2.5, 9.0, 7.0, -3.5, 8.0, 3.0, 7.0, 22.0])
    assertApproximatelyEqual(Matrix.product(a, b, transposeA: true, transposeB: true), expected)
    assertApproximatelyEqual(
      Matrix.product(a, b, transposeA: true, transposeB: true, alpha: 2.5),
      Matrix(rows: 2, columns: 4, rowMajor: [6.25, 22.5, 17.5, -8.75, 20.0, 7.5, 17.5, 55.0]))
  }

  @Test("gemm with one operand transposed gives AᵀA and AAᵀ")
  func gemmOneTransposed() {
    // python3 -c "import numpy as np; A=np.array([[1.,2.],[3.,-1.],[0.5,4.]]); print((A.T@A).tolist(), (A@A.T).tolist())"
    assertApproximatelyEqual(
      Matrix.product(a, a, transposeA: true),
      Matrix(rows: 2, columns: 2, rowMajor: [10.25, 1.0, 1.0, 21.0]))
    assertApproximatelyEqual(
      Matrix.product(a, a, transposeB: true),
      Matrix(rows: 3, columns: 3, rowMajor: [5.0, 1.0, 8.5, 1.0, 10.0, -2.5, 8.5, -2.5, 16.25]))
  }

  @Test("gemm into a preallocated result accumulates with beta")
  func gemmIntoWithBeta() {
    var c = Matrix.identity(size: 2)
    Matrix.gemm(a, a, transposeA: true, alpha: 1, beta: 2, into: &c)
    // AᵀA + 2I, from the AᵀA above.
    assertApproximatelyEqual(c, Matrix(rows: 2, columns: 2, rowMajor: [12.25, 1.0, 1.0, 23.0]))
  }

  @Test("gemm with an empty inner dimension gives zeros")
  func gemmEmptyInner() {
    let left = Matrix.zeros(rows: 2, columns: 0)
    let right = Matrix.zeros(rows: 0, columns: 3)
    #expect(Matrix.product(left, right) == Matrix.zeros(rows: 2, columns: 3))
  }

  @Test("gram (dsyrk) equals XᵀX with both triangles filled")
  func gramEqualsXTX() {
    // python3 -c "import numpy as np; X=np.array([[1.,2.,3.],[4.,5.,6.],[7.,8.,10.],[-1.,0.5,2.]]); print((X.T@X).tolist())"
    let expected = Matrix(
      rows: 3, columns: 3, rowMajor: [67.0, 77.5, 95.0, 77.5, 93.25, 117.0, 95.0, 117.0, 149.0])
    assertApproximatelyEqual(x.gram(), expected)
    assertApproximatelyEqual(x.gram(), Matrix.product(x, x, transposeA: true))
    var reused = Matrix(rows: 3, columns: 3, columnMajor: repeatElement(Double.nan, count: 9))
    x.gram(into: &reused)
    assertApproximatelyEqual(reused, expected)
  }

  @Test("weighted Gram equals XᵀWX, including a zero weight")
  func weightedGram() {
    // python3 -c "import numpy as np; X=np.array([[1.,2.,3.],[4.,5.,6.],[7.,8.,10.],[-1.,0.5,2.]]); w=np.array([0.5,2.,0.,1.5]); print((X.T@np.diag(w)@X).tolist())"
    let weights = [0.5, 2, 0, 1.5]
    let expected = Matrix(
      rows: 3, columns: 3, rowMajor: [34.0, 40.25, 46.5, 40.25, 52.375, 64.5, 46.5, 64.5, 82.5])
    assertApproximatelyEqual(x.weightedGram(weights: weights), expected)

    var scaled = Matrix.zeros(rows: 4, columns: 3)
    var result = Matrix.zeros(rows: 3, columns: 3)
    x.weightedGram(weights: weights, scaled: &scaled, into: &result)
    assertApproximatelyEqual(result, expected)
    // The workspace holds √w · X afterwards.
    assertApproximatelyEqual(scaled.column(0), [(0.5).squareRoot(), 4 * (2.0).squareRoot(), 0, -(1.5).squareRoot()])
  }

  @Test("GramAccumulator adds blocks of rows up to XᵀWX, a short block last")
  func gramAccumulator() {
    // The weighted Gram above, built from blocks of 3 rows and 1 row of √w·X.
    let weights = [0.5, 2, 0, 1.5]
    let expected = Matrix(
      rows: 3, columns: 3, rowMajor: [34.0, 40.25, 46.5, 40.25, 52.375, 64.5, 46.5, 64.5, 82.5])
    var accumulator = GramAccumulator(columns: 3, blockRows: 3)
    #expect(accumulator.gram == Matrix.zeros(rows: 3, columns: 3))
    for _ in 0..<2 {
      for start in [0, 3] {
        let m = min(3, 4 - start)
        accumulator.addBlock(rows: m) { block in
          for c in 0..<3 {
            for i in 0..<m { block[c * 3 + i] = weights[start + i].squareRoot() * x[start + i, c] }
          }
        }
      }
      assertApproximatelyEqual(accumulator.gram, expected)
      // After a reset the sum starts again.
      accumulator.reset()
    }
    #expect(accumulator.gram == Matrix.zeros(rows: 3, columns: 3))
    // Sums kept apart (as on two threads) add up to the same matrix; an empty one adds nothing.
    var first = GramAccumulator(columns: 3, blockRows: 2)
    var second = GramAccumulator(columns: 3, blockRows: 2)
    for (start, target) in [(0, 0), (2, 1)] {
      let fill: (UnsafeMutableBufferPointer<Double>) -> Void = { block in
        for c in 0..<3 {
          for i in 0..<2 { block[c * 2 + i] = weights[start + i].squareRoot() * x[start + i, c] }
        }
      }
      if target == 0 { first.addBlock(rows: 2, fill) } else { second.addBlock(rows: 2, fill) }
    }
    var total = GramAccumulator(columns: 3, blockRows: 1)
    total.add(GramAccumulator(columns: 3))
    total.add(first)
    total.add(second)
    assertApproximatelyEqual(total.gram, expected)
  }

  @Test("gemv computes Xv and Xᵀv")
  func gemv() {
    // python3 -c "import numpy as np; X=np.array([[1.,2.,3.],[4.,5.,6.],[7.,8.,10.],[-1.,0.5,2.]]); print((X@[1.,-2.,0.5]).tolist(), (X.T@[1.,0.,-1.,2.]).tolist())"
    assertApproximatelyEqual(x.times(vector: [1, -2, 0.5]), [-1.5, -3.0, -4.0, -1.0])
    assertApproximatelyEqual(x.transposeTimes(vector: [1, 0, -1, 2]), [-8.0, -5.0, -3.0])
    var y = [1.0, 1, 1, 1]
    x.times(vector: [1, -2, 0.5], alpha: 2, beta: -1, into: &y)
    assertApproximatelyEqual(y, [-4.0, -7.0, -9.0, -3.0])
  }
}
