import LinearAlgebra

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One Newton step of a logistic-regression fit (statsmodels' `fit_history`).
public struct IterationRecord: Sendable, Hashable, Codable {
  /// The objective after the step, in deviance units: `−2ℓ` for maximum
  /// likelihood, `−2ℓ + λ‖β‖²` for L2, `−2ℓ − log det(XᵀWX)` for Firth.
  public let deviance: Double
  /// How often the step was halved before the objective stopped rising.
  public let stepHalvings: Int
  /// The largest absolute element of the (penalised) score `∂ℓ/∂β` at the
  /// start of the step.
  public let gradientNorm: Double

  public init(deviance: Double, stepHalvings: Int, gradientNorm: Double) {
    self.deviance = deviance
    self.stepHalvings = stepHalvings
    self.gradientNorm = gradientNorm
  }
}

/// A two-sided interval `[lower, upper]`.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
  public let lower: Double
  public let upper: Double

  public init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
  }
}

/// A fitted logistic regression: estimates, Wald inference, fit statistics,
/// and the diagnostics of the fit (statsmodels' `LogitResults`).
///
/// Every per-term array is aligned with ``terms``: `"intercept"` first (when
/// fitted), then the kept design columns in input order. Columns dropped as
/// constant or collinear are listed in ``droppedColumns`` and explained in
/// ``diagnostics``; they have no entry in the per-term arrays.
///
/// Wald inference, with `V = (XᵀWX)⁻¹` at the estimate (`(XᵀWX + λI)⁻¹` for
/// L2, the inverse Fisher information at the penalised estimate for Firth,
/// as R's `logistf`):
///
/// ```
/// SEⱼ = √Vⱼⱼ,   zⱼ = βⱼ / SEⱼ,   pⱼ = 2·Φ(−|zⱼ|) = erfc(|zⱼ| / √2)
/// CIⱼ = βⱼ ∓ Φ⁻¹((1 + level)/2)·SEⱼ,   ORⱼ = e^{βⱼ},  OR CIⱼ = e^{CIⱼ}
/// ```
///
/// When the Hessian cannot be inverted (separation), standard errors are
/// `+∞`, `z = 0`, `p = 1` and intervals are unbounded; JSON encoding then
/// needs a non-conforming float strategy.
public struct LogisticRegressionResult: Sendable, Codable {
  /// The coefficient names: `"intercept"` (if fitted) then the kept columns.
  public let terms: [String]
  /// The estimates `β`, one per term.
  public let coefficients: [Double]
  /// `√diag(V)`, one per term.
  public let standardErrors: [Double]
  /// Wald statistics `β / SE`.
  public let zValues: [Double]
  /// Two-sided normal p-values `erfc(|z|/√2)`.
  public let pValues: [Double]
  /// The covariance `V` in column-major order (`terms.count²` elements);
  /// see ``covarianceMatrix``.
  public let covariance: [Double]
  /// Change in log-odds per one (sample, `n − 1`) standard deviation of the
  /// column, `βⱼ·sdⱼ`; `nil` for the intercept.
  public let standardizedEffects: [Double?]
  /// The unweighted sample standard deviation (`n − 1`) of each term's
  /// column; `0` for the intercept.
  public let columnStandardDeviations: [Double]
  /// Variance inflation factors, one per term (see
  /// ``LogisticRegression/screenColumns(_:names:fitIntercept:summaries:)``); `1` for the intercept.
  public let varianceInflationFactors: [Double]

