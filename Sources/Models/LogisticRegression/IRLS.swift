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

/// What ``irls(design:outcome:weights:options:start:workspace:)`` returns.
struct IRLSOutcome: Sendable {
  /// The final estimate (the workspace's `eta`, `mu` match it).
  var coefficients: [Double]
  /// The number of Newton steps taken.
  var iterations: Int
  var stop: IRLSStop
  var history: [IterationRecord]
  /// The absolute change of the objective at the last step.
  var lastChange: Double
  /// The full (unhalved) Newton step computed last: at the start of the
  /// last iteration, or at the final estimate when the iteration limit
  /// stopped the fit. It shrinks quadratically at a finite optimum and stays
  /// of order one along a direction of separation, where the estimate diverges.
  var lastStep: [Double]
  /// The objective at the estimate: `−2ℓ` (+ `λ‖β‖²` or `− log det I`).
  var objective: Double
  /// The weighted log-likelihood `ℓ` at the estimate (without penalty).
  var logLikelihood: Double
  /// The Cholesky factor of `H` at the estimate; `nil` when it is singular.
  var factor: CholeskyFactorization?
}

// MARK: - The design as the kernel reads it

/// The coefficients' columns: some columns of the caller's matrix, read in
/// place, after an implicit column of ones when there is an intercept, so a
/// fit makes no `n × k` copy of its design.
struct IRLSDesign: Sendable {
  /// The caller's `n × p` matrix.
  var matrix: Matrix
  /// The input columns fitted, in coefficient order (after the intercept).
  var columns: [Int]
  /// Whether coefficient 0 is an intercept.
  var intercept: Bool

  var rows: Int { matrix.rows }
  /// `k`, the number of coefficients.
  var width: Int { columns.count + (intercept ? 1 : 0) }
}

/// `ℓ`, `XᵀWX` and the score at `β = 0` when every prior weight is 1, from
/// the column summaries of the screening instead of a pass over the rows.
///
/// ```
/// μᵢ = ½,  wᵢ = ¼:   ℓ(0) = −n·log 2
/// H(0) = ¼·XᵀX = ¼·[n, n·x̄ᵀ; n·x̄, S + n·x̄x̄ᵀ]     (S: centred scatter, x̄: column means)
/// g(0) = Xᵀ(y − ½) = [Σyᵢ − n/2;  Xᵀy − n·x̄/2]
/// ```
///
/// (without an intercept, the lower-right blocks alone). Adding `n·x̄x̄ᵀ` to
/// `S` cancels nothing, so this `H(0)` is as accurate as one from the rows.
struct IRLSStart: Sendable {
  var logLikelihood: Double
  var hessian: Matrix
  var gradient: [Double]

  /// - Parameters:
  ///   - rows: `n`.
  ///   - outcomeSum: `Σ yᵢ`.
  ///   - means: `x̄` of the fitted columns.
  ///   - outcomeProducts: `Σ xᵢⱼ yᵢ` of the fitted columns.
  ///   - scatter: `S` of the fitted columns.
  ///   - intercept: whether coefficient 0 is an intercept.
  init(
    rows n: Int, outcomeSum: Double, means: [Double], outcomeProducts: [Double], scatter: Matrix,
    intercept: Bool
  ) {
    let count = Double(n)
    let first = intercept ? 1 : 0
    let k = means.count + first
    var hessian = Matrix.zeros(rows: k, columns: k)
    var gradient = [Double](repeating: 0, count: k)
    if intercept {
      hessian[0, 0] = count / 4
      gradient[0] = outcomeSum - count / 2
    }
    for (a, mean) in means.enumerated() {
      if intercept {
        hessian[0, a + 1] = count * mean / 4
        hessian[a + 1, 0] = count * mean / 4
      }
      for (b, other) in means.enumerated() {
        hessian[a + first, b + first] = (scatter[a, b] + count * mean * other) / 4
      }
      gradient[a + first] = outcomeProducts[a] - count * mean / 2
    }
    self.logLikelihood = -count * log(2)
    self.hessian = hessian
    self.gradient = gradient
  }
}

// MARK: - Workspace

