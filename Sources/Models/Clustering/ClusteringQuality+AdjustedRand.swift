extension ClusteringQuality {
  /// The adjusted Rand index between two labellings of the same rows: the
  /// share of agreeing pairs, corrected for chance (Hubert & Arabie 1985).
  ///
  /// ```
  /// contingency table n_ab,  S = Σ n_ab²,  row sums aₐ,  column sums b_b
  /// tp = S − n,  fn = Σ aₐ² − S,  fp = Σ b_b² − S,  tn = n² − fp − fn − S
  ///                                       (ordered pairs; scikit-learn's pair_confusion_matrix)
  /// ARI = 2·(tp·tn − fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn)),  ARI = 1 when fn = fp = 0
  /// ```
  ///
  /// Exact integer pair counts (128-bit), then one rounding to `Double`, as
  /// scikit-learn's `adjusted_rand_score` does with Python integers. Label
  /// values themselves do not matter, only the partitions.
  ///
  /// - Parameters:
  ///   - a: one labelling (for example the simulated truth).
  ///   - b: another labelling of the same rows (for example k-means labels).
  /// - Returns: the index: `1` for identical partitions, about `0` for
  ///   unrelated ones, possibly negative.
  /// - Throws: `ModelError.shapeMismatch` when the counts differ.
  /// - Complexity: O(n + Kₐ · K_b).
  /// Reference: Hubert & Arabie, "Comparing partitions", Journal of
  /// Classification 2, 1985; `sklearn.metrics.adjusted_rand_score`.
  public static func adjustedRandIndex(_ a: [Int32], _ b: [Int32]) throws(ModelError) -> Double {
    if a.count != b.count { throw .shapeMismatch(what: "labels", expected: a.count, actual: b.count) }
    let n = a.count
    let (codesA, countA) = encode(a)
    let (codesB, countB) = encode(b)
    var table = [Int](repeating: 0, count: countA * countB)
    for i in 0..<n { table[codesA[i] * countB + codesB[i]] += 1 }
    var rowSums = [Int](repeating: 0, count: countA)
    var columnSums = [Int](repeating: 0, count: countB)
    var sumSquares: Int128 = 0
    for x in 0..<countA {
      for y in 0..<countB {
        let v = table[x * countB + y]
        rowSums[x] += v
        columnSums[y] += v
        sumSquares += Int128(v) * Int128(v)
      }
    }
    let count = Int128(n)
    let rowSquares = rowSums.reduce(Int128(0)) { $0 + Int128($1) * Int128($1) }
    let columnSquares = columnSums.reduce(Int128(0)) { $0 + Int128($1) * Int128($1) }
    let tp = sumSquares - count
    let fn = rowSquares - sumSquares
    let fp = columnSquares - sumSquares
    let tn = count * count - fp - fn - sumSquares
    if fn == 0 && fp == 0 { return 1 }
    let numerator = tp * tn - fn * fp
    let denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn)
    return 2.0 * Double(numerator) / Double(denominator)
  }
}
