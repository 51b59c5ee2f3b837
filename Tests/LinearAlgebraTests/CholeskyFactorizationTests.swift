import Foundation
import LinearAlgebra
import TestSupport
import Testing

@Suite struct CholeskyFactorizationTests {
  // The classic SPD example with U = [[2, 6, -8], [0, 1, 5], [0, 0, 3]] (worked by hand: UᵀU = A).
  let a = Matrix(rows: 3, columns: 3, rowMajor: [4, 12, -16, 12, 37, -43, -16, -43, 98])

  @Test("the upper factor is U with UᵀU = A and a zero lower triangle")
  func upperFactor() throws {
    let factor = try a.cholesky()
    assertApproximatelyEqual(
      factor.upper, Matrix(rows: 3, columns: 3, rowMajor: [2, 6, -8, 0, 1, 5, 0, 0, 3]))
    assertApproximatelyEqual(Matrix.product(factor.upper, factor.upper, transposeA: true), a)
  }

  @Test("solve recovers x from A x = b")
  func solveVector() throws {
    // b = A · [1, 2, 3], worked by hand.
    let x = try a.cholesky().solve([-20, -43, 192])
    assertApproximatelyEqual(x, [1, 2, 3], relativeTolerance: 1e-12, absoluteTolerance: 1e-12)
    var inPlace = [-20.0, -43, 192]
    try a.cholesky().solve(inPlace: &inPlace)
    assertApproximatelyEqual(inPlace, [1, 2, 3], relativeTolerance: 1e-12, absoluteTolerance: 1e-12)
  }

  @Test("solve with a matrix right-hand side solves each column")
  func solveMatrix() throws {
    // python3 -c "import numpy as np; A=np.array([[4.,12,-16],[12,37,-43],[-16,-43,98]]); print(np.linalg.solve(A, np.array([[1.,0],[0,1],[2,-1]])).tolist())"
    let x = try a.cholesky().solve(Matrix(rows: 3, columns: 2, rowMajor: [1, 0, 0, 1, 2, -1]))
    assertApproximatelyEqual(
      x,
      Matrix(
        rows: 3, columns: 2,
        rowMajor: [
          53.58333333333343, -15.66666666666669, -14.666666666666691, 4.333333333333339,
          2.333333333333337, -0.6666666666666676,
        ]),
      relativeTolerance: 1e-11)
  }

  @Test("inverse (dpotri) is the full symmetric inverse")
  func inverse() throws {
    // Exact inverse: adj(A)/det(A) with det(A) = 36, worked by hand; numpy agrees:
    // python3 -c "import numpy as np; print(np.linalg.inv(np.array([[4.,12,-16],[12,37,-43],[-16,-43,98]])).tolist())"
    let expected = Matrix(
      rows: 3, columns: 3,
      rowMajor: [1777.0 / 36, -122.0 / 9, 19.0 / 9, -122.0 / 9, 34.0 / 9, -5.0 / 9, 19.0 / 9, -5.0 / 9, 1.0 / 9])
    let inverse = try a.cholesky().inverse()
    assertApproximatelyEqual(inverse, expected, relativeTolerance: 1e-12)
    assertApproximatelyEqual(Matrix.product(a, inverse), Matrix.identity(size: 3), relativeTolerance: 1e-10)
  }

  @Test("logDeterminant is log det A")
  func logDeterminant() throws {
    // det A = (2 · 1 · 3)² = 36.
    assertApproximatelyEqual(try a.cholesky().logDeterminant, log(36.0), relativeTolerance: 1e-14)
  }

  @Test("an indefinite matrix throws notPositiveDefinite with the failing minor")
  func indefinite() {
    // Leading minors 4, 16, −20 (worked by hand): the third fails.
    let indefinite = Matrix(rows: 3, columns: 3, rowMajor: [4, 2, 0, 2, 5, 3, 0, 3, 1])
    #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", minor: 3)) {
      try indefinite.cholesky()
    }
    let twoByTwo = Matrix(rows: 2, columns: 2, rowMajor: [1, 2, 2, 1])
    #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", minor: 2)) {
      try twoByTwo.cholesky()
    }
  }

  @Test("NaN input is reported as an illegal argument, not a crash")
  func nanInput() {
    let withNaN = Matrix(rows: 2, columns: 2, rowMajor: [1, .nan, .nan, 1])
    #expect(throws: LinearAlgebraError.self) { try withNaN.cholesky() }
    do {
      _ = try withNaN.cholesky()
    } catch {
      guard case .illegalArgument(routine: "dpotrf", position: _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
    }
  }

  @Test("error descriptions are one sentence for users")
  func descriptions() {
    let error = LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", minor: 3)
    #expect(error.description.contains("not positive definite"))
    #expect(error.description.hasSuffix("."))
  }
}
