import LinearAlgebra

// Checks on the design made before fitting (non-finite, constant and
// collinear columns) and the measures reported with the fit (standard
// deviations, VIF, condition number).

extension LogisticRegression {
  /// What one pass over an input column finds.
  struct ColumnSummary: Sendable {
    /// `Σ xᵢ / n`.
    var mean: Double
    /// `Σ xᵢ·yᵢ` with the outcome (meaningful once the outcome is validated).
    var outcomeProduct: Double
    /// With an intercept, all values equal; without, all zero.
    var isConstant: Bool
  }

  /// Checks that every value is finite and summarises each column, in one
  /// pass over the design, the columns on all cores.
  ///
  /// - Parameter outcome: `n` values (not yet validated).
  /// - Throws: `ModelError.invalidValue` for the first non-finite value,
  ///   column by column.
  /// - Complexity: O(n·p).
  static func summarizeColumns(
    _ design: Matrix, names: [String], fitIntercept: Bool, outcome: [Double]
  ) throws(ModelError) -> [ColumnSummary] {
    let n = design.rows
    let results = ConcurrentSlots<Result<ColumnSummary, ModelError>?>(repeating: nil, count: design.columns)
    concurrentlyForEach(design.columns) { c in
      results[c] = design.withUnsafeBufferPointer { x in
        let column = UnsafeBufferPointer(rebasing: x[(c * n)..<((c + 1) * n)])
        var sum = 0.0
        var product = 0.0
        var allEqual = true
        var allZero = true
        for (r, value) in column.enumerated() {
          guard value.isFinite else { return .failure(.invalidValue(column: names[c], row: r, value: value)) }
          sum += value
          product += value * outcome[r]
          allEqual = allEqual && value == column[0]
          allZero = allZero && value == 0
        }
        return .success(
          ColumnSummary(
            mean: sum / Double(n), outcomeProduct: product, isConstant: fitIntercept ? allEqual : allZero))
      }
    }
    return try (0..<design.columns).map { (c) throws(ModelError) in try results[c]!.get() }
  }

  /// The outcome of ``screenColumns(_:names:fitIntercept:summaries:)``.
  struct ColumnScreen: Sendable {
    /// Input column indices kept, ascending.
    var kept: [Int]
    /// Input column indices dropped, ascending.
    var dropped: [Int]
    /// One `.droppedConstant` or `.droppedCollinear` per dropped column.
    var diagnostics: [Diagnostic]
    /// The sample standard deviation (divisor `n − 1`) of each kept column.
    var standardDeviations: [Double]
    /// The variance inflation factor of each kept column.
    var varianceInflationFactors: [Double]
    /// The centred scatter matrix `ZᵀZ` of the kept columns.
    var scatter: Matrix
  }

