internal import CLapack

// BLAS level-2 and level-3 products (OpenBLAS through CBLAS), always
// column-major. Every `into:` variant writes into caller-owned storage and
// allocates nothing when that storage is uniquely referenced, so iteration
// loops can reuse a workspace.

extension Matrix {
  /// The leading dimension BLAS/LAPACK expect for this matrix.
  @usableFromInline var leadingDimension: Int32 { Int32(Swift.max(1, rows)) }

  static func cblasTranspose(_ transposed: Bool) -> CBLAS_TRANSPOSE {
    transposed ? CblasTrans : CblasNoTrans
  }

  // MARK: - Matrix × matrix (dgemm)

  /// Returns the product of two matrices, either of which may be transposed.
  ///
  /// ```
  /// C = alpha · op(A) · op(B),   op(X) = X or Xᵀ
  /// ```
  ///
  /// - Parameters:
  ///   - a: the left factor `A`.
  ///   - b: the right factor `B`; `op(B).rows` must equal `op(A).columns`.
  ///   - ta: whether to use `Aᵀ` instead of `A` (default `false`).
  ///   - tb: whether to use `Bᵀ` instead of `B` (default `false`).
  ///   - alpha: a scale factor (default `1`).
  /// - Returns: the `op(A).rows × op(B).columns` product.
  /// - Complexity: O(m·n·k) for an `m × k` times `k × n` product (BLAS `dgemm`).
  public static func product(
    _ a: Matrix, _ b: Matrix, transposeA ta: Bool = false, transposeB tb: Bool = false,
    alpha: Double = 1
  ) -> Matrix {
    var c = Matrix.zeros(rows: ta ? a.columns : a.rows, columns: tb ? b.rows : b.columns)
    gemm(a, b, transposeA: ta, transposeB: tb, alpha: alpha, beta: 0, into: &c)
    return c
  }

  /// Computes a general matrix product into preallocated storage (BLAS `dgemm`).
  ///
  /// ```
  /// C ← alpha · op(A) · op(B) + beta · C,   op(X) = X or Xᵀ
  /// ```
  ///
  /// With `beta == 0` the previous contents of `c` are ignored (even NaN).
  ///
  /// - Parameters:
  ///   - a: the left factor `A`.
  ///   - b: the right factor `B`; `op(B).rows` must equal `op(A).columns`.
  ///   - ta: whether to use `Aᵀ` (default `false`).
  ///   - tb: whether to use `Bᵀ` (default `false`).
  ///   - alpha: the scale of the product (default `1`).
  ///   - beta: the scale of the previous `C` (default `0`).
  ///   - c: the result, already shaped `op(A).rows × op(B).columns`.
  /// - Complexity: O(m·n·k); allocates nothing if `c` is uniquely referenced.
  public static func gemm(
    _ a: Matrix, _ b: Matrix, transposeA ta: Bool = false, transposeB tb: Bool = false,
    alpha: Double = 1, beta: Double = 0, into c: inout Matrix
  ) {
    let m = ta ? a.columns : a.rows
    let k = ta ? a.rows : a.columns
    let kB = tb ? b.columns : b.rows
    let n = tb ? b.rows : b.columns
    precondition(k == kB, "gemm: op(A) is \(m)×\(k) but op(B) is \(kB)×\(n)")
    precondition(
      c.rows == m && c.columns == n,
      "gemm: result is \(c.rows)×\(c.columns), expected \(m)×\(n)")
    if k == 0 {
      // BLAS may return early for an empty inner dimension; define C ← beta·C.
      c.scale(by: beta)
      return
    }
    let ldc = c.leadingDimension
    a.storage.withUnsafeBufferPointer { ap in
      b.storage.withUnsafeBufferPointer { bp in
        c.storage.withUnsafeMutableBufferPointer { cp in
          cblas_dgemm(
            CblasColMajor, cblasTranspose(ta), cblasTranspose(tb),
            Int32(m), Int32(n), Int32(k),
            alpha, ap.baseAddress, a.leadingDimension,
            bp.baseAddress, b.leadingDimension,
            beta, cp.baseAddress, ldc)
        }
      }
    }
  }

  // MARK: - Gram matrices (dsyrk)

  /// Returns the Gram matrix `XᵀX` of this matrix, with both triangles filled.
  ///
  /// ```
  /// G = XᵀX,   G[i, j] = Σ_r X[r, i] · X[r, j]
  /// ```
  ///
  /// - Returns: the symmetric `columns × columns` matrix `XᵀX`.
  /// - Complexity: O(rows · columns²) (BLAS `dsyrk`, half the work of `dgemm`).
  public func gram() -> Matrix {
    var result = Matrix.zeros(rows: columns, columns: columns)
    gram(into: &result)
    return result
  }

