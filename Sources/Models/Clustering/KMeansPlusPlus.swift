import CKMeans
import Randomness
import LinearAlgebra

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The seeding chosen by ``kMeansPlusPlus(blocks:k:generator:)``.
struct Seeding: Sendable {
  /// `found × p` centres (centred coordinates); `found == k` unless the data
  /// hold fewer than `k` distinct rows.
  var centres: Matrix
  /// The number of centres chosen: `k`, or the number of distinct rows when
  /// that is smaller (every row then coincides with a centre).
  var found: Int
  /// Every row's nearest centre and squared distances to it and to the
  /// second-nearest: Lloyd's first assignment, found on the way.
  var nearest: NearestSeeds
}

/// Chooses `k` initial centres by greedy k-means++: each new centre is the
/// best of `2 + ⌊ln k⌋` candidates drawn with probability proportional to
/// the squared distance to the nearest centre chosen so far.
///
/// ```
/// c₁ ~ uniform over the rows
/// for each next centre:
///   D²(i) = minⱼ ‖xᵢ − cⱼ‖²,  φ = Σᵢ D²(i)
///   draw L = 2 + ⌊ln k⌋ candidates, P(i) = D²(i) / φ
///   keep the candidate y minimising Σᵢ min(D²(i), ‖xᵢ − y‖²)
/// ```
///
/// A candidate is the first row whose running sum of `D²` exceeds `u·φ`
/// (`u` uniform in `[0, 1)`), so it always has `D²(i) > 0`: a row equal to a
/// chosen centre is never chosen again. When `φ` reaches exactly zero before
/// `k` centres are chosen, every row equals a chosen centre, and the data
/// hold exactly `found` distinct rows; seeding stops there.
///
/// Distances are computed directly, `Σ_f (x_f − y_f)²`, so identical rows are
/// at distance exactly 0 (the BLAS expansion can leave rounding residue).
/// Each pass that lowers `D²` to a new centre also keeps every row's
/// nearest centre and its second-smallest `D²`, so the result carries
/// Lloyd's first assignment and no pass over the data is spent on it.
///
/// Internal kernel: assumes validated input (finite data, `1 ≤ k ≤ n`).
///
/// - Parameters:
///   - blocks: the (centred) rows.
///   - k: the number of centres wanted.
///   - generator: the restart's seeded generator; advanced.
/// - Returns: the chosen centres and how many were found.
/// - Complexity: O(n · p · k · (2 + ln k)) time, O(n) memory.
/// Reference: Arthur & Vassilvitskii, "k-means++: the advantages of careful
/// seeding", SODA 2007; the greedy variant with `2 + ⌊ln k⌋` trials is
/// scikit-learn's `_kmeans_plusplus`.
func kMeansPlusPlus(blocks: RowBlocks, k: Int, generator: inout Xoshiro256StarStar) -> Seeding {
  let n = blocks.rows
  let p = blocks.columns
  let trials = 2 + Int(log(Double(k)))
  var chosen: [[Double]] = []
  let first = blocks.row(generator.nextIndex(below: n))
  chosen.append(first)
  var nearest = NearestSeeds(rows: n)
  var blockSums = [Double](repeating: 0, count: blocks.blockCount)
  updateClosest(blocks: blocks, centre: first, index: 0, nearest: &nearest, blockSums: &blockSums)
  var potential = blockSums.reduce(0, +)

  while chosen.count < k {
    if potential == 0 { break }
    var candidates: [[Double]] = []
    for _ in 0..<trials {
      let target = generator.nextUnit() * potential
      let index = sampleIndex(target: target, closest: nearest.closest, blockSums: blockSums, blocks: blocks)
      candidates.append(blocks.row(index))
    }
    // Potential after adding each candidate, `Σ_r min(D²(r), ‖x_r − y_t‖²)`,
    // in one pass over the data (analyze_kmeans_candidate_sums).
    let flat = Array(candidates.joined())  // trials × p, row-major
    var potentials = [Double](repeating: 0, count: trials)
    nearest.closest.withUnsafeBufferPointer { d in
      flat.withUnsafeBufferPointer { y in
        potentials.withUnsafeMutableBufferPointer { totals in
          for b in 0..<blocks.blockCount {
            blocks.blocks[b].withUnsafeBufferPointer { x in
              analyze_kmeans_candidate_sums(
                x.baseAddress!, blocks.blocks[b].rows, p, y.baseAddress!, trials, d.baseAddress! + blocks.start(ofBlock: b),
                totals.baseAddress!)
            }
          }
        }
      }
    }
    var best = 0
    for t in 1..<trials where potentials[t] < potentials[best] { best = t }
    chosen.append(candidates[best])
    updateClosest(
      blocks: blocks, centre: candidates[best], index: chosen.count - 1, nearest: &nearest, blockSums: &blockSums)
    potential = blockSums.reduce(0, +)
  }
  let found = chosen.count
  var centres = Matrix.zeros(rows: found, columns: p)
  for j in 0..<found {
    for f in 0..<p { centres[j, f] = chosen[j][f] }
  }
  return Seeding(centres: centres, found: found, nearest: nearest)
}

