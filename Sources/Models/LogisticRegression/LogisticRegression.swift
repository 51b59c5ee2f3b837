import LinearAlgebra

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A binary logistic regression estimator: hyper-parameters only; ``fit(_:outcome:columnNames:sampleWeights:)``
/// returns a ``LogisticRegressionResult``.
///
/// ```
/// P(yᵢ = 1 | xᵢ) = 1 / (1 + e^{−ηᵢ}),   ηᵢ = β₀ + xᵢᵀβ
/// maximise  Σᵢ ωᵢ (yᵢηᵢ − log(1 + e^{ηᵢ}))  − penalty(β)
/// ωᵢ = sampleWeightᵢ · classWeight(yᵢ)
/// ```
///
/// Penalties:
/// * `.none` — maximum likelihood. On the same design the coefficients and
///   standard errors equal statsmodels' `Logit(y, X).fit(method="newton")`.
/// * `.l2(strength: λ)` — ridge, `(λ/2)·Σⱼ βⱼ²` on the unscaled sum of
///   weighted log-losses, intercept unpenalised. scikit-learn minimises
///   `C·Σ wᵢ·loglossᵢ + ½‖β‖²`, so `λ = 1/C` reproduces
///   `LogisticRegression(C=C)`. The design is not standardised first.
/// * `.firth` — Firth's bias-reduced likelihood `ℓ(β) + ½ log det(XᵀWX)`,
///   finite even under separation (Firth 1993; Heinze & Schemper 2002).
///
/// Sample weights are frequency weights: a row of weight 3 counts as three
/// identical rows (statsmodels `GLM(..., freq_weights=w)`), including in
/// `nobs` for BIC. Class weights multiply them (scikit-learn's
/// `class_weight`).
///
/// Example:
/// ```swift
/// let model = LogisticRegression(penalty: .l2(strength: 2))   // sklearn C = 0.5
/// let result = try model.fit(x, outcome: churned, columnNames: ["recency", "frequency"])
/// print(result.coefficients, result.diagnostics)
/// ```
public struct LogisticRegression: Sendable, Equatable {
  /// How the likelihood is penalised.
  public enum Penalty: Sendable, Hashable, Codable {
    /// Maximum likelihood (the default).
    case none
    /// Ridge: `(strength/2)·Σⱼ βⱼ²` over all coefficients but the intercept;
    /// `strength = 1/C` in scikit-learn's terms.
    case l2(strength: Double)
    /// Firth's bias reduction, penalised log-likelihood `ℓ + ½ log det(XᵀWX)`.
    case firth
  }

  /// Per-class multipliers of the sample weights (scikit-learn's `class_weight`).
  public enum ClassWeights: Sendable, Hashable, Codable {
    /// `Σω / (2·Σ_{y=c} ω)` for class `c`, using the sample weights, as
    /// scikit-learn 1.9's `compute_class_weight("balanced", sample_weight=)`.
    case balanced
    /// Fixed multipliers for outcome 0 and outcome 1.
    case custom(negative: Double, positive: Double)
  }

  /// The most Newton steps taken (default `35`, statsmodels' `maxiter`).
  public var maxIterations: Int
  /// Relative tolerance of the convergence rule (default `1e-8`); see
  /// ``irls(design:outcome:weights:options:start:workspace:)``.
  public var tolerance: Double
  /// Whether to add an intercept (default `true`); the design passed to
  /// `fit` must then not contain a column of ones.
  public var fitIntercept: Bool
  /// The penalty (default `.none`).
  public var penalty: Penalty
  /// Class weights (default `nil`: every class weighs 1).
  public var classWeights: ClassWeights?

  /// Creates an estimator.
  ///
  /// - Parameters:
  ///   - maxIterations: the most Newton steps (default `35`).
  ///   - tolerance: convergence tolerance (default `1e-8`).
  ///   - fitIntercept: whether to fit an intercept (default `true`).
  ///   - penalty: `.none` (default), `.l2(strength:)` or `.firth`.
  ///   - classWeights: `nil` (default), `.balanced` or `.custom(negative:positive:)`.
  public init(
    maxIterations: Int = 35, tolerance: Double = 1e-8, fitIntercept: Bool = true,
    penalty: Penalty = .none, classWeights: ClassWeights? = nil
  ) {
    self.maxIterations = maxIterations
    self.tolerance = tolerance
    self.fitIntercept = fitIntercept
    self.penalty = penalty
    self.classWeights = classWeights
  }

