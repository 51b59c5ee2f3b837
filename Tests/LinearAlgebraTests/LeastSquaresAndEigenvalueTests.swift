import LinearAlgebra
import TestSupport
import Testing

@Suite struct LeastSquaresAndEigenvalueTests {
  // Design [1, x] with x = 0…4 and y = [1, 3, 2, 5, 4].
  let design = Matrix(columns: [[1, 1, 1, 1, 1], [0, 1, 2, 3, 4]])
  let y = [1.0, 3, 2, 5, 4]

  @Test("least squares fits a line to an overdetermined system")
  func overdetermined() throws {
    // python3 -c "import numpy as np; x=np.arange(5.); print(np.linalg.lstsq(np.column_stack([np.ones(5),x]),[1.,3,2,5,4],rcond=None))"
    // → [1.4, 0.8], rank 2 (also by hand: slope = Sxy/Sxx = 8/10, intercept = 3 − 0.8·2).
    let (solution, rank) = try Matrix.leastSquares(design, y)
    assertApproximatelyEqual(solution, [1.4, 0.8], relativeTolerance: 1e-12)
    #expect(rank == 2)
  }

  @Test("least squares returns the minimum-norm solution and the rank for a collinear design")
  func rankDeficient() throws {
    // python3 -c "import numpy as np; x=np.arange(5.); print(np.linalg.lstsq(np.column_stack([np.ones(5),x,2*x]),[1.,3,2,5,4],rcond=None))"
    // → [1.4, 0.16, 0.32], rank 2
    let collinear = Matrix(columns: [[1, 1, 1, 1, 1], [0, 1, 2, 3, 4], [0, 2, 4, 6, 8]])
    let (solution, rank) = try Matrix.leastSquares(collinear, y)
    assertApproximatelyEqual(solution, [1.4, 0.16, 0.32], relativeTolerance: 1e-12)
    #expect(rank == 2)
  }

  @Test("symmetric eigenvalues of the 1-D Laplacian are 2 − √2, 2, 2 + √2 in ascending order")
  func eigenvalues() throws {
    // Known closed form 2 − 2cos(kπ/4), k = 1, 2, 3; numpy.linalg.eigvalsh agrees.
    let laplacian = Matrix(rows: 3, columns: 3, rowMajor: [2, -1, 0, -1, 2, -1, 0, -1, 2])
    let root2 = (2.0).squareRoot()
    assertApproximatelyEqual(
      try laplacian.symmetricEigenvalues(), [2 - root2, 2, 2 + root2], relativeTolerance: 1e-14,
      absoluteTolerance: 1e-14)
  }

  @Test("eigenvalues read only the upper triangle")
  func upperTriangleOnly() throws {
    // Garbage below the diagonal must be ignored.
    let upperOnly = Matrix(rows: 2, columns: 2, rowMajor: [2, 1, 99, 2])
    assertApproximatelyEqual(try upperOnly.symmetricEigenvalues(), [1, 3], relativeTolerance: 1e-14)
  }
}