/// Per row: `D²` to the nearest centre chosen so far, the second-smallest
/// `D²` (`+∞` while one centre is chosen), and the nearest centre's index
/// (ties → the first chosen).
struct NearestSeeds: Sendable {
  var closest: [Double]
  var second: [Double]
  var labels: [Int32]

  init(rows n: Int) {
    closest = [Double](repeating: .infinity, count: n)
    second = [Double](repeating: .infinity, count: n)
    labels = [Int32](repeating: 0, count: n)
  }
}

/// Lowers each row's `D²` to its squared distance to `centre` (chosen as
/// centre `index`) where that is smaller, keeping the nearest and second
/// nearest, and recomputes each block's sum of `D²` (analyze_kmeans_lower).
private func updateClosest(
  blocks: RowBlocks, centre y: [Double], index: Int, nearest: inout NearestSeeds, blockSums: inout [Double]
) {
  nearest.closest.withUnsafeMutableBufferPointer { d in
    nearest.second.withUnsafeMutableBufferPointer { s in
      nearest.labels.withUnsafeMutableBufferPointer { l in
        y.withUnsafeBufferPointer { y in
          for b in 0..<blocks.blockCount {
            let start = blocks.start(ofBlock: b)
            blockSums[b] = blocks.blocks[b].withUnsafeBufferPointer { x in
              analyze_kmeans_lower(
                d.baseAddress! + start, s.baseAddress! + start, l.baseAddress! + start, x.baseAddress!,
                blocks.blocks[b].rows, y.count, y.baseAddress!, Int32(truncatingIfNeeded: index))
            }
          }
        }
      }
    }
  }
}

/// The first row whose running sum of `closest` exceeds `target`; rows with
/// `closest == 0` are never returned while some row has `closest > 0`.
///
/// ```
/// i = min { i : Σ_{r ≤ i} D²(r) > target }   (block sums first, then within the block)
/// ```
private func sampleIndex(
  target: Double, closest: [Double], blockSums: [Double], blocks: RowBlocks
) -> Int {
  var running = 0.0
  var lastPositiveBlock = -1
  for b in 0..<blockSums.count {
    if blockSums[b] > 0 { lastPositiveBlock = b }
    guard running + blockSums[b] > target else {
      running += blockSums[b]
      continue
    }
    let start = blocks.start(ofBlock: b)
    let m = blocks.blocks[b].rows
    var lastPositive = -1
    for i in start..<(start + m) where closest[i] > 0 {
      running += closest[i]
      lastPositive = i
      if running > target { return i }
    }
    return lastPositive  // rounding: the block's sum exceeded target, its prefix did not
  }
  // Rounding pushed target past the total: take the last row with D² > 0.
  let start = blocks.start(ofBlock: lastPositiveBlock)
  let m = blocks.blocks[lastPositiveBlock].rows
  for i in stride(from: start + m - 1, through: start, by: -1) where closest[i] > 0 { return i }
  preconditionFailure("sampleIndex: no row with positive distance although the potential is positive")
}
