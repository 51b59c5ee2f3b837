import LinearAlgebra

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Options and outcome of the kernel

/// The penalty as the IRLS kernel sees it (the intercept already resolved).
enum IRLSPenalty: Sendable, Equatable {
  /// Plain maximum likelihood.
  case none
  /// `(λ/2)·Σ βⱼ²` over the coefficients from `firstPenalized` on
  /// (`1` when column 0 is an unpenalised intercept).
  case ridge(strength: Double, firstPenalized: Int)
  /// Firth's Jeffreys-prior penalty `½·log det(XᵀWX)`.
  case firth
}

/// Hyper-parameters of the kernel.
struct IRLSOptions: Sendable {
  var maxIterations: Int
  var tolerance: Double
  var penalty: IRLSPenalty
  /// How often a step may be halved before the iteration gives up.
  var maxStepHalvings = 30
}

/// Why the iteration stopped.
enum IRLSStop: Sendable, Equatable {
  /// The objective and the Newton decrement both met the tolerance.
  case converged
  /// `maxIterations` steps were taken.
  case iterationLimit
  /// Even a step shortened `maxStepHalvings` times did not lower the objective.
  case stepHalvingFailed
  /// Maximum likelihood only: every fitted probability is within `1e-10` of
  /// its 0/1 outcome (statsmodels stops here too).
  case perfectFit
  /// `XᵀWX` (plus penalty) could not be factored at the iteration given.
  case singularHessian(iteration: Int)
}

/// What ``irls(design:outcome:weights:options:workspace:)`` returns.
struct IRLSOutcome: Sendable {
  /// The final estimate (the workspace's `eta`, `mu` match it).
  var coefficients: [Double]
  /// The number of Newton steps taken.
  var iterations: Int
  var stop: IRLSStop
  var history: [IterationRecord]
  /// The absolute change of the objective at the last step.
  var lastChange: Double
  /// The full (unhalved) Newton step computed at the start of the last
  /// iteration. It shrinks quadratically at a finite optimum and stays of
  /// order one along a direction of separation, where the estimate diverges.
  var lastStep: [Double]
  /// The objective at the estimate: `−2ℓ` (+ `λ‖β‖²` or `− log det I`).
  var objective: Double
  /// The weighted log-likelihood `ℓ` at the estimate (without penalty).
  var logLikelihood: Double
}

// MARK: - Workspace

/// The buffers one IRLS iteration needs, allocated once per fit and reused,
/// so that an iteration allocates nothing but the `p × p` copy that
/// `dpotrf` factors (and, for Firth, the `p × p` inverse).
struct IRLSWorkspace: Sendable {
  /// `η = Xβ`, `n` elements.
  var eta: [Double]
  /// `μ = 1 / (1 + e^{−η})`, `n` elements.
  var mu: [Double]
  /// Working weights `ωᵢ·μᵢ(1 − μᵢ)`, `n` elements.
  var working: [Double]
  /// Score residuals `ωᵢ(yᵢ − μᵢ)` (+ Firth's `hᵢ(½ − μᵢ)`), `n` elements.
  var residual: [Double]
  /// `√W·X`, `n × p`.
  var scaled: Matrix
  /// `XᵀWX` (+ `λI` for ridge), `p × p`.
  var hessian: Matrix
  /// `√W·X·(XᵀWX)⁻¹`, `n × p`, used for Firth's hat values (`0 × 0` otherwise).
  var hatProduct: Matrix
  /// The (penalised) score, `p` elements.
  var gradient: [Double]
  /// The Newton step, `p` elements.
  var step: [Double]
  /// The trial estimate during step halving, `p` elements.
  var candidate: [Double]

  /// Allocates the buffers for an `rows × columns` design.
  ///
  /// - Parameters:
  ///   - rows: `n`, the number of observations.
  ///   - columns: `p`, the number of coefficients (intercept included).
  ///   - firth: whether to allocate Firth's `n × p` hat workspace.
  /// - Complexity: O(n·p).
  init(rows n: Int, columns p: Int, firth: Bool) {
    eta = [Double](repeating: 0, count: n)
    mu = [Double](repeating: 0.5, count: n)
    working = [Double](repeating: 0, count: n)
    residual = [Double](repeating: 0, count: n)
    scaled = Matrix.zeros(rows: n, columns: p)
    hessian = Matrix.zeros(rows: p, columns: p)
    hatProduct = firth ? Matrix.zeros(rows: n, columns: p) : Matrix.zeros(rows: 0, columns: 0)
    gradient = [Double](repeating: 0, count: p)
    step = [Double](repeating: 0, count: p)
    candidate = [Double](repeating: 0, count: p)
  }

