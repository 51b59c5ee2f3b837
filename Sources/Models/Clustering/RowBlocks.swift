import LinearAlgebra

/// The rows of a data matrix cut into consecutive blocks of at most
/// `blockSize` rows, each a small column-major ``Matrix`` that BLAS can
/// multiply directly, optionally centred on the column means, with every
/// row's squared norm precomputed.
///
/// ```
/// block b = rows [b·blockSize, min((b+1)·blockSize, n)),  x̃ᵢ = xᵢ − x̄ (when centred)
/// squaredNorms[b][r] = ‖x̃_{b·blockSize + r}‖²
/// ```
///
/// Centring does not change any distance between points, but it keeps the
/// BLAS expansion `‖x‖² − 2·x·c + ‖c‖²` accurate when the data sit far from
/// the origin (scikit-learn centres for the same reason). The blocks are a
/// copy of the data (`n × p` doubles), made once per fit and shared read-only
/// by all restarts; with them every distance pass needs only O(blockSize · k)
/// extra memory.
struct RowBlocks: Sendable {
  /// The number of rows `n`.
  let rows: Int
  /// The number of columns `p`.
  let columns: Int
  /// The largest number of rows in a block.
  let blockSize: Int
  /// The blocks, in row order.
  let blocks: [Matrix]
  /// `squaredNorms[b][r]`: the squared norm of row `r` of block `b`.
  let squaredNorms: [[Double]]
  /// The column means subtracted from every row (zeros when not centred).
  let columnMeans: [Double]

  /// Cuts `data` into blocks, subtracting the column means when `centre` is set.
  ///
  /// - Parameters:
  ///   - data: an `n × p` matrix.
  ///   - blockSize: rows per block, `≥ 1`.
  ///   - centre: whether to subtract the column means.
  /// - Complexity: O(n · p) time and memory.
  init(_ data: Matrix, blockSize: Int, centre: Bool) {
    precondition(blockSize >= 1, "blockSize must be positive")
    let n = data.rows
    let p = data.columns
    rows = n
    columns = p
    self.blockSize = blockSize
    var means = [Double](repeating: 0, count: p)
    if centre && n > 0 {
      data.withUnsafeBufferPointer { x in
        for f in 0..<p {
          var sum = 0.0
          for i in 0..<n { sum += x[f * n + i] }
          means[f] = sum / Double(n)
        }
      }
    }
    columnMeans = means
    var blocks: [Matrix] = []
    var norms: [[Double]] = []
    var start = 0
    data.withUnsafeBufferPointer { x in
      while start < n {
        let count = Swift.min(blockSize, n - start)
        var block = Matrix.zeros(rows: count, columns: p)
        var blockNorms = [Double](repeating: 0, count: count)
        block.withUnsafeMutableBufferPointer { b in
          for f in 0..<p {
            let mean = means[f]
            for r in 0..<count {
              let v = x[f * n + start + r] - mean
              b[f * count + r] = v
              blockNorms[r] += v * v
            }
          }
        }
        blocks.append(block)
        norms.append(blockNorms)
        start += count
      }
    }
    self.blocks = blocks
    squaredNorms = norms
  }

  /// The number of blocks, `⌈n / blockSize⌉`.
  var blockCount: Int { blocks.count }

  /// The first row index of block `b`.
  func start(ofBlock b: Int) -> Int { b * blockSize }

  /// Returns row `i` (centred when the blocks are), as `p` values.
  ///
  /// - Complexity: O(p).
  func row(_ i: Int) -> [Double] {
    precondition(i >= 0 && i < rows, "row \(i) out of range 0..<\(rows)")
    let b = i / blockSize
    let r = i - b * blockSize
    let block = blocks[b]
    return (0..<columns).map { block[r, $0] }
  }

  /// The mean of the per-column population variances,
  /// `(1/p) Σ_f (1/n) Σᵢ (xᵢf − x̄_f)²`, the scale of scikit-learn's tolerance.
  ///
  /// Assumes the blocks are centred.
  /// - Complexity: O(n · p).
  func meanColumnVariance() -> Double {
    guard rows > 0, columns > 0 else { return 0 }
    var total = 0.0
    for f in 0..<columns {
      var sum = 0.0
      for block in blocks {
        let m = block.rows
        block.withUnsafeBufferPointer { b in
          for r in 0..<m { sum += b[f * m + r] * b[f * m + r] }
        }
      }
      total += sum / Double(rows)
    }
    return total / Double(columns)
  }
}