  /// `−2ℓ(β̂)` (the saturated log-likelihood of 0/1 data is 0).
  public let deviance: Double
  /// `−2ℓ₀`, the deviance of the intercept-only maximum-likelihood model.
  public let nullDeviance: Double
  /// The (weighted) log-likelihood `ℓ(β̂) = Σ ωᵢ(yᵢηᵢ − log(1 + e^{ηᵢ}))`,
  /// without any penalty.
  public let logLikelihood: Double
  /// `ℓ₀ = Σ ωᵢ(yᵢ log ȳ + (1 − yᵢ) log(1 − ȳ))`, `ȳ = Σωy / Σω`.
  public let nullLogLikelihood: Double
  /// For L2 and Firth fits, the maximised objective: `ℓ − (λ/2)‖β‖²` or
  /// `ℓ + ½ log det(XᵀWX)`; `nil` for maximum likelihood.
  public let penalizedLogLikelihood: Double?
  /// `−2ℓ + 2k`, `k` = number of coefficients.
  public let aic: Double
  /// `−2ℓ + k·log(nobs)`.
  public let bic: Double
  /// McFadden's pseudo-R², `1 − ℓ/ℓ₀`.
  public let pseudoRSquared: Double
  /// `nobs`: the number of rows, or the sum of the sample (frequency)
  /// weights when given. Class weights do not change it.
  public let numberOfObservations: Double
  /// `nobs − k`.
  public let residualDegreesOfFreedom: Double

  /// Newton steps taken.
  public let iterations: Int
  /// Whether the convergence rule held and no separation was found.
  public let converged: Bool
  /// One record per Newton step.
  public let history: [IterationRecord]
  /// Everything that went wrong or was changed, in the order found.
  public let diagnostics: [Diagnostic]
  /// Input columns dropped before fitting (constant or collinear), in input order.
  public let droppedColumns: [String]

  /// The estimator that produced this result.
  public let penalty: LogisticRegression.Penalty
  /// Whether `terms[0]` is the intercept.
  public let fitIntercept: Bool
  /// The number of columns of the design passed to `fit` (and expected by
  /// ``predictProbabilities(for:)``).
  public let inputColumnCount: Int
  /// For each non-intercept term, its column index in the input design.
  public let inputColumnIndices: [Int]

  /// ``covariance`` as a `terms.count × terms.count` matrix.
  public var covarianceMatrix: Matrix {
    Matrix(rows: terms.count, columns: terms.count, columnMajor: covariance)
  }

  /// `e^{β}`, the odds ratio per unit of each column.
  public var oddsRatios: [Double] { coefficients.map { exp($0) } }

  /// Whether a separation diagnostic was reported.
  public var isSeparated: Bool {
    diagnostics.contains {
      switch $0 {
      case .perfectSeparation, .quasiSeparation: return true
      default: return false
      }
    }
  }

  /// Wald confidence intervals for the coefficients.
  ///
  /// ```
  /// βⱼ ∓ Φ⁻¹((1 + level)/2)·SEⱼ
  /// ```
  ///
  /// - Parameter level: the coverage, in `(0, 1)` (default `0.95`).
  /// - Returns: one interval per term.
  /// - Complexity: O(terms).
  public func confidenceIntervals(level: Double = 0.95) -> [ConfidenceInterval] {
    precondition(level > 0 && level < 1, "confidence level \(level) is not in (0, 1)")
    let z = NormalDistribution.quantile((1 + level) / 2)
    return zip(coefficients, standardErrors).map { b, se in
      ConfidenceInterval(lower: b - z * se, upper: b + z * se)
    }
  }

  /// Confidence intervals for the odds ratios, the exponentiated
  /// ``confidenceIntervals(level:)``.
  ///
  /// ```
  /// [e^{βⱼ − z·SEⱼ}, e^{βⱼ + z·SEⱼ}]
  /// ```
  ///
  /// - Parameter level: the coverage, in `(0, 1)` (default `0.95`).
  /// - Returns: one interval per term.
  /// - Complexity: O(terms).
  public func oddsRatioIntervals(level: Double = 0.95) -> [ConfidenceInterval] {
    confidenceIntervals(level: level).map {
      ConfidenceInterval(lower: exp($0.lower), upper: exp($0.upper))
    }
  }

  /// The linear predictor for new rows laid out like the design given to `fit`.
  ///
  /// ```
  /// η = β₀ + X_kept · β_kept      (dropped columns are ignored)
  /// ```
  ///
  /// - Parameter design: `m × inputColumnCount`, without an intercept column.
  /// - Returns: `m` log-odds.
  /// - Complexity: O(m · inputColumnCount), the chunks of rows on all cores.
  public func linearPredictor(for design: Matrix) -> [Double] {
    mapLinearPredictor(design) { $0 }
  }