  /// Sets `η ← Xβ` and `μ ← logistic(η)` and returns the weighted
  /// log-likelihood, computed without overflow or cancellation.
  ///
  /// ```
  /// ℓ(β) = Σᵢ ωᵢ·(yᵢ·ηᵢ − log(1 + e^{ηᵢ})),
  /// log(1 + e^{η}) = max(η, 0) + log1p(e^{−|η|})
  /// ```
  ///
  /// - Parameters:
  ///   - design: `X`, `n × p`.
  ///   - beta: `β`, `p` elements.
  ///   - outcome: `y ∈ {0, 1}`, `n` elements.
  ///   - weights: `ω ≥ 0`, `n` elements.
  /// - Returns: `ℓ(β)`.
  /// - Complexity: O(n·p) (BLAS `dgemv`).
  mutating func evaluate(
    design: Matrix, beta: [Double], outcome: [Double], weights: [Double]
  ) -> Double {
    design.times(vector: beta, into: &eta)
    var logLikelihood = 0.0
    for i in eta.indices {
      let e = eta[i]
      mu[i] = logistic(e)
      if weights[i] > 0 { logLikelihood += weights[i] * (outcome[i] * e - softplus(e)) }
    }
    return logLikelihood
  }

  /// Builds `XᵀWX` at the current `μ` (plus the ridge diagonal) and
  /// factors it.
  ///
  /// ```
  /// wᵢ = ωᵢ·μᵢ(1 − μᵢ),   H = XᵀWX (+ λ·I on the penalised coefficients) = UᵀU
  /// ```
  ///
  /// - Returns: the Cholesky factor, or `nil` when `H` is not numerically
  ///   positive definite.
  /// - Complexity: O(n·p²) (BLAS `dsyrk`) + O(p³) (LAPACK `dpotrf`).
  mutating func factorHessian(
    design: Matrix, weights: [Double], penalty: IRLSPenalty
  ) -> CholeskyFactorization? {
    for i in mu.indices { working[i] = weights[i] * mu[i] * (1 - mu[i]) }
    design.weightedGram(weights: working, scaled: &scaled, into: &hessian)
    if case let .ridge(strength, first) = penalty {
      for j in first..<hessian.columns { hessian[j, j] += strength }
    }
    return try? hessian.cholesky()
  }

  /// Computes the (penalised) score at the current `μ` into `gradient`.
  ///
  /// ```
  /// none:  U(β)  = Xᵀ ω(y − μ)
  /// ridge: U(β)  = Xᵀ ω(y − μ) − λ·β              (penalised coefficients)
  /// firth: U*(β) = Xᵀ (ω(y − μ) + h ∘ (½ − μ)),
  ///        h = diag(W^½ X (XᵀWX)⁻¹ Xᵀ W^½)        (Firth 1993, eq. 17)
  /// ```
  ///
  /// Expects `scaled` and `factor` from ``factorHessian(design:weights:penalty:)``
  /// at the same `β`.
  ///
  /// - Complexity: O(n·p), plus O(n·p²) for Firth (LAPACK `dpotri`, BLAS `dgemm`).
  mutating func computeScore(
    design: Matrix, beta: [Double], outcome: [Double], weights: [Double],
    penalty: IRLSPenalty, factor: CholeskyFactorization
  ) throws(LinearAlgebraError) {
    for i in mu.indices { residual[i] = weights[i] * (outcome[i] - mu[i]) }
    if penalty == .firth {
      let covariance = try factor.inverse()
      Matrix.gemm(scaled, covariance, into: &hatProduct)
      let n = mu.count
      let p = beta.count
      scaled.withUnsafeBufferPointer { s in
        hatProduct.withUnsafeBufferPointer { m in
          for i in 0..<n {
            var h = 0.0
            for j in 0..<p { h += s[j * n + i] * m[j * n + i] }
            residual[i] += h * (0.5 - mu[i])
          }
        }
      }
    }
    design.transposeTimes(vector: residual, into: &gradient)
    if case let .ridge(strength, first) = penalty {
      for j in first..<beta.count { gradient[j] -= strength * beta[j] }
    }
  }
}

// MARK: - The kernel

