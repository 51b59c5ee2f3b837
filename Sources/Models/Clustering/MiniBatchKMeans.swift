import Randomness
import LinearAlgebra

/// Runs mini-batch k-means: each step draws `batchSize` rows at random,
/// assigns them to the nearest centre, and moves every centre towards the
/// mean of its batch points with a per-centre learning rate `1 / count`.
///
/// ```
/// for each step:
///   B ← batchSize rows drawn uniformly with replacement
///   for each centre j with batch points Bⱼ:
///     Nⱼ ← Nⱼ + |Bⱼ|;   cⱼ ← cⱼ + (Σ_{x ∈ Bⱼ} x − |Bⱼ|·cⱼ) / Nⱼ
///   stop when Σⱼ ‖Δcⱼ‖² ≤ tolerance, or when the smoothed batch inertia
///   (EWA, α = min(1, 2·batchSize / (n + 1))) has not improved for 10 steps,
///   or after maxEpochs · ⌈n / batchSize⌉ steps
/// finally assign every row once (blocked dgemm) for labels and inertia
/// ```
///
/// Internal kernel: assumes validated input (finite data, `1 ≤ k ≤` distinct
/// rows, `batchSize ≥ 1`). Centres that receive no batch point stay where
/// they are (scikit-learn additionally re-assigns rarely hit centres; this
/// kernel does not). Deterministic for a given generator state.
///
/// - Parameters:
///   - blocks: the (centred) rows.
///   - initialCentres: `k × p` starting centres.
///   - batchSize: rows per step.
///   - maxEpochs: the limit on passes' worth of steps.
///   - tolerance: the absolute limit on the total squared centre shift.
///   - generator: the restart's seeded generator; advanced.
/// - Returns: the final centres and the labels and inertia of all rows.
/// - Complexity: O(steps · batchSize · k · p + n · k · p).
/// Reference: Sculley, "Web-scale k-means clustering", WWW 2010; the
/// stopping rule is scikit-learn's `MiniBatchKMeans._mini_batch_convergence`.
func miniBatchKMeans(
  blocks: RowBlocks, initialCentres: Matrix, batchSize: Int, maxEpochs: Int, tolerance: Double,
  generator: inout Xoshiro256StarStar
) -> ClusteringRun {
  let n = blocks.rows
  let p = blocks.columns
  let k = initialCentres.rows
  let b = Swift.min(batchSize, n)
  let stepsPerEpoch = (n + b - 1) / b
  let maxSteps = maxEpochs * stepsPerEpoch
  let alpha = Swift.min(1, 2 * Double(b) / Double(n + 1))
  var centres = initialCentres
  var batch = Matrix.zeros(rows: b, columns: p)
  var batchNorms = [Double](repeating: 0, count: b)
  let batchBlocks = RowBlocks(batch, blockSize: b, centre: false)
  var search = NearestCentreSearch(blocks: batchBlocks, k: k)
  var batchLabels = [Int32](repeating: 0, count: b)
  var batchDistances = [Double](repeating: 0, count: b)
  var totalCounts = [Double](repeating: 0, count: k)
  var sums = [Double](repeating: 0, count: k * p)
  var counts = [Int](repeating: 0, count: k)
  var smoothed: Double? = nil
  var bestSmoothed = Double.infinity
  var stepsWithoutImprovement = 0
  var steps = 0
  var converged = false
  var lastShift = Double.infinity

  while steps < maxSteps {
    steps += 1
    batch.withUnsafeMutableBufferPointer { bp in
      for r in 0..<b {
        let x = blocks.row(generator.nextIndex(below: n))
        var s = 0.0
        for f in 0..<p {
          bp[f * b + r] = x[f]
          s += x[f] * x[f]
        }
        batchNorms[r] = s
      }
    }
    search.setCentres(centres)
    batchLabels.withUnsafeMutableBufferPointer { lp in
      batchDistances.withUnsafeMutableBufferPointer { dp in
        search.assign(block: batch, rowNorms: batchNorms, centres: centres, labels: lp, distances: dp)
      }
    }
    for j in 0..<(k * p) { sums[j] = 0 }
    for j in 0..<k { counts[j] = 0 }
    var batchInertia = 0.0
    batch.withUnsafeBufferPointer { x in
      for r in 0..<b {
        let j = Int(batchLabels[r])
        counts[j] += 1
        for f in 0..<p { sums[j * p + f] += x[f * b + r] }
        batchInertia += batchDistances[r]
      }
    }
    var shift = 0.0
    centres.withUnsafeMutableBufferPointer { c in
      for j in 0..<k where counts[j] > 0 {
        totalCounts[j] += Double(counts[j])
        for f in 0..<p {
          let old = c[f * k + j]
          let new = old + (sums[j * p + f] - Double(counts[j]) * old) / totalCounts[j]
          shift += (new - old) * (new - old)
          c[f * k + j] = new
        }
      }
    }
    lastShift = shift
    if tolerance > 0 && shift <= tolerance {
      converged = true
      break
    }
    let meanInertia = batchInertia / Double(b)
    let ewa = smoothed.map { $0 * (1 - alpha) + meanInertia * alpha } ?? meanInertia
    smoothed = ewa
    if ewa < bestSmoothed {
      bestSmoothed = ewa
      stepsWithoutImprovement = 0
    } else {
      stepsWithoutImprovement += 1
      if stepsWithoutImprovement >= 10 {
        converged = true
        break
      }
    }
  }

  // Labels and inertia of every row for the final centres.
  let labels = NearestCentreSearch.nearest(blocks: blocks, centres: centres).labels
  let inertia = exactInertia(blocks: blocks, centres: centres, labels: labels)
  return ClusteringRun(
    centres: centres, labels: labels, inertia: inertia, iterations: steps,
    converged: converged, lastShift: lastShift, reseeded: [])
}
