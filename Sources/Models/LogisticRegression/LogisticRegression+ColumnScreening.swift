import LinearAlgebra

// Checks on the design made before fitting (constant and collinear columns)
// and the collinearity measures reported with the fit (VIF, condition number).

extension LogisticRegression {
  /// The outcome of ``screenColumns(_:names:fitIntercept:)``.
  struct ColumnScreen: Sendable {
    /// Input column indices kept, ascending.
    var kept: [Int]
    /// Input column indices dropped, ascending.
    var dropped: [Int]
    /// One `.droppedConstant` or `.droppedCollinear` per dropped column.
    var diagnostics: [Diagnostic]
  }

  /// Finds constant and collinear columns before fitting, so they can be
  /// named and dropped instead of making `XᵀWX` singular.
  ///
  /// ```
  /// constant:  with an intercept, all values equal; without, all zero
  /// collinear: Z = centred columns (raw without an intercept);
  ///            rank(Z) by pivoted QR (dgeqp3, unit-length columns, tol 1e-7);
  ///            if rank-deficient, keep columns in input order, dropping each
  ///            one that does not raise the rank of those kept (R's lm habit:
  ///            the later member of a dependent set goes)
  /// dependsOn: least squares (dgelsd) of the dropped column on the kept ones;
  ///            name each kept column k with |cₖ|·‖zₖ‖ > 1e-6·‖zⱼ‖, and the
  ///            intercept when the dependence needs a constant
  /// ```
  ///
  /// Centring makes a column that is a multiple of the intercept (constant)
  /// or a combination of other columns plus a constant (dummy trap) show up
  /// as dependent. Reference: Golub & Van Loan, *Matrix Computations*, §5.4.2.
  ///
  /// - Parameters:
  ///   - design: `n × p`, validated finite.
  ///   - names: `p` column names.
  ///   - fitIntercept: whether an intercept will be fitted.
  /// - Returns: kept and dropped indices and one diagnostic per dropped column.
  /// - Throws: `ModelError.linearAlgebra` if a LAPACK routine fails.
  /// - Complexity: O(n·p²) when the columns are independent; O(n·p³) when
  ///   some are dependent (one QR per column).
  static func screenColumns(
    _ design: Matrix, names: [String], fitIntercept: Bool
  ) throws(ModelError) -> ColumnScreen {
    let n = design.rows
    var diagnostics: [Diagnostic] = []
    var dropped: [Int] = []
    var candidates: [Int] = []
    var prepared: [Int: [Double]] = [:]
    var means: [Int: Double] = [:]
    for j in 0..<design.columns {
      let column = design.column(j)
      let isConstant =
        fitIntercept ? column.allSatisfy { $0 == column.first } : column.allSatisfy { $0 == 0 }
      if isConstant {
        dropped.append(j)
        diagnostics.append(.droppedConstant(column: names[j]))
        continue
      }
      let mean = fitIntercept ? column.reduce(0, +) / Double(n) : 0
      means[j] = mean
      prepared[j] = column.map { $0 - mean }
      candidates.append(j)
    }
    guard !candidates.isEmpty else {
      return ColumnScreen(kept: [], dropped: dropped, diagnostics: diagnostics)
    }
    func matrix(_ indices: [Int]) -> Matrix { Matrix(columns: indices.map { prepared[$0]! }) }
    func rank(_ indices: [Int]) throws(ModelError) -> Int {
      do { return try matrix(indices).pivotedQR().rank() } catch { throw .linearAlgebra(error) }
    }

    var kept = candidates
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
          var constant = means[j]!
          for (c, k) in zip(solution, kept) { constant -= c * means[k]! }
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
    return ColumnScreen(kept: kept, dropped: dropped, diagnostics: diagnostics)
  }

  /// Variance inflation factors of the predictors, the diagonal of the
  /// inverse of their correlation matrix.
  ///
  /// ```
  /// VIFⱼ = 1 / (1 − R²ⱼ) = [R⁻¹]ⱼⱼ,   R = correlation matrix of the columns
  /// R = ZᵀZ,  Z = centred columns scaled to unit length   (BLAS dsyrk)
  /// R⁻¹ by Cholesky (dpotrf + dpotri)
  /// ```
  ///
  /// `R²ⱼ` is the centred R² of regressing column `j` on the others and a
  /// constant. This equals statsmodels 0.15's
  /// `variance_inflation_factor(exog, j)` on a design **with** a constant
  /// (its default `standardize=True` centres and scales the non-constant
  /// columns); for that constant column statsmodels then gives exactly `1`,
  /// which the result reports for the intercept. The VIFs use the rows
  /// unweighted, as statsmodels does. Reference: Belsley, Kuh & Welsch,
  /// *Regression Diagnostics* (1980), §3.
  ///
  /// - Parameter columns: the predictor columns (no intercept), none constant.
  /// - Returns: one VIF per column; `+∞` for all when `R` is not numerically
  ///   positive definite; `[1]` for a single column.
  /// - Complexity: O(n·p² + p³).
  static func varianceInflationFactors(_ columns: [[Double]]) -> [Double] {
    guard columns.count > 1 else { return columns.map { _ in 1 } }
    let standardized: [[Double]] = columns.map { column in
      let mean = column.reduce(0, +) / Double(column.count)
      let centred = column.map { $0 - mean }
      let length = norm(centred)
      return centred.map { $0 / length }
    }
    let correlation = Matrix(columns: standardized).gram()
    guard let inverse = try? correlation.cholesky().inverse() else {
      return columns.map { _ in .infinity }
    }
    return columns.indices.map { inverse[$0, $0] }
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
    var scaled = hessian
    let d = (0..<p).map { hessian[$0, $0] }
    guard d.allSatisfy({ $0 > 0 }) else { return .infinity }
    for c in 0..<p {
      for r in 0..<p { scaled[r, c] = hessian[r, c] / (d[r] * d[c]).squareRoot() }
    }
    guard let eigenvalues = try? scaled.symmetricEigenvalues(),
      let smallest = eigenvalues.first, let largest = eigenvalues.last, smallest > 0
    else { return .infinity }
    return largest / smallest
  }

  /// The sample standard deviation (divisor `n − 1`).
  ///
  /// ```
  /// sd = √(Σ (xᵢ − x̄)² / (n − 1))
  /// ```
  static func sampleStandardDeviation(_ values: [Double]) -> Double {
    guard values.count > 1 else { return 0 }
    let mean = values.reduce(0, +) / Double(values.count)
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (squares / Double(values.count - 1)).squareRoot()
  }
}

/// The Euclidean norm.
private func norm(_ values: [Double]) -> Double {
  values.reduce(0) { $0 + $1 * $1 }.squareRoot()
}