/// What one evaluation of the likelihood leaves behind, and the buffers
/// reused from one evaluation to the next.
///
/// Every quantity over the rows is built in one pass over the design
/// (``evaluate(design:beta:outcome:weights:penalty:)``), one block of rows at
/// a time, so a fit allocates nothing of size `n` and reads each block of `X`
/// while it is in cache; `XᵀWX` comes from BLAS `dsyrk` on each block of
/// `√W·X` (``GramAccumulator``). The chunks of rows (``RowChunks``) run
/// concurrently, each with its own sums.
struct IRLSWorkspace: Sendable {
  /// `XᵀWX` (+ `λI` for ridge) at the `β` last evaluated, `k × k`.
  var hessian: Matrix
  /// The score at the `β` last evaluated: `Xᵀω(y − μ)` (`− λβ` for ridge);
  /// Firth's correction is added by ``addFirthScore(design:beta:weights:covariance:)``.
  var gradient: [Double]
  /// The Newton step, `k` elements.
  var step: [Double]
  /// The trial estimate during step halving, `k` elements.
  var candidate: [Double]
  /// `max |yᵢ − μᵢ|` over the rows with `ωᵢ > 0`, at the `β` last evaluated.
  var largestResidual = 0.0
  /// `min(μᵢ, 1 − μᵢ)` over the rows with `ωᵢ > 0`, at the `β` last evaluated.
  var nearestBound = 0.5
  private let rowChunks: RowChunks
  /// Each chunk's sums and buffers.
  private let chunks: ConcurrentSlots<ChunkSums>

  /// Allocates the buffers for `rows × columns` (`k` coefficients).
  ///
  /// - Complexity: O(k · blockRows · chunks).
  init(rows n: Int, columns k: Int) {
    hessian = Matrix.zeros(rows: k, columns: k)
    gradient = [Double](repeating: 0, count: k)
    step = [Double](repeating: 0, count: k)
    candidate = [Double](repeating: 0, count: k)
    rowChunks = RowChunks(rows: n)
    chunks = ConcurrentSlots(rowChunks.ranges.map { _ in ChunkSums(columns: k, blockRows: RowChunks.blockRows) })
  }

  /// Evaluates the model at `beta` in one pass over the rows: returns the
  /// weighted log-likelihood and sets ``hessian``, ``gradient``,
  /// ``largestResidual`` and ``nearestBound``.
  ///
  /// ```
  /// ηᵢ = xᵢᵀβ,  zᵢ = e^{−|ηᵢ|},  μᵢ = 1/(1 + zᵢ) (ηᵢ ≥ 0) or zᵢ/(1 + zᵢ) (ηᵢ < 0)
  /// ℓ(β) = Σᵢ ωᵢ·(yᵢ·ηᵢ − max(ηᵢ, 0) − log1p(zᵢ))       (no overflow, no cancellation)
  /// wᵢ = ωᵢ·μᵢ(1 − μᵢ),   H = XᵀWX (+ λ·I on the penalised coefficients)
  /// g = Xᵀω(y − μ) (− λ·β on the penalised coefficients)
  /// ```
  ///
  /// - Parameters:
  ///   - design: `X`, `n × k` with the intercept.
  ///   - beta: `β`, `k` elements.
  ///   - outcome: `y ∈ {0, 1}`, `n` elements.
  ///   - weights: `ω ≥ 0`, `n` elements.
  ///   - penalty: adds the ridge terms to `H` and `g`.
  /// - Returns: `ℓ(β)`.
  /// - Complexity: O(n·k²) (BLAS `dsyrk` per block); allocates nothing of size `n`.
  mutating func evaluate(
    design: IRLSDesign, beta: [Double], outcome: [Double], weights: [Double], penalty: IRLSPenalty
  ) -> Double {
    let (chunks, ranges) = (self.chunks, rowChunks.ranges)
    rowChunks.forEach { c in
      chunks.update(c) { $0.evaluate(rows: ranges[c], design: design, beta: beta, outcome: outcome, weights: weights) }
    }
    let k = design.width
    var logLikelihood = 0.0
    var largest = 0.0
    var nearest = 0.5
    var score = [Double](repeating: 0, count: k)
    var gram = GramAccumulator(columns: k, blockRows: 1)
    for c in 0..<chunks.count {
      chunks.update(c) { sums in
        logLikelihood += sums.logLikelihood
        largest = max(largest, sums.largestResidual)
        nearest = min(nearest, sums.nearestBound)
        for j in 0..<k { score[j] += sums.score[j] }
        gram.add(sums.gram)
      }
    }
    hessian = gram.gram
    gradient = score
    addRidge(penalty, beta: beta)
    largestResidual = largest
    nearestBound = nearest
    return logLikelihood
  }

