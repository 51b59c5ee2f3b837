internal import CLapack

/// A QR factorisation with column pivoting of a matrix whose columns were
/// first scaled to unit length, used to find its numerical rank and to name
/// the columns that are linear combinations of the others (LAPACK `dgeqp3`).
///
/// ```
/// A·D·P = Q·R,   D = diag(1 / ‖aⱼ‖)  (zero columns are left as they are)
/// |R₀₀| ≥ |R₁₁| ≥ …,  and |Rₖₖ| = distance of pivot column k from the span
///                                  of the earlier pivots (on the unit scale)
/// ```
///
/// Scaling by `D` does not change which columns are dependent, and it makes
/// the tolerance independent of units (revenue in cents and a 0/1 indicator
/// are judged alike). `|Rₖₖ|²` is `1 − R²` of regressing pivot column `k` on
/// the earlier pivots, so the default tolerance `1e-7` (R's `lm.fit`) flags
/// columns whose `R²` exceeds `1 − 10⁻¹⁴`.
///
/// Which member of a dependent set is named is decided by the pivoting: the
/// column farthest from the span of those already chosen is kept first (ties
/// go to the lower index). Every named column is, within tolerance, a linear
/// combination of the kept ones, and removing all named columns leaves a
/// design of full column rank. Reference: Businger & Golub (1965); Quintana-Ortí,
/// Sun & Bischof (1998) for the `dgeqp3` algorithm.
public struct PivotedQR: Sendable, Equatable {
  /// R's `lm.fit` tolerance on the unit-length scale.
  public static let defaultTolerance = 1e-7

  /// The number of rows of the factored matrix.
  public let rows: Int
  /// The number of columns of the factored matrix.
  public let columns: Int
  /// The `min(rows, columns) × columns` upper-triangular factor `R` of the
  /// column-scaled, permuted matrix.
  public let r: Matrix
  /// `permutation[k]` is the original (0-based) index of the `k`-th pivot column.
  public let permutation: [Int]
  /// The Euclidean norm of each original column before scaling.
  public let columnNorms: [Double]

  /// Factors a copy of `a` (`dgeqp3` overwrites its input).
  ///
  /// ```
  /// A·D·P = Q·R   (LAPACK dgeqp3, all columns free)
  /// ```
  ///
  /// - Parameter a: any `m × n` matrix.
  /// - Throws: `.illegalArgument` when `a` contains NaN.
  /// - Complexity: O(m·n·min(m, n)); copies `a`.
  public init(factoring a: Matrix) throws(LinearAlgebraError) {
    var work = a
    let m = a.rows
    let n = a.columns
    let lda = a.leadingDimension
    var norms = [Double](repeating: 0, count: n)
    var pivots = [Int32](repeating: 0, count: n)  // 0 = free column
    var tau = [Double](repeating: 0, count: Swift.min(m, n))
    let info = work.storage.withUnsafeMutableBufferPointer { ap in
      // Unit-length columns (BLAS dnrm2, dscal); a zero column stays zero.
      for c in 0..<n where m > 0 {
        let column = ap.baseAddress! + c * m
        let norm = cblas_dnrm2(Int32(m), column, 1)
        norms[c] = norm
        if norm > 0 { cblas_dscal(Int32(m), 1 / norm, column, 1) }
      }
      return pivots.withUnsafeMutableBufferPointer { jp in
        tau.withUnsafeMutableBufferPointer { tp in
          LAPACKE_dgeqp3(
            LAPACK_COL_MAJOR, Int32(m), Int32(n), ap.baseAddress, lda, jp.baseAddress,
            tp.baseAddress)
        }
      }
    }
    if info < 0 { throw .negativeInfo(info, routine: "dgeqp3") }
    let k = Swift.min(m, n)
    var r = Matrix.zeros(rows: k, columns: n)
    for c in 0..<n where k > 0 {
      for row in 0...Swift.min(c, k - 1) { r[row, c] = work[row, c] }
    }
    rows = m
    columns = n
    self.r = r
    permutation = pivots.map { Int($0) - 1 }
    columnNorms = norms
  }

  /// The magnitudes `|Rₖₖ|` of the diagonal of `R`, in pivot order
  /// (non-increasing; on the unit-length scale, so `≤ 1`).
  public var diagonal: [Double] {
    (0..<Swift.min(rows, columns)).map { Swift.abs(r[$0, $0]) }
  }

  /// The numerical rank: the number of leading pivots whose `|Rₖₖ|` exceeds
  /// the tolerance.
  ///
  /// ```
  /// rank = #{ k : |Rⱼⱼ| > tolerance for all j ≤ k }
  /// ```
  ///
  /// - Parameter tolerance: the smallest `|Rₖₖ|` (unit-length scale) counted
  ///   as independent; default ``defaultTolerance`` (`1e-7`).
  /// - Returns: a rank in `0...min(rows, columns)`.
  /// - Complexity: O(min(rows, columns)).
  public func rank(tolerance: Double = PivotedQR.defaultTolerance) -> Int {
    var rank = 0
    for d in diagonal {
      guard d > tolerance else { break }
      rank += 1
    }
    return rank
  }

  /// The original indices of the columns that are, within tolerance, linear
  /// combinations of the others (the pivots after the rank), in ascending order.
  ///
  /// ```
  /// dependent = sorted(permutation[rank ..< columns])
  /// ```
  ///
  /// - Parameter tolerance: as in ``rank(tolerance:)``.
  /// - Returns: 0-based column indices; empty when the columns are independent.
  /// - Complexity: O(n log n).
  public func dependentColumns(tolerance: Double = PivotedQR.defaultTolerance) -> [Int] {
    permutation[rank(tolerance: tolerance)...].sorted()
  }

  /// The original indices of the columns kept as a basis, in ascending order.
  ///
  /// ```
  /// independent = sorted(permutation[0 ..< rank])
  /// ```
  ///
  /// - Parameter tolerance: as in ``rank(tolerance:)``.
  /// - Returns: 0-based column indices.
  /// - Complexity: O(n log n).
  public func independentColumns(tolerance: Double = PivotedQR.defaultTolerance) -> [Int] {
    permutation[..<rank(tolerance: tolerance)].sorted()
  }
}