  /// Finds constant and collinear columns before fitting, so they can be
  /// named and dropped instead of making `XᵀWX` singular, and measures the
  /// spread and collinearity of the columns kept.
  ///
  /// ```
  /// constant:  with an intercept, all values equal; without, all zero
  /// S = ZᵀZ,  Z = centred non-constant columns        (blocked BLAS dsyrk, no copy of X)
  /// R = D^{-½} S D^{-½},  D = diag(S)                 (correlation matrix)
  /// collinear: with an intercept and λ_min(R) > 1e-10, none (see below);
  ///            otherwise rank(Z) by pivoted QR (dgeqp3, unit-length columns,
  ///            tol 1e-7; raw columns without an intercept); if
  ///            rank-deficient, keep columns in input order, dropping each
  ///            one that does not raise the rank of those kept (R's lm habit:
  ///            the later member of a dependent set goes)
  /// dependsOn: least squares (dgelsd) of the dropped column on the kept ones;
  ///            name each kept column k with |cₖ|·‖zₖ‖ > 1e-6·‖zⱼ‖, and the
  ///            intercept when the dependence needs a constant
  /// sdⱼ = √(Sⱼⱼ / (n − 1)),   VIFⱼ = [R_kept⁻¹]ⱼⱼ
  /// ```
  ///
  /// The shortcut is exact, not a second opinion: pivoted QR of the
  /// unit-length `Z` has `|Rₖₖ| ≥ σ_min(Z) = √λ_min(R)` for every `k` (the
  /// diagonal of a triangular factor bounds its smallest singular value), so
  /// `λ_min(R) > 1e-10` means every pivot clears the QR tolerance `1e-7` with
  /// a hundredfold margin for the rounding of `R`; the QR runs only for
  /// designs near a dependence.
  ///
  /// Centring makes a column that is a multiple of the intercept (constant)
  /// or a combination of other columns plus a constant (dummy trap) show up
  /// as dependent. VIFs: `1 / (1 − R²ⱼ)`, the centred R² of regressing
  /// column `j` on the other kept columns and a constant, which equals
  /// statsmodels 0.15's `variance_inflation_factor(exog, j)` on a design
  /// **with** a constant (the result reports `1` for the intercept, as
  /// statsmodels does for that column); rows unweighted, as statsmodels;
  /// all `+∞` when `R_kept` is not numerically positive definite, `[1]` for
  /// one column. References: Golub & Van Loan, *Matrix Computations*,
  /// §5.4.2; Belsley, Kuh & Welsch, *Regression Diagnostics* (1980), §3.
  ///
  /// - Parameters:
  ///   - design: `n × p`, validated finite.
  ///   - names: `p` column names.
  ///   - fitIntercept: whether an intercept will be fitted.
  ///   - summaries: ``summarizeColumns(_:names:fitIntercept:)`` of `design`.
  /// - Returns: kept and dropped indices, one diagnostic per dropped column,
  ///   and the standard deviations and VIFs of the kept columns.
  /// - Throws: `ModelError.linearAlgebra` if a LAPACK routine fails.
  /// - Complexity: O(n·p²); O(n·p³) when some columns are nearly dependent
  ///   (one QR per column).
  static func screenColumns(
    _ design: Matrix, names: [String], fitIntercept: Bool, summaries: [ColumnSummary]
  ) throws(ModelError) -> ColumnScreen {
    let n = design.rows
    var diagnostics: [Diagnostic] = []
    var dropped: [Int] = []
    var candidates: [Int] = []
    for (j, summary) in summaries.enumerated() {
      if summary.isConstant {
        dropped.append(j)
        diagnostics.append(.droppedConstant(column: names[j]))
      } else {
        candidates.append(j)
      }
    }
    guard !candidates.isEmpty else {
      return ColumnScreen(
        kept: [], dropped: dropped, diagnostics: diagnostics, standardDeviations: [],
        varianceInflationFactors: [], scatter: Matrix.zeros(rows: 0, columns: 0))
    }
    let scatter = centredScatter(design, columns: candidates, means: candidates.map { summaries[$0].mean })
    let correlation = scaledToUnitDiagonal(scatter)

    var kept = candidates
    let clearlyIndependent =
      fitIntercept && (try? correlation.symmetricEigenvalues().first.map { $0 > 1e-10 }) == true
    if !clearlyIndependent {
      let prepared = Dictionary(
        uniqueKeysWithValues: candidates.map { j in
          let mean = fitIntercept ? summaries[j].mean : 0
          return (j, design.column(j).map { $0 - mean })
        })
      func matrix(_ indices: [Int]) -> Matrix { Matrix(columns: indices.map { prepared[$0]! }) }
      func rank(_ indices: [Int]) throws(ModelError) -> Int {
        do { return try matrix(indices).pivotedQR().rank() } catch { throw .linearAlgebra(error) }
      }
      if try rank(candidates) < candidates.count {
        kept = []
        var collinear: [Int] = []
        for j in candidates {
          if try rank(kept + [j]) == kept.count + 1 { kept.append(j) } else { collinear.append(j) }
        }
        for j in collinear {
          let target = prepared[j]!
          let solution: [Double]
          do {
            solution = try Matrix.leastSquares(matrix(kept), target).solution
          } catch { throw .linearAlgebra(error) }
          let targetNorm = norm(target)
          var dependsOn: [String] = []
          if fitIntercept {
            // The dependence needs a constant when the means do not cancel.
            var constant = summaries[j].mean
            for (c, k) in zip(solution, kept) { constant -= c * summaries[k].mean }
            if abs(constant) * Double(n).squareRoot() > 1e-6 * (targetNorm + norm(design.column(j))) {
              dependsOn.append("intercept")
            }
          }
          for (c, k) in zip(solution, kept) where abs(c) * norm(prepared[k]!) > 1e-6 * targetNorm {
            dependsOn.append(names[k])
          }
          diagnostics.append(.droppedCollinear(column: names[j], dependsOn: dependsOn))
        }
        dropped = (dropped + collinear).sorted()
      }
    }
    let positions = kept.map { candidates.firstIndex(of: $0)! }
    return ColumnScreen(
      kept: kept, dropped: dropped, diagnostics: diagnostics,
      standardDeviations: positions.map { a in
        n > 1 ? (scatter[a, a] / Double(n - 1)).squareRoot() : 0
      },
      varianceInflationFactors: varianceInflationFactors(correlation, positions),
      scatter: Matrix(
        rows: positions.count, columns: positions.count,
        columnMajor: positions.flatMap { b in positions.map { a in scatter[a, b] } }))
  }