  /// ``evaluate(design:beta:outcome:weights:penalty:)`` at `β = 0` with
  /// every weight 1, taken from `start` without a pass over the rows.
  mutating func evaluate(start: IRLSStart, penalty: IRLSPenalty) -> Double {
    hessian = start.hessian
    gradient = start.gradient
    addRidge(penalty, beta: [Double](repeating: 0, count: gradient.count))
    // μ = ½ on every row.
    largestResidual = 0.5
    nearestBound = 0.5
    return start.logLikelihood
  }

  /// `H + λI` and `g − λβ` on the penalised coefficients.
  private mutating func addRidge(_ penalty: IRLSPenalty, beta: [Double]) {
    guard case let .ridge(strength, first) = penalty else { return }
    for j in first..<beta.count {
      hessian[j, j] += strength
      gradient[j] -= strength * beta[j]
    }
  }

  /// Adds Firth's correction to ``gradient`` at the `β` last evaluated, in a
  /// second pass over the rows.
  ///
  /// ```
  /// U*(β) = Xᵀ(ω(y − μ) + h ∘ (½ − μ)),
  /// hᵢ = wᵢ·xᵢᵀ(XᵀWX)⁻¹xᵢ = diag(W^½ X (XᵀWX)⁻¹ Xᵀ W^½)ᵢ      (Firth 1993, eq. 17)
  /// ```
  ///
  /// - Parameters:
  ///   - covariance: `(XᵀWX)⁻¹` at `beta` (LAPACK `dpotri`).
  /// - Complexity: O(n·k²).
  mutating func addFirthScore(
    design: IRLSDesign, beta: [Double], weights: [Double], covariance: Matrix
  ) {
    let (chunks, ranges) = (self.chunks, rowChunks.ranges)
    rowChunks.forEach { c in
      chunks.update(c) {
        $0.firthCorrection(rows: ranges[c], design: design, beta: beta, weights: weights, covariance: covariance)
      }
    }
    for c in 0..<chunks.count {
      chunks.update(c) { sums in
        for j in 0..<gradient.count { gradient[j] += sums.score[j] }
      }
    }
  }
}

/// One chunk's sums over its rows during a pass, and its buffers.
private struct ChunkSums {
  var logLikelihood = 0.0
  var largestResidual = 0.0
  var nearestBound = 0.5
  /// `Xᵀr` over the chunk's rows, `k` elements.
  var score: [Double]
  /// `(√W·X)ᵀ(√W·X)` over the chunk's rows.
  var gram: GramAccumulator
  /// Per-row scratch for one block (``IRLSBlock/Scratch``), `5 × blockRows`.
  var scratch: [Double]

  init(columns k: Int, blockRows: Int) {
    score = [Double](repeating: 0, count: k)
    gram = GramAccumulator(columns: k, blockRows: blockRows)
    scratch = [Double](repeating: 0, count: 5 * blockRows)
  }

  /// The chunk's share of ``IRLSWorkspace/evaluate(design:beta:outcome:weights:penalty:)``.
  mutating func evaluate(
    rows range: Range<Int>, design: IRLSDesign, beta: [Double], outcome: [Double], weights: [Double]
  ) {
    var logLikelihood = 0.0
    var largest = 0.0
    var nearest = 0.5
    for j in score.indices { score[j] = 0 }
    gram.reset()
    let blockRows = gram.blockRows
    IRLSBlock.visit(design, rows: range, beta: beta, weights: weights, scratch: &scratch) { rows, block in
      outcome.withUnsafeBufferPointer { y in
        let observed = y.baseAddress! + rows.start
        for i in 0..<rows.count where rows.weights[i] > 0 {
          let e = block.eta[i]
          let mu = block.mu[i]
          logLikelihood += rows.weights[i] * (observed[i] * e - (max(e, 0) + log1p(block.z[i])))
          largest = max(largest, abs(observed[i] - mu))
          nearest = min(nearest, mu, 1 - mu)
        }
        for i in stride(from: 0, to: rows.count, by: 4) {
          let residual = lanes(rows.weights, i, rows.count) * (lanes(observed, i, rows.count) - lanes(block.mu, i, rows.count))
          store(residual, block.residual, i, rows.count)
        }
      }
      score.withUnsafeMutableBufferPointer { g in rows.addScore(residual: block.residual, to: g) }
      gram.addBlock(rows: rows.count) { s in rows.scale(by: block.root, into: s, leadingDimension: blockRows) }
    }
    self.logLikelihood = logLikelihood
    largestResidual = largest
    nearestBound = nearest
  }

