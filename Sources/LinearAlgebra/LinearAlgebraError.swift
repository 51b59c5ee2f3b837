/// A failure reported by a BLAS/LAPACK routine through its `info` value.
///
/// Every wrapper in `LinearAlgebra` maps the routine's `info` like this:
///
/// ```
/// info == 0                 → success
/// info == -1010 or -1011    → .workspaceAllocationFailed   (LAPACKE could not allocate)
/// info  < 0                 → .illegalArgument(position: -info)
/// info  > 0                 → routine-specific: .notPositiveDefinite, .singular,
///                             .didNotConverge
/// ```
///
/// Dimension mismatches between matrices are programmer errors and trap with
/// a `precondition`; they are never thrown.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The routine rejected argument number `position` (LAPACK `info < 0`).
  ///
  /// The wrappers always pass valid sizes, so in practice this means that
  /// LAPACKE's input check found a NaN in a matrix argument; LAPACKE then
  /// reports the position of that argument in the `LAPACKE_*` signature
  /// (counting the leading layout argument).
  case illegalArgument(routine: String, position: Int)
  /// The leading minor of order `minor` is not positive definite, so the
  /// Cholesky factorisation could not be completed (`potrf` `info > 0`).
  case notPositiveDefinite(routine: String, minor: Int)
  /// The diagonal element `index` (1-based, as LAPACK reports it) of a
  /// triangular factor is exactly zero, so the matrix is singular
  /// (`potri` `info > 0`).
  case singular(routine: String, index: Int)
  /// An iterative algorithm inside the routine did not converge
  /// (`syevd`, `gelsd` `info > 0`); `info` is LAPACK's count or index.
  case didNotConverge(routine: String, info: Int)
  /// LAPACKE could not allocate its workspace (`info` -1010 or -1011).
  case workspaceAllocationFailed(routine: String)

  public var description: String {
    switch self {
    case let .illegalArgument(routine, position):
      return "The linear-algebra routine \(routine) rejected argument \(position), "
        + "which usually means the input matrix contains NaN values."
    case let .notPositiveDefinite(routine, minor):
      return "The matrix is not positive definite (\(routine) failed at leading minor "
        + "\(minor)), which usually means some columns are collinear or constant."
    case let .singular(routine, index):
      return "The matrix is singular (\(routine) found a zero pivot at position \(index)), "
        + "so it has no inverse."
    case let .didNotConverge(routine, info):
      return "The linear-algebra routine \(routine) did not converge (info \(info)); "
        + "the input may contain extreme or infinite values."
    case let .workspaceAllocationFailed(routine):
      return "The linear-algebra routine \(routine) ran out of memory for its workspace."
    }
  }
}

extension LinearAlgebraError {
  /// Maps a negative LAPACK `info` (or a LAPACKE memory error) to an error.
  ///
  /// ```
  /// -1010, -1011 → .workspaceAllocationFailed
  /// other < 0    → .illegalArgument(position: -info)
  /// ```
  ///
  /// - Parameters:
  ///   - info: the value returned by a `LAPACKE_*` function; must be `< 0`.
  ///   - routine: the LAPACK routine name, such as `"dpotrf"`.
  /// - Returns: `.workspaceAllocationFailed` or `.illegalArgument`.
  static func negativeInfo(_ info: Int32, routine: String) -> LinearAlgebraError {
    precondition(info < 0, "negativeInfo(_:routine:) called with info \(info)")
    // LAPACKE's LAPACK_WORK_MEMORY_ERROR and LAPACK_TRANSPOSE_MEMORY_ERROR.
    if info == -1010 || info == -1011 {
      return .workspaceAllocationFailed(routine: routine)
    }
    return .illegalArgument(routine: routine, position: Int(-info))
  }
}
