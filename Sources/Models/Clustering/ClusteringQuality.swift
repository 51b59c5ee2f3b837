import LinearAlgebra

/// Measures of clustering quality used to choose `k` and to check recovered
/// segments, with scikit-learn's definitions (`sklearn.metrics`).
///
/// | measure | better | function |
/// | --- | --- | --- |
/// | silhouette | higher, in `[−1, 1]` | ``silhouetteScore(_:labels:exactLimit:sampleSize:seed:)`` |
/// | Calinski–Harabasz | higher | ``calinskiHarabasz(_:labels:)`` |
/// | Davies–Bouldin | lower, `≥ 0` | ``daviesBouldin(_:labels:)`` |
/// | inertia | lower (always falls with `k`) | ``inertia(_:labels:)`` |
/// | adjusted Rand | higher, `1` = same partition | ``adjustedRandIndex(_:_:)`` |
///
/// Labels are any `Int32` values; they are renumbered `0..<K` in ascending
/// order first (scikit-learn's `LabelEncoder`), so only the partition matters.
public enum ClusteringQuality {
  /// Renumbers labels `0..<K` in ascending order of their values.
  ///
  /// - Returns: the codes and `K`, the number of distinct labels.
  /// - Complexity: O(n log K).
  static func encode(_ labels: [Int32]) -> (codes: [Int], count: Int) {
    let unique = Array(Set(labels)).sorted()
    var code: [Int32: Int] = [:]
    for (i, value) in unique.enumerated() { code[value] = i }
    return (labels.map { code[$0]! }, unique.count)
  }

  /// Checks `labels` against `data` and that `2 ≤ K ≤ n − 1` (scikit-learn's
  /// `check_number_of_labels`), returning the encoded labels.
  static func checkedLabels(_ data: Matrix, _ labels: [Int32]) throws(ModelError) -> (
    codes: [Int], count: Int
  ) {
    if labels.count != data.rows {
      throw .shapeMismatch(what: "labels", expected: data.rows, actual: labels.count)
    }
    let encoded = encode(labels)
    if encoded.count < 2 || encoded.count > data.rows - 1 {
      throw .invalidParameter(
        name: "labels", value: "\(encoded.count) distinct",
        reason: "a quality measure needs between 2 and n − 1 = \(data.rows - 1) clusters")
    }
    for c in 0..<data.columns {
      for r in 0..<data.rows where !data[r, c].isFinite {
        throw .invalidValue(column: "\(c + 1)", row: r, value: data[r, c])
      }
    }
    return encoded
  }

  /// The centroid of each cluster and the cluster sizes.
  ///
  /// ```
  /// c_k = (1/n_k) Σ_{label(i)=k} xᵢ   (sums in row order)
  /// ```
  static func centroids(_ data: Matrix, codes: [Int], count: Int) -> (
    centroids: [[Double]], sizes: [Int]
  ) {
    let n = data.rows
    let p = data.columns
    var sums = [[Double]](repeating: [Double](repeating: 0, count: p), count: count)
    var sizes = [Int](repeating: 0, count: count)
    data.withUnsafeBufferPointer { x in
      for f in 0..<p {
        for i in 0..<n { sums[codes[i]][f] += x[f * n + i] }
      }
    }
    for i in 0..<n { sizes[codes[i]] += 1 }
    let centroids = (0..<count).map { k in sums[k].map { $0 / Double(sizes[k]) } }
    return (centroids, sizes)
  }
}