  /// The chunk's share of ``IRLSWorkspace/addFirthScore(design:beta:weights:covariance:)``,
  /// into ``score``.
  mutating func firthCorrection(
    rows range: Range<Int>, design: IRLSDesign, beta: [Double], weights: [Double], covariance: Matrix
  ) {
    let k = design.width
    let blockRows = gram.blockRows
    var scaled = [Double](repeating: 0, count: k * blockRows)
    for j in score.indices { score[j] = 0 }
    IRLSBlock.visit(design, rows: range, beta: beta, weights: weights, scratch: &scratch) { rows, block in
      scaled.withUnsafeMutableBufferPointer { s in
        rows.scale(by: block.root, into: s, leadingDimension: blockRows)
        covariance.withUnsafeBufferPointer { c in
          for i in 0..<rows.count {
            var h = 0.0
            for a in 0..<k {
              var row = 0.0
              for b in 0..<k { row += c[b * k + a] * s[b * blockRows + i] }
              h += s[a * blockRows + i] * row
            }
            block.residual[i] = h * (0.5 - block.mu[i])
          }
        }
      }
      score.withUnsafeMutableBufferPointer { g in rows.addScore(residual: block.residual, to: g) }
    }
  }
}

/// One block of rows of a pass over the design: where it starts, and
/// pointers to its part of `X` and `ω`.
private struct IRLSBlock {
  /// The first row of the block.
  let start: Int
  /// The number of rows in the block.
  let count: Int
  /// The weights of the block's rows.
  let weights: UnsafePointer<Double>
  /// The first row of the block in each fitted column of `X`.
  let columns: [UnsafePointer<Double>]
  let intercept: Bool

  /// The per-row quantities of a block, `blockRows` elements each.
  struct Scratch {
    /// `η = Xβ`.
    var eta: UnsafeMutablePointer<Double>
    /// `e^{−|η|}`.
    var z: UnsafeMutablePointer<Double>
    /// `μ`.
    var mu: UnsafeMutablePointer<Double>
    /// `√(ω·μ(1 − μ))`.
    var root: UnsafeMutablePointer<Double>
    /// Filled by the caller: the per-row factor of the score.
    var residual: UnsafeMutablePointer<Double>
  }

  /// Calls `body` for each block of `range` (`scratch.count / 5` rows, the
  /// last one shorter) with its `η`, `μ` and `√w` at `beta`.
  static func visit(
    _ design: IRLSDesign, rows range: Range<Int>, beta: [Double], weights: [Double], scratch: inout [Double],
    _ body: (IRLSBlock, Scratch) -> Void
  ) {
    let n = design.rows
    let blockRows = scratch.count / 5
    design.matrix.withUnsafeBufferPointer { x in
      weights.withUnsafeBufferPointer { omega in
        scratch.withUnsafeMutableBufferPointer { b in
          let base = b.baseAddress!
          let block = Scratch(
            eta: base, z: base + blockRows, mu: base + 2 * blockRows, root: base + 3 * blockRows,
            residual: base + 4 * blockRows)
          for start in stride(from: range.lowerBound, to: range.upperBound, by: blockRows) {
            let rows = IRLSBlock(
              start: start, count: min(blockRows, range.upperBound - start), weights: omega.baseAddress! + start,
              columns: design.columns.map { x.baseAddress! + $0 * n + start }, intercept: design.intercept)
            rows.probabilities(beta: beta, into: block)
            body(rows, block)
          }
        }
      }
    }
  }

  /// `η`, `e^{−|η|}`, `μ` and `√w` of each row.
  private func probabilities(beta: [Double], into block: Scratch) {
    let first = intercept ? 1 : 0
    let constant = intercept ? beta[0] : 0
    for i in 0..<count { block.eta[i] = constant }
    for (t, column) in columns.enumerated() {
      let b = beta[t + first]
      for i in 0..<count { block.eta[i] += b * column[i] }
    }
    for i in 0..<count { block.z[i] = exp(-abs(block.eta[i])) }
    for i in stride(from: 0, to: count, by: 4) {
      let z = lanes(block.z, i, count)
      // 1 / (1 + z) for η ≥ 0, z / (1 + z) for η < 0.
      let mu = SIMD4<Double>(repeating: 1).replacing(with: z, where: lanes(block.eta, i, count) .< 0) / (1 + z)
      store(mu, block.mu, i, count)
      store((lanes(weights, i, count) * mu * (1 - mu)).squareRoot(), block.root, i, count)
    }
  }

