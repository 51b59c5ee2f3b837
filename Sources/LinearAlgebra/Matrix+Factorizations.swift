internal import CLapack

// Entry points for the LAPACK factorisations and solvers. Each copies its
// input only when the routine overwrites it, and maps every `info` value to
// `LinearAlgebraError`.

extension Matrix {
  /// Returns the Cholesky factorisation `A = UᵀU` of this symmetric
  /// positive-definite matrix; only the upper triangle is read.
  ///
  /// ```
  /// A = UᵀU   (LAPACK dpotrf, uplo = "U")
  /// ```
  ///
  /// The matrix is copied because `dpotrf` overwrites it; use
  /// ``CholeskyFactorization/init(factoring:)`` with `consume` to avoid the copy.
  ///
  /// - Returns: the factorisation, ready to solve, invert or give `log det A`.
  /// - Throws: `.notPositiveDefinite(routine: "dpotrf", minor:)` when the
  ///   leading minor of order `minor` is not positive definite;
  ///   `.illegalArgument` when the matrix contains NaN.
  /// - Complexity: O(n³/3).
  public func cholesky() throws(LinearAlgebraError) -> CholeskyFactorization {
    try CholeskyFactorization(factoring: self)
  }

  /// Returns a QR factorisation with column pivoting of this matrix (columns
  /// scaled to unit length first), which gives the numerical rank and the
  /// linearly dependent columns.
  ///
  /// ```
  /// A·D·P = Q·R   (LAPACK dgeqp3),   D = diag(1 / ‖aⱼ‖)
  /// ```
  ///
  /// - Returns: the factorisation; see ``PivotedQR/rank(tolerance:)`` and
  ///   ``PivotedQR/dependentColumns(tolerance:)``.
  /// - Throws: `.illegalArgument` when the matrix contains NaN.
  /// - Complexity: O(m·n·min(m, n)); copies the matrix (`dgeqp3` overwrites it).
  public func pivotedQR() throws(LinearAlgebraError) -> PivotedQR {
    try PivotedQR(factoring: self)
  }

  /// Solves the linear least-squares problem `min ‖A x − b‖₂` by the SVD
  /// (LAPACK `dgelsd`), returning the minimum-norm solution when `A` is rank
  /// deficient.
  ///
  /// ```
  /// x = A⁺ b,   singular values σᵢ ≤ cutoff · σ₁ are treated as zero
  /// ```
  ///
  /// `a` and `b` are copied because `dgelsd` overwrites both.
  ///
  /// - Parameters:
  ///   - a: an `m × n` matrix (over- or under-determined).
  ///   - b: `m` elements.
  ///   - relativeCutoff: singular values below `relativeCutoff · σ₁` are
  ///     treated as zero; default `nil` means `max(m, n) · ε`, as in
  ///     `numpy.linalg.lstsq`.
  /// - Returns: the `n`-element solution and the effective rank of `a`.
  /// - Throws: `.didNotConverge(routine: "dgelsd", info:)` when the SVD fails
  ///   to converge; `.illegalArgument` when `a` or `b` contains NaN.
  /// - Complexity: O(m·n·min(m, n)).
  public static func leastSquares(
    _ a: Matrix, _ b: [Double], relativeCutoff: Double? = nil
  ) throws(LinearAlgebraError) -> (solution: [Double], rank: Int) {
    let m = a.rows
    let n = a.columns
    precondition(b.count == m, "leastSquares: b has \(b.count) elements, expected \(m)")
    var work = a
    let ldb = Swift.max(1, m, n)
    var rhs = b + [Double](repeating: 0, count: ldb - m)  // dgelsd returns x in b[0..<n]
    var singularValues = [Double](repeating: 0, count: Swift.max(1, Swift.min(m, n)))
    let cutoff = relativeCutoff ?? Double(Swift.max(m, n)) * Double.ulpOfOne
    var rank: Int32 = 0
    let lda = work.leadingDimension
    let info = work.storage.withUnsafeMutableBufferPointer { ap in
      rhs.withUnsafeMutableBufferPointer { bp in
        singularValues.withUnsafeMutableBufferPointer { sp in
          withUnsafeMutablePointer(to: &rank) { rankPointer in
            LAPACKE_dgelsd(
              LAPACK_COL_MAJOR, Int32(m), Int32(n), 1, ap.baseAddress, lda,
              bp.baseAddress, Int32(ldb), sp.baseAddress, cutoff, rankPointer)
          }
        }
      }
    }
    if info < 0 { throw .negativeInfo(info, routine: "dgelsd") }
    if info > 0 { throw .didNotConverge(routine: "dgelsd", info: Int(info)) }
    return (Array(rhs[0..<n]), Int(rank))
  }

  /// Returns the eigenvalues of this symmetric matrix in ascending order
  /// (LAPACK `dsyevd`, eigenvalues only); only the upper triangle is read.
  ///
  /// ```
  /// A v = λ v,   λ₁ ≤ λ₂ ≤ … ≤ λₙ
  /// ```
  ///
  /// Useful for condition numbers: `κ₂(A) = λₙ / λ₁` for a positive-definite `A`.
  /// The matrix is copied because `dsyevd` overwrites it.
  ///
  /// - Returns: `n` eigenvalues, ascending.
  /// - Throws: `.didNotConverge(routine: "dsyevd", info:)` when the
  ///   divide-and-conquer iteration fails; `.illegalArgument` when the matrix
  ///   contains NaN.
  /// - Complexity: O(n³).
  public func symmetricEigenvalues() throws(LinearAlgebraError) -> [Double] {
    precondition(rows == columns, "symmetricEigenvalues needs a square matrix, got \(rows)×\(columns)")
    var work = self
    let n = rows
    var eigenvalues = [Double](repeating: 0, count: n)
    let lda = work.leadingDimension
    let info = work.storage.withUnsafeMutableBufferPointer { ap in
      eigenvalues.withUnsafeMutableBufferPointer { wp in
        LAPACKE_dsyevd(
          LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), lapackUpper, Int32(n), ap.baseAddress, lda,
          wp.baseAddress)
      }
    }
    if info < 0 { throw .negativeInfo(info, routine: "dsyevd") }
    if info > 0 { throw .didNotConverge(routine: "dsyevd", info: Int(info)) }
    return eigenvalues
  }
}