  /// The scatter matrix of the centred columns, `ZᵀZ` with
  /// `zᵢⱼ = xᵢⱼ − x̄ⱼ`, from blocks of rows (no copy of the design), the
  /// chunks of rows on all cores (``RowChunks``).
  ///
  /// - Complexity: O(n·c²) for `c` columns (BLAS `dsyrk` per block).
  static func centredScatter(_ design: Matrix, columns: [Int], means: [Double]) -> Matrix {
    let n = design.rows
    let chunks = RowChunks(rows: n)
    let blockRows = RowChunks.blockRows
    let grams = ConcurrentSlots(chunks.ranges.map { _ in GramAccumulator(columns: columns.count, blockRows: blockRows) })
    chunks.forEach { c in
      grams.update(c) { gram in
        design.withUnsafeBufferPointer { x in
          for start in stride(from: chunks.ranges[c].lowerBound, to: chunks.ranges[c].upperBound, by: blockRows) {
            let m = min(blockRows, chunks.ranges[c].upperBound - start)
            gram.addBlock(rows: m) { block in
              for (a, j) in columns.enumerated() {
                let column = x.baseAddress! + j * n + start
                let mean = means[a]
                for i in 0..<m { block[a * blockRows + i] = column[i] - mean }
              }
            }
          }
        }
      }
    }
    var total = GramAccumulator(columns: columns.count, blockRows: 1)
    for c in 0..<grams.count { grams.update(c) { total.add($0) } }
    return total.gram
  }

  /// A symmetric matrix scaled to unit diagonal, `D^{-½} S D^{-½}` with
  /// `D = diag(S)`: the correlation matrix of a scatter matrix (NaN where a
  /// diagonal element is 0).
  static func scaledToUnitDiagonal(_ s: Matrix) -> Matrix {
    var scaled = s
    for b in 0..<s.columns {
      for a in 0..<s.rows { scaled[a, b] = s[a, b] / (s[a, a] * s[b, b]).squareRoot() }
    }
    return scaled
  }

  /// The variance inflation factors of the columns at `positions` of a
  /// correlation matrix, the diagonal of the inverse of their correlation
  /// matrix.
  ///
  /// ```
  /// VIFⱼ = 1 / (1 − R²ⱼ) = [R⁻¹]ⱼⱼ       R⁻¹ by Cholesky (dpotrf + dpotri)
  /// ```
  ///
  /// - Returns: one VIF per position; `+∞` for all when that matrix is not
  ///   numerically positive definite (NaN included); `[1]` for one column.
  /// - Complexity: O(c³).
  static func varianceInflationFactors(_ correlation: Matrix, _ positions: [Int]) -> [Double] {
    guard positions.count > 1 else { return positions.map { _ in 1 } }
    var kept = Matrix.zeros(rows: positions.count, columns: positions.count)
    for (b, q) in positions.enumerated() {
      for (a, p) in positions.enumerated() { kept[a, b] = correlation[p, q] }
    }
    guard let inverse = try? kept.cholesky().inverse() else {
      return positions.map { _ in .infinity }
    }
    return positions.indices.map { inverse[$0, $0] }
  }

  /// The 2-norm condition number of a symmetric positive semi-definite
  /// matrix after scaling it to unit diagonal, so units do not matter.
  ///
  /// ```
  /// C = D^{-½} H D^{-½},  D = diag(H),   κ = λ_max(C) / λ_min(C)   (dsyevd)
  /// ```
  ///
  /// - Parameter hessian: `p × p`, symmetric.
  /// - Returns: `κ ≥ 1`, or `+∞` when `λ_min ≤ 0` or the eigen-solver fails.
  /// - Complexity: O(p³).
  static func scaledConditionNumber(_ hessian: Matrix) -> Double {
    let p = hessian.rows
    guard p > 1 else { return 1 }
    guard (0..<p).allSatisfy({ hessian[$0, $0] > 0 }) else { return .infinity }
    guard let eigenvalues = try? scaledToUnitDiagonal(hessian).symmetricEigenvalues(),
      let smallest = eigenvalues.first, let largest = eigenvalues.last, smallest > 0
    else { return .infinity }
    return largest / smallest
  }
}

/// The Euclidean norm.
private func norm(_ values: [Double]) -> Double {
  values.reduce(0) { $0 + $1 * $1 }.squareRoot()
}