  /// Writes `diag(factor)·X` for the block's rows, column after column at
  /// `leadingDimension` apart (the intercept column is `factor` itself).
  func scale(
    by factor: UnsafeMutablePointer<Double>, into s: UnsafeMutableBufferPointer<Double>, leadingDimension: Int
  ) {
    let first = intercept ? 1 : 0
    if intercept {
      for i in 0..<count { s[i] = factor[i] }
    }
    for (t, column) in columns.enumerated() {
      let offset = (t + first) * leadingDimension
      for i in 0..<count { s[offset + i] = factor[i] * column[i] }
    }
  }

  /// Adds `Xᵀr` over the block's rows to `g`.
  func addScore(residual r: UnsafeMutablePointer<Double>, to g: UnsafeMutableBufferPointer<Double>) {
    let first = intercept ? 1 : 0
    if intercept {
      var sum = SIMD4<Double>()
      for i in stride(from: 0, to: count, by: 4) { sum += lanes(r, i, count) }
      g[0] += sum.sum()
    }
    for (t, column) in columns.enumerated() {
      // Four running sums, not one: a single chain of additions waits on
      // each one's latency.
      var sum = SIMD4<Double>()
      for i in stride(from: 0, to: count, by: 4) { sum += lanes(column, i, count) * lanes(r, i, count) }
      g[t + first] += sum.sum()
    }
  }
}

/// Four consecutive elements from `p + i`, zeros past `count`.
@inline(__always)
private func lanes(_ p: UnsafePointer<Double>, _ i: Int, _ count: Int) -> SIMD4<Double> {
  if i + 4 <= count { return UnsafeRawPointer(p + i).loadUnaligned(as: SIMD4<Double>.self) }
  var v = SIMD4<Double>()
  for l in 0..<(count - i) { v[l] = p[i + l] }
  return v
}

@inline(__always)
private func lanes(_ p: UnsafeMutablePointer<Double>, _ i: Int, _ count: Int) -> SIMD4<Double> {
  lanes(UnsafePointer(p), i, count)
}

