import LinearAlgebra

/// Finds, block by block, the nearest centre of every row with one BLAS
/// `dgemm` per block, and keeps the buffers it needs between calls so a
/// Lloyd iteration allocates nothing.
///
/// ```
/// P = −2 · C · X_bᵀ                       (dgemm, C: k × p centres, X_b: m × p block)
/// d²(i, j) = ‖xᵢ‖² + P[j, i] + ‖cⱼ‖²       (the expansion of ‖xᵢ − cⱼ‖²)
/// label(i) = argminⱼ (P[j, i] + ‖cⱼ‖²)    (ties → the lowest j)
/// ```
///
/// Memory is O(blockSize · k) whatever the number of rows. Internal kernel:
/// assumes validated input (finite data, `k ≥ 1`, centres with the blocks'
/// column count). Reference: the same expansion is scikit-learn's
/// `_update_chunk_dense` and `euclidean_distances`.
struct NearestCentreSearch {
  /// `k × blockSize` products for full blocks.
  private var product: Matrix
  /// Products for a shorter last block, if any.
  private var tailProduct: Matrix
  /// The squared norms `‖cⱼ‖²` of the current centres.
  private(set) var centreNorms: [Double]
  /// The number of centres.
  let k: Int

  /// Creates the buffers for `blocks` and `k` centres.
  ///
  /// - Complexity: O(blockSize · k) memory.
  init(blocks: RowBlocks, k: Int) {
    self.k = k
    let full = Swift.min(blocks.blockSize, blocks.rows)
    product = Matrix.zeros(rows: k, columns: full)
    let tail = blocks.rows % blocks.blockSize
    tailProduct = Matrix.zeros(rows: k, columns: tail == 0 ? full : tail)
    centreNorms = [Double](repeating: 0, count: k)
  }

  /// Stores the squared norms of `centres` (`k × p`) for the next searches.
  ///
  /// - Complexity: O(k · p).
  mutating func setCentres(_ centres: Matrix) {
    precondition(centres.rows == k, "setCentres: \(centres.rows) centres, expected \(k)")
    let p = centres.columns
    centres.withUnsafeBufferPointer { c in
      for j in 0..<k {
        var s = 0.0
        for f in 0..<p { s += c[f * k + j] * c[f * k + j] }
        centreNorms[j] = s
      }
    }
  }

  /// Assigns every row of one block to its nearest centre.
  ///
  /// Call ``setCentres(_:)`` with the same `centres` first.
  ///
  /// - Parameters:
  ///   - block: an `m × p` block of rows.
  ///   - rowNorms: the `m` squared row norms.
  ///   - centres: the `k × p` centres.
  ///   - labels: receives `m` labels in `0..<k`.
  ///   - distances: receives the `m` squared distances to the nearest centre
  ///     (from the expansion, clamped at 0).
  ///   - second: when not `nil`, receives the label of the second-nearest
  ///     centre (`-1` when `k == 1`) and its squared distance.
  /// - Complexity: O(m · k · p) (BLAS `dgemm`) plus O(m · k).
  mutating func assign(
    block: Matrix, rowNorms: [Double], centres: Matrix,
    labels: UnsafeMutableBufferPointer<Int32>, distances: UnsafeMutableBufferPointer<Double>,
    second: (labels: UnsafeMutableBufferPointer<Int32>, distances: UnsafeMutableBufferPointer<Double>)? = nil
  ) {
    let m = block.rows
    // P = −2 · C · X_bᵀ is k × m: the k values of row i are contiguous.
    if m == product.columns {
      Matrix.gemm(centres, block, transposeB: true, alpha: -2, beta: 0, into: &product)
      Self.argmin(product, m: m, k: k, centreNorms, rowNorms, labels, distances, second)
    } else {
      if tailProduct.columns != m { tailProduct = Matrix.zeros(rows: k, columns: m) }
      Matrix.gemm(centres, block, transposeB: true, alpha: -2, beta: 0, into: &tailProduct)
      Self.argmin(tailProduct, m: m, k: k, centreNorms, rowNorms, labels, distances, second)
    }
  }

  private static func argmin(
    _ product: Matrix, m: Int, k: Int, _ centreNorms: [Double], _ rowNorms: [Double],
    _ labels: UnsafeMutableBufferPointer<Int32>, _ distances: UnsafeMutableBufferPointer<Double>,
    _ second: (labels: UnsafeMutableBufferPointer<Int32>, distances: UnsafeMutableBufferPointer<Double>)?
  ) {
    product.withUnsafeBufferPointer { pp in
      centreNorms.withUnsafeBufferPointer { cn in
        rowNorms.withUnsafeBufferPointer { xn in
          if let second {
            for i in 0..<m {
              let base = i &* k
              var best = pp[base] + cn[0]
              var bestLabel: Int32 = 0
              var next = Double.infinity
              var nextLabel: Int32 = -1
              for j in 1..<Swift.max(1, k) {
                let d = pp[base &+ j] + cn[j]
                if d < best {
                  next = best
                  nextLabel = bestLabel
                  best = d
                  bestLabel = Int32(truncatingIfNeeded: j)
                } else if d < next {
                  next = d
                  nextLabel = Int32(truncatingIfNeeded: j)
                }
              }
              labels[i] = bestLabel
              distances[i] = Swift.max(best + xn[i], 0)
              second.labels[i] = nextLabel
              second.distances[i] = nextLabel < 0 ? .infinity : Swift.max(next + xn[i], 0)
            }
          } else {
            for i in 0..<m {
              let base = i &* k
              var best = pp[base] + cn[0]
              var bestLabel: Int32 = 0
              for j in 1..<Swift.max(1, k) {
                let d = pp[base &+ j] + cn[j]
                // A select, not a branch: the winner is unpredictable.
                bestLabel = d < best ? Int32(truncatingIfNeeded: j) : bestLabel
                best = d < best ? d : best
              }
              labels[i] = bestLabel
              let squared = best + xn[i]
              distances[i] = squared > 0 ? squared : 0
            }
          }
        }
      }
    }
  }
}
