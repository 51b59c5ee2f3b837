import Randomness
import Dispatch
import LinearAlgebra

/// k-means clustering: the hyper-parameters of a fit (scikit-learn's
/// `KMeans(...)`), validated in one place, and `fit` returning a new
/// ``KMeansResult``.
///
/// ```
/// minimise  inertia = Σᵢ minⱼ ‖xᵢ − cⱼ‖²   over k centres c₁ … c_k
/// ```
///
/// Each of `initialisations` restarts seeds with greedy k-means++
/// (`2 + ⌊ln k⌋` candidates per centre) and runs Lloyd's algorithm (or
/// mini-batch steps); the restart with the lowest inertia is kept (ties →
/// the earliest restart). Point–centre distances are computed only for the
/// rows whose nearest centre may have changed: a bound per row (the gap to
/// the second-nearest centre, lowered by how far the centres moved) settles
/// the others, so the labels are Lloyd's at a fraction of the distances
/// (Hamerly 2010). For up to 8 columns they are direct differences in
/// vector registers (C kernels built for AVX2 and the baseline, chosen at
/// run time, with identical results); for wider data, BLAS `dgemm` over
/// blocks of `blockSize` rows (`‖x‖² − 2·x·c + ‖c‖²`). k-means++ hands Lloyd
/// its first assignment. Memory beyond the data is O(n) for labels and
/// bounds per concurrent restart plus O(blockSize · k).
///
/// Convergence follows scikit-learn: Lloyd stops when the labels no longer
/// change or when the total squared centre shift `Σⱼ ‖Δcⱼ‖²` is at most
/// `tolerance × (mean of the per-column variances)`.
///
/// **Determinism.** Restart `r` draws from a ``Xoshiro256StarStar`` seeded
/// with the `r`-th SplitMix64 output of `seed`, and every sum runs in a fixed
/// order, so the same data, hyper-parameters and seed give a bit-identical
/// result on every run, whether restarts run in parallel or not.
///
/// **Mini-batch mode** (`.miniBatch(batchSize:)`) updates the centres from
/// random batches instead of full passes (Sculley 2010). Each step costs
/// O(batchSize · k · p) instead of O(n · k · p), so it pays off on very large
/// inputs (millions of rows) or when the data do not fit the time budget;
/// the price is a somewhat higher inertia (typically a few tenths of a
/// percent to a few percent) and centres that depend on the sampled batches.
/// `maxIterations` then counts epochs (passes' worth of batches).
///
/// Example:
/// ```swift
/// let result = try KMeans(k: 5, seed: 42).fit(standardized)
/// result.labels      // cluster of every customer, 0 = the largest segment
/// ```
///
/// Reference: Lloyd (1982); Arthur & Vassilvitskii, "k-means++: the
/// advantages of careful seeding", SODA 2007; Sculley, "Web-scale k-means
/// clustering", WWW 2010; Hamerly, "Making k-means even faster", SDM 2010;
/// Pedregosa et al., "Scikit-learn: machine learning
/// in Python", JMLR 12, 2011 (`sklearn.cluster.KMeans`).
public struct KMeans: Sendable, Equatable, Hashable {
  /// How centres are updated.
  public enum Algorithm: Sendable, Equatable, Hashable {
    /// Full Lloyd iterations (exact; the default).
    case lloyd
    /// Mini-batch updates from `batchSize` random rows per step.
    case miniBatch(batchSize: Int)
  }

  /// The number of clusters, `≥ 1`.
  public var k: Int
  /// The number of k-means++ restarts (scikit-learn `n_init`), `≥ 1`; default 10.
  public var initialisations: Int
  /// The iteration limit per restart (epochs in mini-batch mode), `≥ 1`; default 300.
  public var maxIterations: Int
  /// The relative tolerance on the total squared centre shift, `≥ 0`;
  /// multiplied by the mean per-column variance of the data. Default `1e-4`.
  public var tolerance: Double
  /// The seed of all random choices.
  public var seed: UInt64
  /// Lloyd (default) or mini-batch.
  public var algorithm: Algorithm
  /// Rows per block of the data's copy, `≥ 1`; default 4,096. Changes only how some
  /// sums are grouped, so at most the last digits.
  public var blockSize: Int
  /// Whether restarts run concurrently (on all cores); does not change the result.
  public var parallelRestarts: Bool

