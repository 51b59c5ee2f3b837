internal import CLapack

/// OpenBLAS's own threads, for code that runs BLAS on threads of its own.
///
/// Two threads that each call `dsyrk` on a block of rows while OpenBLAS also
/// splits every call over all cores oversubscribe the machine: the fit of the
/// logit benchmark took 40% longer with OpenBLAS's threads than without.
///
/// ```swift
/// BLASThreads.serial { DispatchQueue.concurrentPerform(iterations: 8) { chunk in … } }
/// ```
public enum BLASThreads {
  /// Runs `body` with OpenBLAS on one thread per call, then restores its thread count.
  public static func serial<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    let threads = openblas_get_num_threads()
    guard threads > 1 else { return try body() }
    openblas_set_num_threads(1)
    defer { openblas_set_num_threads(threads) }
    return try body()
  }
}