  /// Checks the hyper-parameters against their ranges.
  ///
  /// ```
  /// maxIterations ≥ 1,  0 ≤ tolerance < ∞,  0 ≤ strength < ∞,
  /// 0 < class weights < ∞
  /// ```
  ///
  /// - Throws: `ModelError.invalidParameter(name:value:reason:)` naming the
  ///   first parameter out of range.
  /// - Complexity: O(1).
  public func validate() throws(ModelError) {
    guard maxIterations >= 1 else {
      throw .invalidParameter(
        name: "maxIterations", value: "\(maxIterations)", reason: "must be at least 1")
    }
    guard tolerance.isFinite && tolerance >= 0 else {
      throw .invalidParameter(
        name: "tolerance", value: "\(tolerance)", reason: "must be finite and non-negative")
    }
    if case let .l2(strength) = penalty, !(strength.isFinite && strength >= 0) {
      throw .invalidParameter(
        name: "penalty.l2.strength", value: "\(strength)",
        reason: "must be finite and non-negative (strength = 1/C)")
    }
    if case let .custom(negative, positive) = classWeights {
      for (name, value) in [("classWeights.negative", negative), ("classWeights.positive", positive)]
      where !(value.isFinite && value > 0) {
        throw .invalidParameter(name: name, value: "\(value)", reason: "must be finite and positive")
      }
    }
  }

