internal import CLapack

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Cholesky factorisation `A = UᵀU` of a symmetric positive-definite
/// matrix, computed by LAPACK `dpotrf` (upper triangle).
///
/// ```
/// A = UᵀU,   U upper triangular with positive diagonal
/// ```
///
/// Create one with ``Matrix/cholesky()`` or ``init(factoring:)``; then solve
/// linear systems (`dpotrs`), invert (`dpotri`) or read the log-determinant
/// without factoring again. Reference: Golub & Van Loan, *Matrix
/// Computations*, 4th ed., §4.2.
public struct CholeskyFactorization: Sendable, Equatable {
  /// The upper-triangular factor `U`; its strictly lower triangle is zero.
  public let upper: Matrix

  /// The order `n` of the factored `n × n` matrix.
  public var size: Int { upper.rows }

  /// Factors a symmetric positive-definite matrix; only its upper triangle is read.
  ///
  /// ```
  /// A = UᵀU   (LAPACK dpotrf, uplo = "U")
  /// ```
  ///
  /// `dpotrf` overwrites its input, so the factor is built in `a`'s storage:
  /// pass `consume a` (or a temporary) to avoid a copy.
  ///
  /// - Parameter a: a square matrix; only the upper triangle is used.
  /// - Throws: `LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", minor:)`
  ///   when the leading minor of order `minor` is not positive definite, or
  ///   `.illegalArgument` when `a` contains NaN.
  /// - Complexity: O(n³/3).
  public init(factoring a: consuming Matrix) throws(LinearAlgebraError) {
    precondition(a.rows == a.columns, "Cholesky needs a square matrix, got \(a.rows)×\(a.columns)")
    let n = a.rows
    let lda = a.leadingDimension
    let info = a.storage.withUnsafeMutableBufferPointer { ap in
      LAPACKE_dpotrf(LAPACK_COL_MAJOR, lapackUpper, Int32(n), ap.baseAddress, lda)
    }
    if info < 0 { throw .negativeInfo(info, routine: "dpotrf") }
    if info > 0 { throw .notPositiveDefinite(routine: "dpotrf", minor: Int(info)) }
    a.zeroStrictlyLowerTriangle()
    upper = a
  }

  /// The natural logarithm of the determinant of `A`.
  ///
  /// ```
  /// log det A = 2 · Σᵢ log Uᵢᵢ
  /// ```
  ///
  /// - Complexity: O(n).
  public var logDeterminant: Double {
    var sum = 0.0
    for i in 0..<size { sum += log(upper[i, i]) }
    return 2 * sum
  }

  /// Solves `A x = b` for one right-hand side.
  ///
  /// ```
  /// x = A⁻¹ b = U⁻¹ U⁻ᵀ b   (LAPACK dpotrs)
  /// ```
  ///
  /// - Parameter b: `n` elements.
  /// - Returns: the solution `x`, `n` elements.
  /// - Throws: `.illegalArgument` when `b` contains NaN.
  /// - Complexity: O(n²).
  public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
    var x = b
    try solve(inPlace: &x)
    return x
  }

  /// Solves `A x = b` in place, overwriting `b` with `x` (no allocation when
  /// `b` is uniquely referenced).
  ///
  /// ```
  /// b ← A⁻¹ b   (LAPACK dpotrs)
  /// ```
  ///
  /// - Parameter b: `n` elements; replaced by the solution.
  /// - Throws: `.illegalArgument` when `b` contains NaN.
  /// - Complexity: O(n²).
  public func solve(inPlace b: inout [Double]) throws(LinearAlgebraError) {
    precondition(b.count == size, "solve: right-hand side has \(b.count) elements, expected \(size)")
    let n = size
    let ld = upper.leadingDimension
    let info = upper.storage.withUnsafeBufferPointer { up in
      b.withUnsafeMutableBufferPointer { bp in
        LAPACKE_dpotrs(
          LAPACK_COL_MAJOR, lapackUpper, Int32(n), 1, up.baseAddress, ld, bp.baseAddress, ld)
      }
    }
    if info < 0 { throw .negativeInfo(info, routine: "dpotrs") }
  }

  /// Solves `A X = B` for several right-hand sides (the columns of `B`).
  ///
  /// ```
  /// X = A⁻¹ B   (LAPACK dpotrs)
  /// ```
  ///
  /// - Parameter b: an `n × k` matrix.
  /// - Returns: the `n × k` solution.
  /// - Throws: `.illegalArgument` when `b` contains NaN.
  /// - Complexity: O(n²·k).
  public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
    precondition(b.rows == size, "solve: right-hand side has \(b.rows) rows, expected \(size)")
    var x = b
    let n = size
    let ld = upper.leadingDimension
    let info = upper.storage.withUnsafeBufferPointer { up in
      x.storage.withUnsafeMutableBufferPointer { xp in
        LAPACKE_dpotrs(
          LAPACK_COL_MAJOR, lapackUpper, Int32(n), Int32(b.columns), up.baseAddress, ld,
          xp.baseAddress, ld)
      }
    }
    if info < 0 { throw .negativeInfo(info, routine: "dpotrs") }
    return x
  }

  /// Returns the inverse of `A`, with both triangles filled.
  ///
  /// ```
  /// A⁻¹ = U⁻¹ U⁻ᵀ   (LAPACK dpotri on a copy of U, then mirrored)
  /// ```
  ///
  /// This is the covariance `(XᵀWX)⁻¹` step of IRLS. The factor is copied
  /// because `dpotri` overwrites it.
  ///
  /// - Returns: the symmetric `n × n` inverse.
  /// - Throws: `.singular(routine: "dpotri", index:)` when a diagonal element
  ///   of `U` is exactly zero.
  /// - Complexity: O(n³).
  public func inverse() throws(LinearAlgebraError) -> Matrix {
    var result = upper
    let n = size
    let ld = result.leadingDimension
    let info = result.storage.withUnsafeMutableBufferPointer { rp in
      LAPACKE_dpotri(LAPACK_COL_MAJOR, lapackUpper, Int32(n), rp.baseAddress, ld)
    }
    if info < 0 { throw .negativeInfo(info, routine: "dpotri") }
    if info > 0 { throw .singular(routine: "dpotri", index: Int(info)) }
    result.mirrorUpperTriangle()
    return result
  }
}

/// LAPACK's `uplo = "U"` as a C `char`.
let lapackUpper = CChar(UInt8(ascii: "U"))

extension Matrix {
  /// Sets every element below the diagonal to zero.
  ///
  /// ```
  /// A[r, c] ← 0   for r > c
  /// ```
  ///
  /// - Complexity: O(rows · columns).
  mutating func zeroStrictlyLowerTriangle() {
    let m = rows
    let n = columns
    storage.withUnsafeMutableBufferPointer { a in
      for c in 0..<n where c + 1 < m {
        for r in (c + 1)..<m { a[c * m + r] = 0 }
      }
    }
  }
}
