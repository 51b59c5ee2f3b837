import LinearAlgebra

/// What one run of Lloyd's algorithm (or of mini-batch k-means) produced,
/// in the centred coordinates of its ``RowBlocks``.
struct ClusteringRun: Sendable {
  /// The `k × p` centres.
  var centres: Matrix
  /// The nearest-centre label of every row.
  var labels: [Int32]
  /// `Σᵢ ‖xᵢ − c_{label(i)}‖²`, computed directly (not by the expansion).
  var inertia: Double
  /// The number of iterations (Lloyd) or mini-batch steps done.
  var iterations: Int
  /// Whether the stopping rule was met before the iteration limit.
  var converged: Bool
  /// The total squared centre shift of the last iteration.
  var lastShift: Double
  /// `(cluster, iteration)` for every empty cluster that was re-seeded.
  var reseeded: [(cluster: Int, iteration: Int)]
}

/// Runs Lloyd's algorithm from the given centres until the labels stop
/// changing, the centres move less than `tolerance`, or `maxIterations` is reached.
///
/// ```
/// repeat
///   label(i) ← argminⱼ ‖xᵢ − cⱼ‖²                (BoundedAssignment: only for the rows
///                                                 whose bound does not settle it)
///   cⱼ      ← (1/|Sⱼ|) Σ_{i ∈ Sⱼ} xᵢ
///   shift   ← Σⱼ ‖cⱼ(new) − cⱼ(old)‖²
/// until labels unchanged  or  shift ≤ tolerance  or  iteration = maxIterations
/// then, unless the labels were unchanged, one more assignment to the final centres
/// ```
///
/// This is scikit-learn's `_kmeans_single_lloyd` loop; the bounds only skip
/// distance computations whose outcome is already known, so every
/// iteration's labels are Lloyd's. The sums are summed afresh after the
/// first assignment and after a re-seeding, and otherwise follow the rows
/// that change cluster. An empty cluster is re-seeded at the point farthest
/// from its current centre (largest squared distance, ties → lowest row
/// index), taking that point out of its old cluster's sum, as in
/// scikit-learn's `_relocate_empty_clusters`; a point is never taken from a
/// cluster it is the only member of.
///
/// Internal kernel: assumes validated input (finite data, `1 ≤ k ≤` the
/// number of distinct rows, `maxIterations ≥ 1`, `tolerance ≥ 0` already
/// scaled to the data). Deterministic: all sums run in a fixed order.
///
/// - Parameters:
///   - blocks: the (centred) rows.
///   - initialCentres: `k × p` starting centres, usually from ``kMeansPlusPlus(blocks:k:generator:)``.
///   - initialAssignment: every row's nearest initial centre and squared
///     distances to it and the second-nearest (``Seeding/nearest``), which
///     the first iteration then takes instead of computing; `nil` to compute it.
///   - maxIterations: the iteration limit (scikit-learn default 300).
///   - tolerance: the absolute limit on the total squared centre shift.
/// - Returns: the final centres, labels, inertia and convergence record.
/// - Complexity: O(iterations · n · k · p) time at worst, far less once most
///   rows keep their centre; O(n) memory for labels and bounds plus
///   O(blockSize · (k + p)).
/// Reference: Lloyd, "Least squares quantization in PCM", IEEE Trans. Inf.
/// Theory 28(2), 1982; Hamerly, "Making k-means even faster", SDM 2010.
func lloyd(
  blocks: RowBlocks, initialCentres: Matrix, initialAssignment: NearestSeeds? = nil,
  maxIterations: Int, tolerance: Double
) -> ClusteringRun {
  let n = blocks.rows
  let p = blocks.columns
  let k = initialCentres.rows
  var centres = initialCentres
  var assignment = BoundedAssignment(blocks: blocks, k: k, seeds: initialAssignment)
  var labels = initialAssignment?.labels ?? [Int32](repeating: 0, count: n)
  var sums = [Double](repeating: 0, count: k * p)  // row-major k × p
  var counts = [Int](repeating: 0, count: k)
  var freshSums = true
  var reseeded: [(cluster: Int, iteration: Int)] = []
  var iterations = 0
  var lastShift = Double.infinity
  var labelsUnchanged = false
  var converged = false

  for iteration in 1...maxIterations {
    iterations = iteration
    // The seeds' assignment is the first iteration's.
    let changed =
      iteration == 1 && initialAssignment != nil
      ? n
      : assignment.assign(
        blocks: blocks, centres: centres, labels: &labels, sums: &sums, counts: &counts, moving: !freshSums)
    if freshSums {
      (sums, counts) = clusterSums(blocks: blocks, labels: labels, k: k)
      freshSums = false
    }
    if counts.contains(0) {
      // The squared distance of every row to its nearest centre, which is its label.
      var distances = NearestCentreSearch.nearest(blocks: blocks, centres: centres).distances
      for cluster in reseedEmptyClusters(
        blocks: blocks, labels: labels, distances: &distances, sums: &sums, counts: &counts)
      {
        reseeded.append((cluster, iteration))
      }
      // A re-seeded point keeps its label until the next assignment, so the
      // sums no longer follow the labels: sum afresh next time.
      freshSums = true
    }
    var newCentres = centres
    var shift = 0.0
    newCentres.withUnsafeMutableBufferPointer { c in
      for j in 0..<k where counts[j] > 0 {
        let scale = 1 / Double(counts[j])
        for f in 0..<p {
          let value = sums[j * p + f] * scale
          let delta = value - c[f * k + j]
          shift += delta * delta
          c[f * k + j] = value
        }
      }
    }
    assignment.centresMoved(from: centres, to: newCentres)
    centres = newCentres
    lastShift = shift
    // The first assignment has no earlier labels to compare with.
    if iteration > 1 && changed == 0 {
      labelsUnchanged = true
      converged = true
      break
    }
    if shift <= tolerance {
      converged = true
      break
    }
  }
  if !labelsUnchanged {
    // The labels belong to the centres before the last update: assign again.
    _ = assignment.assign(
      blocks: blocks, centres: centres, labels: &labels, sums: &sums, counts: &counts, moving: false)
  }
  let inertia = exactInertia(blocks: blocks, centres: centres, labels: labels)
  return ClusteringRun(
    centres: centres, labels: labels, inertia: inertia, iterations: iterations,
    converged: converged, lastShift: lastShift, reseeded: reseeded)
}