  /// Creates a k-means configuration.
  ///
  /// - Parameters:
  ///   - k: the number of clusters, `≥ 1`.
  ///   - initialisations: restarts, `≥ 1` (default 10).
  ///   - maxIterations: iterations per restart, `≥ 1` (default 300).
  ///   - tolerance: relative centre-shift tolerance, `≥ 0` (default `1e-4`).
  ///   - seed: the random seed (default 0).
  ///   - algorithm: `.lloyd` (default) or `.miniBatch(batchSize:)`.
  ///   - blockSize: rows per block of the data's copy (default 4,096).
  ///   - parallelRestarts: run restarts concurrently (default `true`).
  public init(
    k: Int, initialisations: Int = 10, maxIterations: Int = 300, tolerance: Double = 1e-4,
    seed: UInt64 = 0, algorithm: Algorithm = .lloyd, blockSize: Int = 4096,
    parallelRestarts: Bool = true
  ) {
    self.k = k
    self.initialisations = initialisations
    self.maxIterations = maxIterations
    self.tolerance = tolerance
    self.seed = seed
    self.algorithm = algorithm
    self.blockSize = blockSize
    self.parallelRestarts = parallelRestarts
  }

  /// Checks every hyper-parameter's range (scikit-learn's `_parameter_constraints`).
  ///
  /// ```
  /// k ≥ 1,  initialisations ≥ 1,  maxIterations ≥ 1,  0 ≤ tolerance < ∞,
  /// blockSize ≥ 1,  batchSize ≥ 1
  /// ```
  ///
  /// - Throws: `ModelError.invalidParameter(name:value:reason:)` naming the
  ///   first parameter out of range.
  /// - Complexity: O(1).
  public func validate() throws(ModelError) {
    if k < 1 { throw .invalidParameter(name: "k", value: "\(k)", reason: "must be at least 1") }
    if initialisations < 1 {
      throw .invalidParameter(
        name: "initialisations", value: "\(initialisations)", reason: "must be at least 1")
    }
    if maxIterations < 1 {
      throw .invalidParameter(
        name: "maxIterations", value: "\(maxIterations)", reason: "must be at least 1")
    }
    if !(tolerance >= 0) || !tolerance.isFinite {
      throw .invalidParameter(
        name: "tolerance", value: "\(tolerance)", reason: "must be a finite number ≥ 0")
    }
    if blockSize < 1 {
      throw .invalidParameter(name: "blockSize", value: "\(blockSize)", reason: "must be at least 1")
    }
    if case .miniBatch(let batchSize) = algorithm, batchSize < 1 {
      throw .invalidParameter(name: "batchSize", value: "\(batchSize)", reason: "must be at least 1")
    }
  }

  /// Clusters the rows of `data` into `k` groups.
  ///
  /// ```
  /// for r in 0..<initialisations:  seeds ← k-means++(rng_r);  run_r ← Lloyd(seeds)
  /// best ← argmin_r inertia(run_r)   (ties → lowest r);  labels canonicalised
  /// ```
  ///
  /// The result's clusters are in canonical order (see ``KMeansResult``).
  /// Statistical trouble is reported in ``KMeansResult/diagnostics``:
  /// constant columns, fewer distinct rows than `k` (the extra clusters are
  /// then empty), re-seeded empty clusters, and non-convergence.
  ///
  /// - Parameter data: an `n × p` matrix, one row per observation (usually
  ///   standardized features); `n ≥ k`, `p ≥ 1`, every value finite.
  /// - Returns: centres, labels, inertia, per-restart inertias and diagnostics.
  /// - Throws: `ModelError.invalidParameter` for a hyper-parameter out of range
  ///   or a matrix without columns, `.tooFewSamples(required: k, actual: n)`
  ///   when `n < k`, `.invalidValue(column:row:value:)` for NaN or infinity.
  /// - Complexity: O(initialisations · iterations · n · k · p) time; O(n · p)
  ///   memory for a centred copy of the data, plus O(n) per concurrent restart.
  public func fit(_ data: Matrix) throws(ModelError) -> KMeansResult {
    try validate()
    try Self.checkData(data, k: k)
    let p = data.columns
    var diagnostics: [KMeansDiagnostic] = Self.constantColumns(data).map {
      .constantColumn(index: $0)
    }
    let blocks = RowBlocks(data, blockSize: blockSize, centre: true)
    let absoluteTolerance = tolerance * blocks.meanColumnVariance()

    var seeds = SplitMix64(seed: seed)
    let restartSeeds = (0..<initialisations).map { _ in seeds.next() }
    let runs = ConcurrentSlots<RestartOutcome?>(repeating: nil, count: initialisations)
    let configuration = self
    let work: @Sendable (Int) -> Void = { r in
      runs[r] = configuration.restart(blocks: blocks, seed: restartSeeds[r], tolerance: absoluteTolerance)
    }
    if parallelRestarts && initialisations > 1 {
      DispatchQueue.concurrentPerform(iterations: initialisations, execute: work)
    } else {
      for r in 0..<initialisations { work(r) }
    }
    let outcomes = (0..<initialisations).map { runs[$0]! }
    var best = 0
    for r in 1..<initialisations where outcomes[r].run.inertia < outcomes[best].run.inertia {
      best = r
    }
    let winner = outcomes[best]
    if winner.found < k {
      diagnostics.append(.fewerDistinctPointsThanK(found: winner.found, k: k))
    }
    for event in winner.run.reseeded {
      diagnostics.append(
        .emptyClusterReseeded(restart: best, cluster: event.cluster, iteration: event.iteration))
    }
    if !winner.run.converged {
      diagnostics.append(
        .notConverged(
          iterations: winner.run.iterations, lastShift: winner.run.lastShift,
          tolerance: absoluteTolerance))
    }
    return KMeansResult(
      canonicalising: winner.run, k: k, columns: p, columnMeans: blocks.columnMeans,
      restartInertias: outcomes.map(\.run.inertia), bestRestart: best, diagnostics: diagnostics)
  }