/// Stores the lanes of `v` at `p + i`, those before `count` only.
@inline(__always)
private func store(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>, _ i: Int, _ count: Int) {
  if i + 4 <= count {
    UnsafeMutableRawPointer(p + i).storeBytes(of: v, as: SIMD4<Double>.self)
    return
  }
  for l in 0..<(count - i) { p[i + l] = v[l] }
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
/// wᵢ = ωᵢ μᵢ(1 − μᵢ),   H = XᵀWX (+ λI)               BLAS dsyrk on blocks of √W·X
/// g  = U(β) (or U*(β) for Firth, see addFirthScore)
/// s  = H⁻¹ g                                          LAPACK dpotrf + dpotrs
/// δ  = gᵀ s = ‖s‖²_H                                  (Newton decrement²)
/// if |ΔD| ≤ tol·(|D| + 0.1) (ΔD: the last step's change) and √δ ≤ tol:
///    β ← β + s, and stop
/// β ← β + s/2ᵏ, the smallest k ≥ 0 with D(β + s/2ᵏ) ≤ D(β)   (step halving)
/// ```
///
/// Each trial `β` costs one pass over the rows, which gives its objective and
/// also `H` and `g` for the next iteration should it be accepted (Firth: plus
/// a pass for the hat values). The final step, below `tol` standard errors,
/// is taken without a pass: `ℓ` would change by about `δ/2 ≤ tol²/2`, below
/// its rounding, so the reported `ℓ`, `H` and standard errors are those
/// computed before it (a relative difference of `O(tol)` in `H`). The
/// coefficients and the iteration count are those of the rule checked after
/// the final step (statsmodels counts the same steps).
///
/// The deviance rule is R's `glm.fit`. The gradient rule uses the Newton
/// decrement (Boyd & Vandenberghe 2004, §9.5.1): by Cauchy–Schwarz
/// `|sⱼ| ≤ √δ·√(H⁻¹)ⱼⱼ`, so `√δ ≤ tol` means the step moves no coefficient
/// by more than `tol` standard errors. Both are free of the units of `X`.
/// (Firth's iteration converges linearly, so the step rule matters there;
/// Newton's converges quadratically, and its final step is far below `tol`.) For Firth, `H = XᵀWX` is the Fisher
/// information and the step is Firth's modified-score iteration (Heinze &
/// Schemper 2002, §2). References: McCullagh & Nelder, *Generalized Linear
/// Models*, 2nd ed. (1989), §2.5 and §4.4; Firth, *Biometrika* 80 (1993) 27–38.
///
/// - Parameters:
///   - design: `X`, `n × k`, the intercept implied by ``IRLSDesign/intercept``.
///   - outcome: `y`, `n` values in `{0, 1}`.
///   - weights: `ω`, `n` prior weights (sample × class weights), `≥ 0`.
///   - options: iteration limit, tolerance, penalty.
///   - start: the first evaluation, at `β = 0`, when known without a pass
///     (every weight 1); `nil` to evaluate it.
///   - workspace: buffers for `k` coefficients; on return they hold `XᵀWX`,
///     the score and the extremes of `μ` at the last estimate evaluated (the
///     returned one, or the one before the final step).
/// - Returns: the estimate, the iteration count, why it stopped, the history,
///   and the Cholesky factor of that `H`.
/// - Complexity: O(n·k² + k³) per iteration and per step halving (Firth:
///   plus O(n·k²) per iteration for the hat values).
func irls(
  design: IRLSDesign, outcome: [Double], weights: [Double], options: IRLSOptions, start: IRLSStart? = nil,
  workspace ws: inout IRLSWorkspace
) -> IRLSOutcome {
  let p = design.width
  let penalty = options.penalty
  var beta = [Double](repeating: 0, count: p)
  var logLikelihood =
    if let start {
      ws.evaluate(start: start, penalty: penalty)
    } else {
      ws.evaluate(design: design, beta: beta, outcome: outcome, weights: weights, penalty: penalty)
    }
  var factor = try? ws.hessian.cholesky()
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
      logLikelihood: logLikelihood, factor: factor)
  }

  // One round more than the steps allowed, to check the last estimate (it takes no step).
  iterationLoop: for iteration in 1...(options.maxIterations + 1) {
    let singular: IRLSStop =
      iteration > options.maxIterations ? .iterationLimit : .singularHessian(iteration: iteration)
    guard let currentFactor = factor else {
      stop = singular
      break
    }
    do {
      if penalty == .firth {
        ws.addFirthScore(
          design: design, beta: beta, weights: weights, covariance: try currentFactor.inverse())
      }
      for j in 0..<p { ws.step[j] = ws.gradient[j] }
      try currentFactor.solve(inPlace: &ws.step)
    } catch {
      stop = singular
      break
    }
    var gradientNorm = 0.0
    var decrement = 0.0
    for j in 0..<p {
      gradientNorm = max(gradientNorm, abs(ws.gradient[j]))
      decrement += ws.gradient[j] * ws.step[j]
      lastStep[j] = ws.step[j]
    }
    // Converged: the last step changed the objective by little, and this
    // one moves no coefficient by more than tol standard errors. It is taken
    // without a pass over the rows at its end: there ℓ differs by about
    // δ/2 ≤ tol²/2 (below the rounding of ℓ) and H by a relative O(tol), so
    // ℓ, H and its factor stay those of the current estimate.
    // (After the last step allowed, the estimate is final as it is.)
    if lastChange <= options.tolerance * (abs(objective) + 0.1) && decrement.squareRoot() <= options.tolerance {
      if iteration <= options.maxIterations {
        for j in 0..<p { beta[j] += ws.step[j] }
        iterations = iteration
        history.append(IterationRecord(deviance: objective, stepHalvings: 0, gradientNorm: gradientNorm))
      }
      stop = .converged
      break
    }
    if iteration > options.maxIterations {
      stop = .iterationLimit
      break
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
        design: design, beta: ws.candidate, outcome: outcome, weights: weights, penalty: penalty)
      trialFactor = try? ws.hessian.cholesky()
      trialObjective = penalizedObjective(
        logLikelihood: trialLogLikelihood, beta: ws.candidate, penalty: penalty,
        factor: trialFactor)
      if trialObjective.isFinite && trialObjective <= objective + slack { break }
      halvings += 1
      if halvings > options.maxStepHalvings {
        // Restore the workspace to the last accepted estimate.
        logLikelihood = ws.evaluate(
          design: design, beta: beta, outcome: outcome, weights: weights, penalty: penalty)
        factor = try? ws.hessian.cholesky()
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

    if penalty == .none && ws.largestResidual < 1e-10 {
      stop = .perfectFit
      break
    }
  }
  return finish(stop)
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