  /// Fits the model.
  ///
  /// Steps: validate; drop constant and collinear columns (each named in a
  /// ``Diagnostic``; see ``screenColumns(_:names:fitIntercept:summaries:)``);
  /// Newton/IRLS with step halving
  /// (``irls(design:outcome:weights:options:start:workspace:)``); Wald
  /// inference from the inverse Hessian (`dpotri`); separation and
  /// near-singularity checks; VIFs.
  ///
  /// The design is read in place, never copied: each evaluation of the
  /// likelihood is one pass over the rows, in chunks on all cores
  /// (``RowChunks``), with the same result on any number of cores.
  ///
  /// Statistical trouble (separation, non-convergence, a near-singular
  /// Hessian, dropped columns) is reported in ``LogisticRegressionResult/diagnostics``,
  /// not thrown. Separation is found after the fit: some fitted
  /// probabilities are within `1e-10` of 0 or 1 **and** the last Newton step
  /// still moves the named coefficients (`|sⱼ|·sdⱼ > 1e-3`, with `sd = 1`
  /// for the intercept), which a finite optimum would not; it is *perfect*
  /// when every row is fitted within `1e-6` of its outcome. Such fits have
  /// `converged == false`.
  ///
  /// - Parameters:
  ///   - design: `n × p` predictors, **without** an intercept column when
  ///     `fitIntercept` is `true`.
  ///   - outcome: `n` values, each `0` or `1`.
  ///   - columnNames: `p` names, used in terms and diagnostics.
  ///   - sampleWeights: `n` frequency weights `≥ 0` (default `nil`: all 1).
  /// - Returns: the fitted result.
  /// - Throws: `ModelError.invalidParameter` (see ``validate()``),
  ///   `.shapeMismatch` when the lengths disagree, `.invalidValue` for a
  ///   non-finite value or an outcome other than 0/1, `.tooFewSamples` for
  ///   fewer than 2 rows of positive weight, `.singleClass` when every
  ///   weighted outcome is equal, `.singularHessian` when the Hessian cannot
  ///   be factored although no separation was found.
  /// - Complexity: O(n·p²·iterations + p³·iterations), plus O(n·p²) for
  ///   screening and VIFs.
  public func fit(
    _ design: Matrix, outcome: [Double], columnNames: [String], sampleWeights: [Double]? = nil
  ) throws(ModelError) -> LogisticRegressionResult {
    try validate()
    let n = design.rows
    let p = design.columns
    guard outcome.count == n else {
      throw .shapeMismatch(what: "outcome length (one per design row)", expected: n, actual: outcome.count)
    }
    guard columnNames.count == p else {
      throw .shapeMismatch(what: "column names (one per design column)", expected: p, actual: columnNames.count)
    }
    if let sampleWeights, sampleWeights.count != n {
      throw .shapeMismatch(what: "sample weights (one per design row)", expected: n, actual: sampleWeights.count)
    }
    let summaries = try LogisticRegression.summarizeColumns(
      design, names: columnNames, fitIntercept: fitIntercept, outcome: outcome)
    let frequency = sampleWeights ?? [Double](repeating: 1, count: n)
    // One pass over the rows; a bad outcome is reported before a bad weight.
    var badOutcome: Int?
    var badWeight: Int?
    var used = 0
    var firstOutcome = Double.nan
    var bothClasses = false
    var outcomeSum = 0.0
    for i in 0..<n {
      let (y, w) = (outcome[i], frequency[i])
      if badOutcome == nil && y != 0 && y != 1 { badOutcome = i }
      if badWeight == nil && !(w.isFinite && w >= 0) { badWeight = i }
      outcomeSum += y
      if w > 0 {
        if used == 0 { firstOutcome = y }
        bothClasses = bothClasses || y != firstOutcome
        used += 1
      }
    }
    if let i = badOutcome { throw .invalidValue(column: "outcome", row: i, value: outcome[i]) }
    if let i = badWeight { throw .invalidValue(column: "sampleWeights", row: i, value: frequency[i]) }
    guard used >= 2 else { throw .tooFewSamples(required: 2, actual: used) }
    if !bothClasses { throw .singleClass(value: firstOutcome) }
    let weights = combinedWeights(outcome: outcome, frequency: frequency)

    // Screening: constant and collinear columns are named and dropped.
    let screen = try LogisticRegression.screenColumns(
      design, names: columnNames, fitIntercept: fitIntercept, summaries: summaries)
    let kept = screen.kept
    let offset = fitIntercept ? 1 : 0
    let k = kept.count + offset
    guard k >= 1 else {
      throw .invalidParameter(
        name: "design", value: "\(p) columns",
        reason: "no usable column remains and fitIntercept is false")
    }
    let x = IRLSDesign(matrix: design, columns: kept, intercept: fitIntercept)
    let terms = (fitIntercept ? ["intercept"] : []) + kept.map { columnNames[$0] }

    // Newton / IRLS.
    let kernelPenalty: IRLSPenalty
    switch penalty {
    case .none: kernelPenalty = .none
    case .l2(let strength): kernelPenalty = .ridge(strength: strength, firstPenalized: offset)
    case .firth: kernelPenalty = .firth
    }
    // With every weight 1 the first evaluation, at β = 0, needs no pass over the rows.
    let start =
      sampleWeights == nil && classWeights == nil
      ? IRLSStart(
        rows: n, outcomeSum: outcomeSum, means: kept.map { summaries[$0].mean },
        outcomeProducts: kept.map { summaries[$0].outcomeProduct }, scatter: screen.scatter,
        intercept: fitIntercept) : nil
    var workspace = IRLSWorkspace(rows: n, columns: k)
    let run = irls(
      design: x, outcome: outcome, weights: weights,
      options: IRLSOptions(maxIterations: maxIterations, tolerance: tolerance, penalty: kernelPenalty),
      start: start, workspace: &workspace)

    // Inference at the estimate.
    let beta = run.coefficients
    var diagnostics = screen.diagnostics
    let factor = run.factor
    var covariance = [Double](repeating: .nan, count: k * k)
    var standardErrors = [Double](repeating: .infinity, count: k)
    if let factor, let inverse = try? factor.inverse() {
      covariance = inverse.columnMajorElements
      for j in 0..<k { standardErrors[j] = max(inverse[j, j], 0).squareRoot() }
    }
    let zValues = zip(beta, standardErrors).map { b, se in se.isFinite ? b / se : 0 }
    let pValues = zValues.map(NormalDistribution.twoSidedPValue)

    // Separation (maximum likelihood only: the penalised optima are finite).
    let sd = (fitIntercept ? [0] : []) + screen.standardDeviations
    var separated = false
    if penalty == .none {
      let diverging = terms.indices.filter { j in
        abs(run.lastStep[j]) * (j < offset ? 1 : sd[j]) > 1e-3
      }
      if workspace.nearestBound < 1e-10 && !diverging.isEmpty {
        separated = true
        let names = diverging.map { terms[$0] }
        if workspace.largestResidual < 1e-6 {
          diagnostics.append(.perfectSeparation(columns: names))
        } else {
          diagnostics.append(.quasiSeparation(columns: names))
        }
      }
    }
    switch run.stop {
    case .converged, .perfectFit:
      break
    case .iterationLimit, .stepHalvingFailed:
      if !separated {
        diagnostics.append(.notConverged(iterations: run.iterations, lastChange: run.lastChange))
      }
    case .singularHessian(let iteration):
      if !separated { throw .singularHessian(iteration: iteration) }
    }
    if !separated {
      let condition = LogisticRegression.scaledConditionNumber(workspace.hessian)
      if condition > 1e10 { diagnostics.append(.nearSingularHessian(conditionNumber: condition)) }
    }

    // Fit statistics.
    let nobs = frequency.reduce(0, +)
    let (weightSum, positiveSum) = zip(weights, outcome).reduce(into: (0.0, 0.0)) { acc, pair in
      acc.0 += pair.0
      acc.1 += pair.0 * pair.1
    }
    let mean = positiveSum / weightSum
    let nullLogLikelihood =
      positiveSum * log(mean) + (weightSum - positiveSum) * log1p(-mean)
    let logLikelihood = run.logLikelihood
    let penalized: Double? = penalty == .none ? nil : -run.objective / 2

    return LogisticRegressionResult(
      terms: terms, coefficients: beta, standardErrors: standardErrors, zValues: zValues,
      pValues: pValues, covariance: covariance,
      standardizedEffects: terms.indices.map { j in j < offset ? nil : beta[j] * sd[j] },
      columnStandardDeviations: sd,
      varianceInflationFactors: (fitIntercept ? [1] : []) + screen.varianceInflationFactors,
      deviance: -2 * logLikelihood, nullDeviance: -2 * nullLogLikelihood,
      logLikelihood: logLikelihood, nullLogLikelihood: nullLogLikelihood,
      penalizedLogLikelihood: penalized,
      aic: -2 * logLikelihood + 2 * Double(k),
      bic: -2 * logLikelihood + Double(k) * log(nobs),
      pseudoRSquared: 1 - logLikelihood / nullLogLikelihood,
      numberOfObservations: nobs, residualDegreesOfFreedom: nobs - Double(k),
      iterations: run.iterations,
      converged: (run.stop == .converged || run.stop == .perfectFit) && !separated,
      history: run.history, diagnostics: diagnostics,
      droppedColumns: screen.dropped.map { columnNames[$0] },
      penalty: penalty, fitIntercept: fitIntercept, inputColumnCount: p,
      inputColumnIndices: kept)
  }

  /// The prior weight of each row: its sample weight times its class weight.
  ///
  /// ```
  /// ωᵢ = sᵢ · c(yᵢ),   balanced: c(k) = Σs / (2·Σ_{y=k} s)
  /// ```
  func combinedWeights(outcome: [Double], frequency: [Double]) -> [Double] {
    let classWeight: (negative: Double, positive: Double)
    switch classWeights {
    case nil:
      return frequency
    case let .custom(negative, positive):
      classWeight = (negative, positive)
    case .balanced:
      let total = frequency.reduce(0, +)
      let positives = zip(frequency, outcome).reduce(0) { $0 + $1.0 * $1.1 }
      classWeight = (total / (2 * (total - positives)), total / (2 * positives))
    }
    return zip(frequency, outcome).map { s, y in s * (y == 1 ? classWeight.positive : classWeight.negative) }
  }
}
