import LinearAlgebra
import TestSupport
import Testing

@Suite struct PivotedQRTests {
  // 6×4; column 2 = column 0 + column 1 (0-based), column 3 independent.
  let collinear = Matrix(
    rows: 6, columns: 4,
    rowMajor: [
      1, 0, 1, 2,
      0, 1, 1, -1,
      2, 1, 3, 0,
      1, -1, 0, 3,
      0, 2, 2, 1,
      1, 1, 2, -2,
    ])

  @Test("finds that column 3 = column 1 + column 2 (1-based) in a 6×4 matrix")
  func sumOfColumns() throws {
    // python3 -c "import numpy as np, scipy.linalg as sl; X=np.array([[1.,0,1,2],[0,1,1,-1],[2,1,3,0],[1,-1,0,3],[0,2,2,1],[1,1,2,-2]]); Q,R,P=sl.qr(X/np.linalg.norm(X,axis=0),pivoting=True); print(P, abs(np.diag(R)))"
    // → [0 3 1 2] [1.0 0.96557 0.87298 2.3e-16]
    let qr = try collinear.pivotedQR()
    #expect(qr.rank() == 3)
    #expect(qr.dependentColumns() == [2])
    #expect(qr.independentColumns() == [0, 1, 3])
    #expect(qr.permutation == [0, 3, 1, 2])
    assertApproximatelyEqual(
      qr.diagonal, [1.0, 0.965572797, 0.872981543, 0], relativeTolerance: 1e-8,
      absoluteTolerance: 1e-14)
  }

  @Test("a constant-zero column is dependent")
  func zeroColumn() throws {
    var m = collinear
    for r in 0..<6 { m[r, 3] = 0 }
    for (r, v) in [3.0, -1, 0.5, 2, 1, 4].enumerated() { m[r, 2] = v }
    // python3: the same scipy call on this matrix (zero column left unscaled) → P = [2 1 0 3]
    let qr = try m.pivotedQR()
    #expect(qr.rank() == 3)
    #expect(qr.dependentColumns() == [3])
    #expect(qr.permutation == [2, 1, 0, 3])
    #expect(qr.columnNorms[3] == 0)
  }

  @Test("a sum column and a zero column together leave rank 2")
  func sumAndZero() throws {
    var m = collinear
    for r in 0..<6 { m[r, 3] = 0 }
    let qr = try m.pivotedQR()
    #expect(qr.rank() == 2)
    #expect(qr.dependentColumns() == [2, 3])
  }

  @Test("the rank does not depend on the units of the columns")
  func unitInvariance() throws {
    var m = collinear
    for r in 0..<6 { m[r, 3] *= 1e9 }   // e.g. revenue in small units
    for r in 0..<6 { m[r, 0] *= 1e-6 }  // scaling keeps column 2 in the span of 0 and 1
    let qr = try m.pivotedQR()
    #expect(qr.rank() == 3)
    #expect(qr.dependentColumns() == [2])

    // Columns 0, 1, 3 are independent however they are scaled; relative to the
    // largest column, |R₁₁| would be ~1e-15 without the unit-length scaling.
    let independent = Matrix(columns: [m.column(0), m.column(1), m.column(3)])
    #expect(try independent.pivotedQR().rank() == 3)
  }

  @Test("removing the dependent columns leaves full column rank")
  func removalGivesFullRank() throws {
    let qr = try collinear.pivotedQR()
    let kept = Matrix(columns: qr.independentColumns().map { collinear.column($0) })
    let keptQR = try kept.pivotedQR()
    #expect(keptQR.rank() == kept.columns)
  }
}
