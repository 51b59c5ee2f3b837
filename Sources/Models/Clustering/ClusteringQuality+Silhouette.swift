import Randomness
import LinearAlgebra

extension ClusteringQuality {
  /// The default largest `n` for which ``silhouetteScore(_:labels:exactLimit:sampleSize:seed:)``
  /// is exact: 10,000 rows (10⁸ distances).
  public static let silhouetteExactLimit = 10_000

  /// The mean silhouette coefficient: how much closer each row is to its own
  /// cluster than to the nearest other cluster.
  ///
  /// ```
  /// a(i) = mean distance from i to the other rows of its cluster
  /// b(i) = min over other clusters C of the mean distance from i to C
  /// s(i) = (b(i) − a(i)) / max(a(i), b(i)),   s(i) = 0 when i is alone in its cluster
  /// score = mean over rows of s(i)
  /// ```
  ///
  /// Exact when `n ≤ exactLimit`: all `n²` Euclidean distances, computed in
  /// blocks of rows through BLAS `dgemm` as `‖x‖² − 2·x·y + ‖y‖²` (clamped at
  /// 0, the diagonal set to 0), as scikit-learn's `silhouette_samples` does.
  /// Above the limit, the score is the exact score of a sample: `sampleSize`
  /// rows drawn without replacement by a partial Fisher–Yates shuffle with
  /// ``Xoshiro256StarStar`` seeded by `seed`, taken in ascending row order
  /// (scikit-learn's `silhouette_score(sample_size=…)`). The same data and
  /// seed always give the same sample; its standard error is roughly
  /// `sd(s) / √sampleSize`.
  ///
  /// - Parameters:
  ///   - data: `n × p`, finite.
  ///   - labels: `n` labels with `2 ≤ K ≤ n − 1` distinct values (also within
  ///     the sample).
  ///   - exactLimit: the largest `n` scored exactly (default 10,000).
  ///   - sampleSize: rows in the sample above the limit (default 10,000).
  ///   - seed: the sample's seed (default 0).
  /// - Returns: the score in `[−1, 1]` (higher is better).
  /// - Throws: `ModelError.shapeMismatch`, `.invalidParameter(name: "labels", …)`
  ///   for `K` out of range, `.invalidParameter(name: "sampleSize", …)` when
  ///   it is below 2, `.invalidValue` for NaN or infinity.
  /// - Complexity: O(m² · p) time and O(m · 256) memory with
  ///   `m = min(n, sampleSize)` above the limit, `m = n` otherwise.
  /// Reference: Rousseeuw, "Silhouettes: a graphical aid to the
  /// interpretation and validation of cluster analysis", J. Comput. Appl.
  /// Math. 20, 1987; `sklearn.metrics.silhouette_score`.
  public static func silhouetteScore(
    _ data: Matrix, labels: [Int32], exactLimit: Int = silhouetteExactLimit,
    sampleSize: Int = 10_000, seed: UInt64 = 0
  ) throws(ModelError) -> Double {
    if labels.count != data.rows {
      throw .shapeMismatch(what: "labels", expected: data.rows, actual: labels.count)
    }
    if data.rows <= exactLimit {
      let samples = try silhouetteSamples(data, labels: labels)
      return samples.reduce(0, +) / Double(samples.count)
    }
    if sampleSize < 2 {
      throw .invalidParameter(name: "sampleSize", value: "\(sampleSize)", reason: "must be at least 2")
    }
    let n = data.rows
    let m = Swift.min(sampleSize, n)
    var generator = Xoshiro256StarStar(seed: seed)
    var indices = Array(0..<n)
    for i in 0..<m {
      let j = i + generator.nextIndex(below: n - i)
      indices.swapAt(i, j)
    }
    let chosen = indices[0..<m].sorted()
    var sample = Matrix.zeros(rows: m, columns: data.columns)
    for f in 0..<data.columns {
      for (r, i) in chosen.enumerated() { sample[r, f] = data[i, f] }
    }
    let samples = try silhouetteSamples(sample, labels: chosen.map { labels[$0] })
    return samples.reduce(0, +) / Double(samples.count)
  }

  /// The silhouette coefficient `s(i)` of every row, exactly (see
  /// ``silhouetteScore(_:labels:exactLimit:sampleSize:seed:)`` for the formula).
  ///
  /// - Parameters:
  ///   - data: `n × p`, finite.
  ///   - labels: `n` labels with `2 ≤ K ≤ n − 1` distinct values.
  /// - Returns: `n` coefficients in `[−1, 1]`.
  /// - Throws: as ``silhouetteScore(_:labels:exactLimit:sampleSize:seed:)``.
  /// - Complexity: O(n² · p) time (BLAS `dgemm` per block of 256 rows),
  ///   O(256 · n) memory.
  public static func silhouetteSamples(_ data: Matrix, labels: [Int32]) throws(ModelError) -> [Double] {
    let (codes, count) = try checkedLabels(data, labels)
    let n = data.rows
    let p = data.columns
    var sizes = [Int](repeating: 0, count: count)
    for c in codes { sizes[c] += 1 }
    var norms = [Double](repeating: 0, count: n)
    data.withUnsafeBufferPointer { x in
      for i in 0..<n {
        var s = 0.0
        for f in 0..<p { s += x[f * n + i] * x[f * n + i] }
        norms[i] = s
      }
    }
    let blockRows = Swift.max(1, Swift.min(256, (1 << 20) / Swift.max(1, n)))
    var result = [Double](repeating: 0, count: n)
    var clusterSums = [Double](repeating: 0, count: count)
    var start = 0
    var product = Matrix.zeros(rows: n, columns: Swift.min(blockRows, n))
    while start < n {
      let m = Swift.min(blockRows, n - start)
      var block = Matrix.zeros(rows: m, columns: p)
      for f in 0..<p { for r in 0..<m { block[r, f] = data[start + r, f] } }
      if product.columns != m { product = Matrix.zeros(rows: n, columns: m) }
      // G = −2 · X · X_bᵀ is n × m: column r holds row (start + r)'s products.
      Matrix.gemm(data, block, transposeB: true, alpha: -2, beta: 0, into: &product)
      product.withUnsafeBufferPointer { g in
        for r in 0..<m {
          let i = start + r
          for c in 0..<count { clusterSums[c] = 0 }
          let column = r * n
          let xi = norms[i]
          for j in 0..<n {
            var d2 = (g[column + j] + xi) + norms[j]
            if d2 < 0 || j == i { d2 = 0 }
            clusterSums[codes[j]] += d2.squareRoot()
          }
          let own = codes[i]
          guard sizes[own] > 1 else {
            result[i] = 0
            continue
          }
          let a = clusterSums[own] / Double(sizes[own] - 1)
          var b = Double.infinity
          for c in 0..<count where c != own { b = Swift.min(b, clusterSums[c] / Double(sizes[c])) }
          let scale = Swift.max(a, b)
          result[i] = scale > 0 ? (b - a) / scale : 0
        }
      }
      start += m
    }
    return result
  }
}