  /// Computes the Gram matrix `XᵀX` into preallocated storage, with both
  /// triangles filled (BLAS `dsyrk` on the upper triangle, then mirrored).
  ///
  /// ```
  /// G ← XᵀX
  /// ```
  ///
  /// - Parameter result: a `columns × columns` matrix; its contents are overwritten.
  /// - Complexity: O(rows · columns²); allocates nothing if `result` is
  ///   uniquely referenced.
  public func gram(into result: inout Matrix) {
    precondition(
      result.rows == columns && result.columns == columns,
      "gram: result is \(result.rows)×\(result.columns), expected \(columns)×\(columns)")
    if rows == 0 {
      result.scale(by: 0)
      return
    }
    let n = result.leadingDimension
    storage.withUnsafeBufferPointer { xp in
      result.storage.withUnsafeMutableBufferPointer { gp in
        cblas_dsyrk(
          CblasColMajor, CblasUpper, CblasTrans, Int32(columns), Int32(rows),
          1, xp.baseAddress, leadingDimension, 0, gp.baseAddress, n)
      }
    }
    result.mirrorUpperTriangle()
  }

  /// Returns the weighted Gram matrix `XᵀWX` for a diagonal `W = diag(weights)`.
  ///
  /// ```
  /// G = XᵀWX = (√W·X)ᵀ(√W·X),   G[i, j] = Σ_r w_r · X[r, i] · X[r, j]
  /// ```
  ///
  /// - Parameter weights: one weight per row; every weight must be `≥ 0`
  ///   (the square root is taken), otherwise this traps.
  /// - Returns: the symmetric `columns × columns` matrix `XᵀWX`.
  /// - Complexity: O(rows · columns²); allocates a `rows × columns` workspace.
  public func weightedGram(weights: [Double]) -> Matrix {
    var scaled = Matrix.zeros(rows: rows, columns: columns)
    var result = Matrix.zeros(rows: columns, columns: columns)
    weightedGram(weights: weights, scaled: &scaled, into: &result)
    return result
  }

  /// Computes the weighted Gram matrix `XᵀWX` into preallocated storage by
  /// scaling the rows of `X` by `√w` into `scaled` and calling BLAS `dsyrk`.
  ///
  /// ```
  /// scaled ← √W · X            (scaled[r, c] = √w_r · X[r, c])
  /// G      ← scaledᵀ · scaled = XᵀWX
  /// ```
  ///
  /// `scaled` is left holding `√W·X`, which IRLS-style loops can reuse.
  ///
  /// - Parameters:
  ///   - weights: one weight per row; every weight must be `≥ 0`
  ///     (the square root is taken), otherwise this traps.
  ///   - scaled: a `rows × columns` workspace; overwritten with `√W·X`.
  ///   - result: a `columns × columns` matrix; overwritten with `XᵀWX`.
  /// - Complexity: O(rows · columns²); allocates nothing if `scaled` and
  ///   `result` are uniquely referenced.
  public func weightedGram(weights: [Double], scaled: inout Matrix, into result: inout Matrix) {
    precondition(
      weights.count == rows, "weightedGram: \(weights.count) weights for \(rows) rows")
    precondition(
      scaled.rows == rows && scaled.columns == columns,
      "weightedGram: workspace is \(scaled.rows)×\(scaled.columns), expected \(rows)×\(columns)")
    if columns > 0 {
      let m = rows
      storage.withUnsafeBufferPointer { x in
        scaled.storage.withUnsafeMutableBufferPointer { s in
          // Column 0 of the workspace first holds √w, and is scaled last.
          for r in 0..<m {
            precondition(weights[r] >= 0, "weightedGram: weight \(r) is \(weights[r]), must be ≥ 0")
            s[r] = weights[r].squareRoot()
          }
          for c in stride(from: columns - 1, through: 0, by: -1) {
            let offset = c * m
            for r in 0..<m { s[offset + r] = s[r] * x[offset + r] }
          }
        }
      }
    }
    scaled.gram(into: &result)
  }

