import LinearAlgebra

extension ClusteringQuality {
  /// The Calinski–Harabasz score (variance ratio criterion): between-cluster
  /// dispersion over within-cluster dispersion, scaled by degrees of freedom.
  ///
  /// ```
  /// B = Σ_k n_k ‖c_k − x̄‖²,   W = Σ_k Σ_{i ∈ k} ‖xᵢ − c_k‖²
  /// CH = (B / (K − 1)) / (W / (n − K)),   CH = 1 when W = 0
  /// ```
  ///
  /// - Parameters:
  ///   - data: `n × p`, finite.
  ///   - labels: `n` labels with `2 ≤ K ≤ n − 1` distinct values.
  /// - Returns: the score (higher is better).
  /// - Throws: `ModelError.shapeMismatch` when the label count differs from
  ///   `n`; `.invalidParameter(name: "labels", …)` for `K` out of range;
  ///   `.invalidValue` for NaN or infinity.
  /// - Complexity: O(n · p).
  /// Reference: Caliński & Harabasz, "A dendrite method for cluster
  /// analysis", Communications in Statistics 3(1), 1974;
  /// `sklearn.metrics.calinski_harabasz_score`.
  public static func calinskiHarabasz(_ data: Matrix, labels: [Int32]) throws(ModelError) -> Double {
    let (codes, count) = try checkedLabels(data, labels)
    let n = data.rows
    let p = data.columns
    let (centroids, sizes) = centroids(data, codes: codes, count: count)
    var mean = [Double](repeating: 0, count: p)
    for f in 0..<p {
      var s = 0.0
      for i in 0..<n { s += data[i, f] }
      mean[f] = s / Double(n)
    }
    var between = 0.0
    var within = 0.0
    for k in 0..<count {
      var d = 0.0
      for f in 0..<p { d += (centroids[k][f] - mean[f]) * (centroids[k][f] - mean[f]) }
      between += Double(sizes[k]) * d
    }
    data.withUnsafeBufferPointer { x in
      for i in 0..<n {
        let c = centroids[codes[i]]
        for f in 0..<p {
          let d = x[f * n + i] - c[f]
          within += d * d
        }
      }
    }
    if within == 0 { return 1 }
    return between * Double(n - count) / (within * Double(count - 1))
  }

  /// The Davies–Bouldin index: the average, over clusters, of the worst ratio
  /// of summed within-cluster scatter to centroid separation.
  ///
  /// ```
  /// s_k = (1/n_k) Σ_{i ∈ k} ‖xᵢ − c_k‖,   M_kl = ‖c_k − c_l‖
  /// DB = (1/K) Σ_k max_{l ≠ k} (s_k + s_l) / M_kl
  /// DB = 0 when every s_k ≈ 0 or every M_kl ≈ 0 (|·| ≤ 1e-8)
  /// ```
  ///
  /// Coincident centroids (`M_kl = 0`) are skipped, as in scikit-learn.
  ///
  /// - Parameters:
  ///   - data: `n × p`, finite.
  ///   - labels: `n` labels with `2 ≤ K ≤ n − 1` distinct values.
  /// - Returns: the index (lower is better, `≥ 0`).
  /// - Throws: as ``calinskiHarabasz(_:labels:)``.
  /// - Complexity: O(n · p + K² · p).
  /// Reference: Davies & Bouldin, "A cluster separation measure", IEEE
  /// TPAMI 1(2), 1979; `sklearn.metrics.davies_bouldin_score`.
  public static func daviesBouldin(_ data: Matrix, labels: [Int32]) throws(ModelError) -> Double {
    let (codes, count) = try checkedLabels(data, labels)
    let n = data.rows
    let p = data.columns
    let (centroids, sizes) = centroids(data, codes: codes, count: count)
    var scatter = [Double](repeating: 0, count: count)
    data.withUnsafeBufferPointer { x in
      for i in 0..<n {
        let c = centroids[codes[i]]
        var s = 0.0
        for f in 0..<p {
          let d = x[f * n + i] - c[f]
          s += d * d
        }
        scatter[codes[i]] += s.squareRoot()
      }
    }
    for k in 0..<count { scatter[k] /= Double(sizes[k]) }
    var separation = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
    for a in 0..<count {
      for b in 0..<count where a != b {
        var s = 0.0
        for f in 0..<p { s += (centroids[a][f] - centroids[b][f]) * (centroids[a][f] - centroids[b][f]) }
        separation[a][b] = s.squareRoot()
      }
    }
    let allScatterZero = scatter.allSatisfy { abs($0) <= 1e-8 }
    let allSeparationZero = separation.allSatisfy { row in row.allSatisfy { abs($0) <= 1e-8 } }
    if allScatterZero || allSeparationZero { return 0 }
    var total = 0.0
    for a in 0..<count {
      var worst = 0.0
      for b in 0..<count where b != a && separation[a][b] > 0 {
        worst = Swift.max(worst, (scatter[a] + scatter[b]) / separation[a][b])
      }
      total += worst
    }
    return total / Double(count)
  }

  /// The within-cluster sum of squares of a labelling, with each cluster's
  /// centre at its centroid (the k-means objective).
  ///
  /// ```
  /// inertia = Σ_k Σ_{i ∈ k} ‖xᵢ − c_k‖²
  /// ```
  ///
  /// Unlike the other measures this accepts a single cluster.
  ///
  /// - Parameters:
  ///   - data: `n × p`.
  ///   - labels: `n` labels.
  /// - Returns: the inertia (lower is better; it always falls as `k` grows,
  ///   so compare it across `k` by its elbow, not its minimum).
  /// - Throws: `ModelError.shapeMismatch` when the label count differs from `n`.
  /// - Complexity: O(n · p).
  public static func inertia(_ data: Matrix, labels: [Int32]) throws(ModelError) -> Double {
    if labels.count != data.rows {
      throw .shapeMismatch(what: "labels", expected: data.rows, actual: labels.count)
    }
    let (codes, count) = encode(labels)
    let (centroids, _) = centroids(data, codes: codes, count: count)
    let n = data.rows
    var total = 0.0
    data.withUnsafeBufferPointer { x in
      for i in 0..<n {
        for f in 0..<data.columns {
          let d = x[f * n + i] - centroids[codes[i]][f]
          total += d * d
        }
      }
    }
    return total
  }
}