/// The objective IRLS minimises, in deviance units.
///
/// ```
/// none:  D(β) = −2ℓ(β)
/// ridge: D(β) = −2ℓ(β) + λ·Σ_{j penalised} βⱼ²
/// firth: D(β) = −2ℓ(β) − log det(XᵀWX)
/// ```
func penalizedObjective(
  logLikelihood: Double, beta: [Double], penalty: IRLSPenalty,
  factor: CholeskyFactorization?
) -> Double {
  switch penalty {
  case .none:
    return -2 * logLikelihood
  case let .ridge(strength, first):
    var sum = 0.0
    for j in first..<beta.count { sum += beta[j] * beta[j] }
    return -2 * logLikelihood + strength * sum
  case .firth:
    guard let factor else { return .nan }
    return -2 * logLikelihood - factor.logDeterminant
  }
}

/// Fits a logistic regression by Newton–Raphson / iteratively reweighted
/// least squares with step halving. **Assumes validated input** (no
/// checks: finite `X`, `y ∈ {0, 1}`, `ω ≥ 0` with a positive sum, full
/// column rank after screening); the public entry is
/// ``LogisticRegression/fit(_:outcome:columnNames:sampleWeights:)``.
///
/// Each iteration, at the current `β` (starting from `β = 0`, as statsmodels):
///
/// ```
/// wᵢ = ωᵢ μᵢ(1 − μᵢ),   H = XᵀWX (+ λI)               BLAS dsyrk on √W·X
/// g  = U(β) (or U*(β) for Firth, see computeScore)
/// s  = H⁻¹ g                                          LAPACK dpotrf + dpotrs
/// δ  = gᵀ s = ‖s‖²_H                                  (Newton decrement²)
/// β ← β + s/2ᵏ, the smallest k ≥ 0 with D(β + s/2ᵏ) ≤ D(β)   (step halving)
/// stop when |ΔD| ≤ tol·(|D| + 0.1)  and  √δ ≤ tol
/// ```
///
/// The deviance rule is R's `glm.fit`. The gradient rule uses the Newton
/// decrement (Boyd & Vandenberghe 2004, §9.5.1): by Cauchy–Schwarz
/// `|sⱼ| ≤ √δ·√(H⁻¹)ⱼⱼ`, so `√δ ≤ tol` means the step moves no coefficient
/// by more than `tol` standard errors. Both are free of the units of `X`.
/// (Firth's iteration converges linearly, so the step rule matters there;
/// Newton's converges quadratically and stops one step after `√δ` is small.) For Firth, `H = XᵀWX` is the Fisher
/// information and the step is Firth's modified-score iteration (Heinze &
/// Schemper 2002, §2). References: McCullagh & Nelder, *Generalized Linear
/// Models*, 2nd ed. (1989), §2.5 and §4.4; Firth, *Biometrika* 80 (1993) 27–38.
///
/// - Parameters:
///   - design: `X`, `n × p`, the intercept column (ones) included if wanted.
///   - outcome: `y`, `n` values in `{0, 1}`.
///   - weights: `ω`, `n` prior weights (sample × class weights), `≥ 0`.
///   - options: iteration limit, tolerance, penalty.
///   - workspace: buffers for `n × p`; on return they hold `η`, `μ`, `√W·X`
///     and `XᵀWX` at the returned estimate.
/// - Returns: the estimate, the iteration count, why it stopped, the history.
/// - Complexity: O(n·p² + p³) per iteration (Firth: plus O(n·p²) for the
///   hat values); each step halving adds O(n·p) (Firth: O(n·p²)).
func irls(
  design: Matrix, outcome: [Double], weights: [Double], options: IRLSOptions,
  workspace ws: inout IRLSWorkspace
) -> IRLSOutcome {
  let p = design.columns
  let penalty = options.penalty
  var beta = [Double](repeating: 0, count: p)
  var logLikelihood = ws.evaluate(design: design, beta: beta, outcome: outcome, weights: weights)
  var factor = ws.factorHessian(design: design, weights: weights, penalty: penalty)
  var objective = penalizedObjective(
    logLikelihood: logLikelihood, beta: beta, penalty: penalty, factor: factor)
  var history: [IterationRecord] = []
  history.reserveCapacity(options.maxIterations)
  var lastChange = Double.infinity
  var lastStep = [Double](repeating: 0, count: p)
  var stop = IRLSStop.iterationLimit
  var iterations = 0

  func finish(_ reason: IRLSStop) -> IRLSOutcome {
    IRLSOutcome(
      coefficients: beta, iterations: iterations, stop: reason, history: history,
      lastChange: lastChange, lastStep: lastStep, objective: objective,
      logLikelihood: logLikelihood)
  }

  iterationLoop: for iteration in 1...options.maxIterations {
    guard let currentFactor = factor else {
      stop = .singularHessian(iteration: iteration)
      break
    }
    do {
      try ws.computeScore(
        design: design, beta: beta, outcome: outcome, weights: weights, penalty: penalty,
        factor: currentFactor)
      for j in 0..<p { ws.step[j] = ws.gradient[j] }
      try currentFactor.solve(inPlace: &ws.step)
    } catch {
      stop = .singularHessian(iteration: iteration)
      break
    }
    var gradientNorm = 0.0
    var decrement = 0.0
    for j in 0..<p {
      gradientNorm = max(gradientNorm, abs(ws.gradient[j]))
      decrement += ws.gradient[j] * ws.step[j]
      lastStep[j] = ws.step[j]
    }

    // Step halving: shorten the step until the objective does not rise.
    // A rise within rounding (1e-12 relative) is accepted, as at convergence
    // the objective is flat to machine precision.
    let slack = 1e-12 * (abs(objective) + 0.1)
    var scale = 1.0
    var halvings = 0
    var trialLogLikelihood = 0.0
    var trialObjective = Double.nan
    var trialFactor: CholeskyFactorization?
    while true {
      for j in 0..<p { ws.candidate[j] = beta[j] + scale * ws.step[j] }
      trialLogLikelihood = ws.evaluate(
        design: design, beta: ws.candidate, outcome: outcome, weights: weights)
      trialFactor = ws.factorHessian(design: design, weights: weights, penalty: penalty)
      trialObjective = penalizedObjective(
        logLikelihood: trialLogLikelihood, beta: ws.candidate, penalty: penalty,
        factor: trialFactor)
      if trialObjective.isFinite && trialObjective <= objective + slack { break }
      halvings += 1
      if halvings > options.maxStepHalvings {
        // Restore the workspace to the last accepted estimate.
        logLikelihood = ws.evaluate(
          design: design, beta: beta, outcome: outcome, weights: weights)
        factor = ws.factorHessian(design: design, weights: weights, penalty: penalty)
        iterations = iteration
        history.append(
          IterationRecord(deviance: objective, stepHalvings: halvings - 1, gradientNorm: gradientNorm))
        stop = .stepHalvingFailed
        break iterationLoop
      }
      scale *= 0.5
    }

    iterations = iteration
    for j in 0..<p { beta[j] = ws.candidate[j] }
    lastChange = abs(objective - trialObjective)
    objective = trialObjective
    logLikelihood = trialLogLikelihood
    factor = trialFactor
    history.append(
      IterationRecord(deviance: objective, stepHalvings: halvings, gradientNorm: gradientNorm))

    if penalty == .none && isPerfectFit(outcome: outcome, weights: weights, mu: ws.mu) {
      stop = .perfectFit
      break
    }
    if lastChange <= options.tolerance * (abs(objective) + 0.1)
      && decrement.squareRoot() <= options.tolerance
    {
      stop = .converged
      break
    }
    if iteration == options.maxIterations { stop = .iterationLimit }
  }
  return finish(stop)
}

/// Whether every row with positive weight is fitted within `1e-10` of its outcome.
///
/// ```
/// maxᵢ { |yᵢ − μᵢ| : ωᵢ > 0 } < 1e-10
/// ```
func isPerfectFit(outcome: [Double], weights: [Double], mu: [Double], within limit: Double = 1e-10)
  -> Bool
{
  for i in mu.indices where weights[i] > 0 {
    if abs(outcome[i] - mu[i]) >= limit { return false }
  }
  return true
}

// MARK: - Scalar helpers

/// The logistic function without overflow.
///
/// ```
/// σ(η) = 1 / (1 + e^{−η})   for η ≥ 0,   e^{η} / (1 + e^{η})   for η < 0
/// ```
@inline(__always)
func logistic(_ eta: Double) -> Double {
  if eta >= 0 { return 1 / (1 + exp(-eta)) }
  let e = exp(eta)
  return e / (1 + e)
}

/// `log(1 + e^{x})` without overflow or cancellation.
///
/// ```
/// softplus(x) = max(x, 0) + log1p(e^{−|x|})
/// ```
@inline(__always)
func softplus(_ x: Double) -> Double {
  max(x, 0) + log1p(exp(-abs(x)))
}
