import LinearAlgebra

/// Finds, block by block, the nearest centre of every row with one BLAS
/// `dgemm` per block, and keeps the buffers it needs between calls so a
/// Lloyd iteration allocates nothing.
///
/// ```
/// P = −2 · X_b · Cᵀ                       (dgemm, X_b: m × p block, C: k × p centres)
/// d²(i, j) = ‖xᵢ‖² + P[i, j] + ‖cⱼ‖²       (the expansion of ‖xᵢ − cⱼ‖²)
/// label(i) = argminⱼ (P[i, j] + ‖cⱼ‖²)    (ties → the lowest j)
/// ```
///
/// P is m × k, so each centre's column is contiguous and the argmin runs
/// four rows at a time in vector registers, centre by centre. Memory is
/// O(blockSize · k) whatever the number of rows. Internal kernel: assumes
/// validated input (finite data, `k ≥ 1`, centres with the blocks'
/// column count). Reference: the same expansion is scikit-learn's
/// `_update_chunk_dense` and `euclidean_distances`.
struct NearestCentreSearch {
  /// `blockSize × k` products for full blocks.
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
    product = Matrix.zeros(rows: full, columns: k)
    let tail = blocks.rows % blocks.blockSize
    tailProduct = Matrix.zeros(rows: tail == 0 ? full : tail, columns: k)
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
    Self.argmin(multiply(block, centres), m: block.rows, k: k, centreNorms, rowNorms, labels, distances, second)
  }

  /// The nearest centre of every row of `blocks`, and its squared distance.
  ///
  /// - Complexity: O(n · k · p) (BLAS `dgemm` per block).
  static func nearest(blocks: RowBlocks, centres: Matrix) -> (labels: [Int32], distances: [Double]) {
    var search = NearestCentreSearch(blocks: blocks, k: centres.rows)
    search.setCentres(centres)
    var labels = [Int32](repeating: 0, count: blocks.rows)
    var distances = [Double](repeating: 0, count: blocks.rows)
    labels.withUnsafeMutableBufferPointer { lp in
      distances.withUnsafeMutableBufferPointer { dp in
        for b in 0..<blocks.blockCount {
          let m = blocks.blocks[b].rows
          let start = blocks.start(ofBlock: b)
          search.assign(
            block: blocks.blocks[b], rowNorms: blocks.squaredNorms[b], centres: centres,
            labels: UnsafeMutableBufferPointer(rebasing: lp[start..<(start + m)]),
            distances: UnsafeMutableBufferPointer(rebasing: dp[start..<(start + m)]))
        }
      }
    }
    return (labels, distances)
  }

  /// Assigns every row of one block to its nearest centre, and gives the
  /// gap to the second-nearest, `d₂ − d₁` (`+∞` when `k == 1`), the bound
  /// ``BoundedAssignment`` keeps. Call ``setCentres(_:)`` with the same `centres` first.
  ///
  /// - Complexity: O(m · k · p) (BLAS `dgemm`) plus O(m · k).
  mutating func assignWithGaps(
    block: Matrix, rowNorms: [Double], centres: Matrix, labels: UnsafeMutableBufferPointer<Int32>,
    gaps: UnsafeMutableBufferPointer<Double>
  ) {
    Self.gaps(multiply(block, centres), m: block.rows, k: k, centreNorms, rowNorms, labels, gaps)
  }

  /// `P = −2 · X_b · Cᵀ` into the buffer of the block's size.
  private mutating func multiply(_ block: Matrix, _ centres: Matrix) -> Matrix {
    if block.rows == product.rows {
      Matrix.gemm(block, centres, transposeB: true, alpha: -2, beta: 0, into: &product)
      return product
    }
    if tailProduct.rows != block.rows { tailProduct = Matrix.zeros(rows: block.rows, columns: k) }
    Matrix.gemm(block, centres, transposeB: true, alpha: -2, beta: 0, into: &tailProduct)
    return tailProduct
  }

  /// Nearest centre and the gap `d₂ − d₁`, four rows at a time.
  private static func gaps(
    _ product: Matrix, m: Int, k: Int, _ centreNorms: [Double], _ rowNorms: [Double],
    _ labels: UnsafeMutableBufferPointer<Int32>, _ gaps: UnsafeMutableBufferPointer<Double>
  ) {
    product.withUnsafeBufferPointer { pp in
      centreNorms.withUnsafeBufferPointer { cn in
        rowNorms.withUnsafeBufferPointer { xn in
          let base = pp.baseAddress!
          var i = 0
          while i &+ 4 <= m {
            var best = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD4<Double>.self) + cn[0]
            var next = SIMD4<Double>(repeating: .infinity)
            var label = SIMD4<Int64>(repeating: 0)
            for j in 1..<Swift.max(1, k) {
              let d = UnsafeRawPointer(base + (j &* m &+ i)).loadUnaligned(as: SIMD4<Double>.self) + cn[j]
              let smaller = d .< best
              next.replace(with: d, where: d .< next)
              next.replace(with: best, where: smaller)
              best.replace(with: d, where: smaller)
              label.replace(with: SIMD4<Int64>(repeating: Int64(j)), where: smaller)
            }
            let norms = UnsafeRawPointer(xn.baseAddress! + i).loadUnaligned(as: SIMD4<Double>.self)
            let second = next + norms
            let first = best + norms
            for lane in 0..<4 {
              gaps[i &+ lane] = Swift.max(second[lane], 0).squareRoot() - Swift.max(first[lane], 0).squareRoot()
            }
            UnsafeMutableRawPointer(labels.baseAddress! + i).storeBytes(
              of: SIMD4<Int32>(truncatingIfNeeded: label), as: SIMD4<Int32>.self)
            i &+= 4
          }
          while i < m {
            var best = pp[i] + cn[0]
            var next = Double.infinity
            var label: Int32 = 0
            for j in 1..<Swift.max(1, k) {
              let d = pp[j &* m &+ i] + cn[j]
              next = d < best ? best : Swift.min(next, d)
              label = d < best ? Int32(truncatingIfNeeded: j) : label
              best = d < best ? d : best
            }
            labels[i] = label
            gaps[i] = Swift.max(next + xn[i], 0).squareRoot() - Swift.max(best + xn[i], 0).squareRoot()
            i &+= 1
          }
        }
      }
    }
  }

  /// `product` is m × k: centre j's values are `pp[j·m ..< (j+1)·m]`.
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
              var best = pp[i] + cn[0]
              var bestLabel: Int32 = 0
              var next = Double.infinity
              var nextLabel: Int32 = -1
              for j in 1..<Swift.max(1, k) {
                let d = pp[j &* m &+ i] + cn[j]
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
            // Four rows at a time, centre by centre: the running minimum and
            // its centre in vector registers; ties keep the lower j.
            let base = pp.baseAddress!
            var i = 0
            while i &+ 4 <= m {
              var best = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD4<Double>.self) + cn[0]
              var label = SIMD4<Int64>(repeating: 0)
              for j in 1..<Swift.max(1, k) {
                let d = UnsafeRawPointer(base + (j &* m &+ i)).loadUnaligned(as: SIMD4<Double>.self) + cn[j]
                let smaller = d .< best
                best.replace(with: d, where: smaller)
                label.replace(with: SIMD4<Int64>(repeating: Int64(j)), where: smaller)
              }
              let squared = best + UnsafeRawPointer(xn.baseAddress! + i).loadUnaligned(as: SIMD4<Double>.self)
              UnsafeMutableRawPointer(distances.baseAddress! + i).storeBytes(
                of: squared.replacing(with: 0, where: squared .< 0), as: SIMD4<Double>.self)
              UnsafeMutableRawPointer(labels.baseAddress! + i).storeBytes(
                of: SIMD4<Int32>(truncatingIfNeeded: label), as: SIMD4<Int32>.self)
              i &+= 4
            }
            while i < m {
              var best = pp[i] + cn[0]
              var label: Int32 = 0
              for j in 1..<Swift.max(1, k) {
                let d = pp[j &* m &+ i] + cn[j]
                label = d < best ? Int32(truncatingIfNeeded: j) : label
                best = d < best ? d : best
              }
              labels[i] = label
              let squared = best + xn[i]
              distances[i] = squared > 0 ? squared : 0
              i &+= 1
            }
          }
        }
      }
    }
  }
}