  /// One restart: seeding, then Lloyd or mini-batch. Assumes validated input.
  private func restart(blocks: RowBlocks, seed: UInt64, tolerance: Double) -> RestartOutcome {
    var generator = Xoshiro256StarStar(seed: seed)
    switch algorithm {
    case .lloyd:
      let seeding = kMeansPlusPlus(blocks: blocks, k: k, generator: &generator)
      let run = lloyd(
        blocks: blocks, initialCentres: seeding.centres, initialAssignment: seeding.nearest,
        maxIterations: maxIterations, tolerance: tolerance)
      return RestartOutcome(run: run, found: seeding.found)
    case .miniBatch(let batchSize):
      // Seed on a random sample of 3 · batchSize rows (scikit-learn's init_size).
      let sampleSize = Swift.min(blocks.rows, Swift.max(3 * batchSize, 3 * k))
      var seeding: Seeding
      if sampleSize < blocks.rows {
        var sample = Matrix.zeros(rows: sampleSize, columns: blocks.columns)
        for r in 0..<sampleSize {
          let x = blocks.row(generator.nextIndex(below: blocks.rows))
          for f in 0..<blocks.columns { sample[r, f] = x[f] }
        }
        let sampleBlocks = RowBlocks(sample, blockSize: blockSize, centre: false)
        seeding = kMeansPlusPlus(blocks: sampleBlocks, k: k, generator: &generator)
        if seeding.found < k {
          seeding = kMeansPlusPlus(blocks: blocks, k: k, generator: &generator)
        }
      } else {
        seeding = kMeansPlusPlus(blocks: blocks, k: k, generator: &generator)
      }
      let run = miniBatchKMeans(
        blocks: blocks, initialCentres: seeding.centres, batchSize: batchSize,
        maxEpochs: maxIterations, tolerance: tolerance, generator: &generator)
      return RestartOutcome(run: run, found: seeding.found)
    }
  }

  /// The shape and value checks of `fit` (scikit-learn's `_check_params_vs_input`).
  static func checkData(_ data: Matrix, k: Int) throws(ModelError) {
    if data.columns < 1 {
      throw .invalidParameter(name: "data", value: "\(data.rows)×0", reason: "needs at least one column")
    }
    if data.rows < k { throw .tooFewSamples(required: k, actual: data.rows) }
    let n = data.rows
    let bad: (row: Int, column: Int, value: Double)? = data.withUnsafeBufferPointer { x in
      for c in 0..<data.columns {
        for r in 0..<n where !x[c * n + r].isFinite { return (r, c, x[c * n + r]) }
      }
      return nil
    }
    if let bad { throw .invalidValue(column: "\(bad.column + 1)", row: bad.row, value: bad.value) }
  }

  /// The 0-based indices of the columns whose values are all equal.
  static func constantColumns(_ data: Matrix) -> [Int] {
    let n = data.rows
    guard n > 0 else { return [] }
    return data.withUnsafeBufferPointer { x in
      (0..<data.columns).filter { c in
        let first = x[c * n]
        return (1..<n).allSatisfy { x[c * n + $0] == first }
      }
    }
  }
}

/// A restart's run and the number of distinct seeds it found.
struct RestartOutcome: Sendable {
  var run: ClusteringRun
  var found: Int
}