  /// Copies the upper triangle onto the lower one, making the matrix symmetric.
  ///
  /// ```
  /// A[j, i] ← A[i, j]   for i < j
  /// ```
  ///
  /// - Complexity: O(n²) for an `n × n` matrix.
  mutating func mirrorUpperTriangle() {
    precondition(rows == columns, "mirrorUpperTriangle needs a square matrix")
    let n = rows
    storage.withUnsafeMutableBufferPointer { a in
      for c in 0..<n {
        for r in (c + 1)..<n { a[c * n + r] = a[r * n + c] }
      }
    }
  }

  /// Multiplies every element by `factor`; `factor == 0` sets exact zeros
  /// (so NaN is cleared), matching the BLAS convention for `beta == 0`.
  mutating func scale(by factor: Double) {
    storage.withUnsafeMutableBufferPointer { a in
      for i in a.indices { a[i] = factor == 0 ? 0 : factor * a[i] }
    }
  }

  // MARK: - Matrix × vector (dgemv)

  /// Returns the product of this matrix and a vector.
  ///
  /// ```
  /// y = X · v
  /// ```
  ///
  /// - Parameter vector: `columns` elements.
  /// - Returns: `rows` elements.
  /// - Complexity: O(rows · columns) (BLAS `dgemv`).
  public func times(vector: [Double]) -> [Double] {
    var y = [Double](repeating: 0, count: rows)
    times(vector: vector, into: &y)
    return y
  }

  /// Returns the product of this matrix's transpose and a vector.
  ///
  /// ```
  /// y = Xᵀ · v
  /// ```
  ///
  /// - Parameter vector: `rows` elements.
  /// - Returns: `columns` elements.
  /// - Complexity: O(rows · columns) (BLAS `dgemv`).
  public func transposeTimes(vector: [Double]) -> [Double] {
    var y = [Double](repeating: 0, count: columns)
    transposeTimes(vector: vector, into: &y)
    return y
  }

  /// Computes a matrix–vector product into preallocated storage (BLAS `dgemv`).
  ///
  /// ```
  /// y ← alpha · X · v + beta · y
  /// ```
  ///
  /// - Parameters:
  ///   - vector: `columns` elements.
  ///   - alpha: the scale of the product (default `1`).
  ///   - beta: the scale of the previous `y` (default `0`, which ignores it).
  ///   - y: `rows` elements; overwritten.
  /// - Complexity: O(rows · columns); allocates nothing if `y` is uniquely referenced.
  public func times(
    vector: [Double], alpha: Double = 1, beta: Double = 0, into y: inout [Double]
  ) {
    precondition(vector.count == columns, "times: vector has \(vector.count) elements, expected \(columns)")
    precondition(y.count == rows, "times: result has \(y.count) elements, expected \(rows)")
    gemv(transposed: false, vector, alpha: alpha, beta: beta, into: &y)
  }

  /// Computes a transposed matrix–vector product into preallocated storage
  /// (BLAS `dgemv`).
  ///
  /// ```
  /// y ← alpha · Xᵀ · v + beta · y
  /// ```
  ///
  /// - Parameters:
  ///   - vector: `rows` elements.
  ///   - alpha: the scale of the product (default `1`).
  ///   - beta: the scale of the previous `y` (default `0`, which ignores it).
  ///   - y: `columns` elements; overwritten.
  /// - Complexity: O(rows · columns); allocates nothing if `y` is uniquely referenced.
  public func transposeTimes(
    vector: [Double], alpha: Double = 1, beta: Double = 0, into y: inout [Double]
  ) {
    precondition(vector.count == rows, "transposeTimes: vector has \(vector.count) elements, expected \(rows)")
    precondition(y.count == columns, "transposeTimes: result has \(y.count) elements, expected \(columns)")
    gemv(transposed: true, vector, alpha: alpha, beta: beta, into: &y)
  }

  private func gemv(
    transposed: Bool, _ x: [Double], alpha: Double, beta: Double, into y: inout [Double]
  ) {
    if rows == 0 || columns == 0 {
      // BLAS returns early on an empty matrix; define y ← beta·y.
      for i in y.indices { y[i] = beta == 0 ? 0 : beta * y[i] }
      return
    }
    storage.withUnsafeBufferPointer { ap in
      x.withUnsafeBufferPointer { xp in
        y.withUnsafeMutableBufferPointer { yp in
          cblas_dgemv(
            CblasColMajor, Matrix.cblasTranspose(transposed), Int32(rows), Int32(columns),
            alpha, ap.baseAddress, leadingDimension, xp.baseAddress, 1,
            beta, yp.baseAddress, 1)
        }
      }
    }
  }
}