  /// One coefficient per column of the design passed to `fit` (without the
  /// intercept), 0 for a column screening dropped.
  public var inputCoefficients: [Double] {
    var full = [Double](repeating: 0, count: inputColumnCount)
    let offset = fitIntercept ? 1 : 0
    for (k, index) in inputColumnIndices.enumerated() { full[index] = coefficients[k + offset] }
    return full
  }

  /// Predicted probabilities `P(y = 1 | x)` for new rows.
  ///
  /// ```
  /// p = 1 / (1 + e^{−η})
  /// ```
  ///
  /// - Parameter design: `m × inputColumnCount`, without an intercept column.
  /// - Returns: `m` probabilities.
  /// - Complexity: O(m · inputColumnCount), the chunks of rows on all cores.
  public func predictProbabilities(for design: Matrix) -> [Double] {
    mapLinearPredictor(design, logistic)
  }

  /// `transform(ηᵢ)` for every row, each chunk of rows (``RowChunks``) in
  /// one pass over its part of the columns.
  private func mapLinearPredictor(_ design: Matrix, _ transform: @escaping @Sendable (Double) -> Double) -> [Double] {
    precondition(
      design.columns == inputColumnCount,
      "linearPredictor: design has \(design.columns) columns, the model was fitted on \(inputColumnCount)")
    let n = design.rows
    let offset = fitIntercept ? 1 : 0
    let constant = fitIntercept ? coefficients[0] : 0
    let terms = Array(zip(inputColumnIndices, coefficients[offset...]))
    let chunks = RowChunks(rows: n)
    let parts = ConcurrentSlots<[Double]>(repeating: [], count: chunks.count)
    chunks.forEach { c in
      let rows = chunks.ranges[c]
      var values = [Double](repeating: constant, count: rows.count)
      values.withUnsafeMutableBufferPointer { eta in
        design.withUnsafeBufferPointer { x in
          for (j, b) in terms {
            let column = x.baseAddress! + j * n + rows.lowerBound
            for i in eta.indices { eta[i] += b * column[i] }
          }
        }
        for i in eta.indices { eta[i] = transform(eta[i]) }
      }
      parts[c] = values
    }
    return chunks.count == 1 ? parts[0] : Array((0..<chunks.count).map { parts[$0] }.joined())
  }

  /// The coefficient table as plain rows, for the Reports module to render.
  ///
  /// - Parameter level: the confidence level (default `0.95`).
  /// - Returns: one row per term.
  /// - Complexity: O(terms).
  public func coefficientTable(level: Double = 0.95) -> [CoefficientRow] {
    let intervals = confidenceIntervals(level: level)
    return terms.indices.map { j in
      CoefficientRow(
        term: terms[j], coefficient: coefficients[j], standardError: standardErrors[j],
        zValue: zValues[j], pValue: pValues[j], confidenceInterval: intervals[j],
        oddsRatio: exp(coefficients[j]),
        oddsRatioInterval: ConfidenceInterval(
          lower: exp(intervals[j].lower), upper: exp(intervals[j].upper)),
        standardizedEffect: standardizedEffects[j],
        varianceInflationFactor: varianceInflationFactors[j])
    }
  }
}

/// One row of ``LogisticRegressionResult/coefficientTable(level:)``
/// (statsmodels' summary body: `coef, std err, z, P>|z|, [lo, hi]`, plus
/// odds ratios, standardized effect and VIF).
public struct CoefficientRow: Sendable, Hashable, Codable {
  public let term: String
  public let coefficient: Double
  public let standardError: Double
  public let zValue: Double
  public let pValue: Double
  public let confidenceInterval: ConfidenceInterval
  public let oddsRatio: Double
  public let oddsRatioInterval: ConfidenceInterval
  public let standardizedEffect: Double?
  public let varianceInflationFactor: Double
}