/// Each cluster's sum (`k × p`, row-major) and size, summed in row order.
///
/// Row r of a block adds into lane r mod 4, so consecutive rows of the same
/// cluster do not wait on each other's stores; the lanes are then added in
/// a fixed order.
///
/// - Complexity: O(n · p).
func clusterSums(blocks: RowBlocks, labels: [Int32], k: Int) -> (sums: [Double], counts: [Int]) {
  let p = blocks.columns
  let lanes = 4
  var laneSums = [Double](repeating: 0, count: lanes * k * p)
  var laneCounts = [Int](repeating: 0, count: lanes * k)
  labels.withUnsafeBufferPointer { lp in
    laneSums.withUnsafeMutableBufferPointer { acc in
      laneCounts.withUnsafeMutableBufferPointer { cnt in
        for b in 0..<blocks.blockCount {
          let m = blocks.blocks[b].rows
          let start = blocks.start(ofBlock: b)
          blocks.blocks[b].withUnsafeBufferPointer { x in
            for r in 0..<m {
              let lane = r & (lanes &- 1)
              let j = Int(truncatingIfNeeded: lp[start &+ r])
              cnt[lane &* k &+ j] &+= 1
              let base = lane &* k &* p &+ j &* p
              for f in 0..<p { acc[base &+ f] += x[f &* m &+ r] }
            }
          }
        }
      }
    }
  }
  var sums = [Double](repeating: 0, count: k * p)
  var counts = [Int](repeating: 0, count: k)
  for j in 0..<k {
    for lane in 0..<lanes { counts[j] += laneCounts[lane * k + j] }
    for f in 0..<p {
      var sum = 0.0
      for lane in 0..<lanes { sum += laneSums[lane * k * p + j * p + f] }
      sums[j * p + f] = sum
    }
  }
  return (sums, counts)
}

/// Moves the farthest points into the empty clusters (scikit-learn's
/// `_relocate_empty_clusters`), adjusting the running sums and counts.
///
/// ```
/// for each empty cluster e (ascending):
///   i ← argmax { d²(i) : i not yet moved, |S_label(i)| > 1 }   (ties → lowest i)
///   sums[label(i)] −= xᵢ;  counts[label(i)] −= 1;  sums[e] = xᵢ;  counts[e] = 1
/// ```
///
/// - Returns: the clusters that were re-seeded.
/// - Complexity: O(n) per empty cluster.
func reseedEmptyClusters(
  blocks: RowBlocks, labels: [Int32], distances: inout [Double], sums: inout [Double],
  counts: inout [Int]
) -> [Int] {
  let p = blocks.columns
  var done: [Int] = []
  for empty in 0..<counts.count where counts[empty] == 0 {
    var best = -1
    var bestDistance = -Double.infinity
    for i in 0..<labels.count where distances[i] > bestDistance && counts[Int(labels[i])] > 1 {
      best = i
      bestDistance = distances[i]
    }
    guard best >= 0 else { continue }
    let old = Int(labels[best])
    let x = blocks.row(best)
    for f in 0..<p {
      sums[old * p + f] -= x[f]
      sums[empty * p + f] = x[f]
    }
    counts[old] -= 1
    counts[empty] = 1
    distances[best] = -Double.infinity  // never picked twice
    done.append(empty)
  }
  return done
}

/// The sum of squared distances of every row to its labelled centre,
/// computed directly in row order.
///
/// ```
/// inertia = Σᵢ Σ_f (xᵢf − c_{label(i), f})²
/// ```
///
/// - Complexity: O(n · p).
func exactInertia(blocks: RowBlocks, centres: Matrix, labels: [Int32]) -> Double {
  let p = blocks.columns
  let k = centres.rows
  var total = 0.0
  centres.withUnsafeBufferPointer { c in
    for b in 0..<blocks.blockCount {
      let block = blocks.blocks[b]
      let m = block.rows
      let start = blocks.start(ofBlock: b)
      block.withUnsafeBufferPointer { x in
        for r in 0..<m {
          let j = Int(labels[start + r])
          var s = 0.0
          for f in 0..<p {
            let d = x[f * m + r] - c[f * k + j]
            s += d * d
          }
          total += s
        }
      }
    }
  }
  return total
}
