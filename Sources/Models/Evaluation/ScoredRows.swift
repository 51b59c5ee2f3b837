import LinearAlgebra

/// Outcomes and predicted probabilities, checked once and put in score order:
/// what every binary-classification measure in this folder starts from.
struct ScoredRows {
  let labels: [Bool]
  let probabilities: [Double]
  /// Row indices by ascending probability, equal probabilities by ascending
  /// row index (numpy's `argsort(p, kind="stable")`), so every ordering
  /// derived from it is the same on every run.
  let ascending: [Int]
  let positives: Int

  /// - Precondition: `labels.count == probabilities.count`.
  /// - Throws: `ModelError.tooFewSamples` for no rows,
  ///   `.invalidProbability` for NaN or a value outside `[0, 1]`.
  /// - Complexity: O(n log n), one sort.
  init(labels: [Bool], probabilities: [Double]) throws(ModelError) {
    precondition(
      labels.count == probabilities.count,
      "\(labels.count) labels but \(probabilities.count) probabilities")
    if labels.isEmpty { throw .tooFewSamples(required: 1, actual: 0) }
    for (row, p) in probabilities.enumerated() where !(p >= 0 && p <= 1) {
      throw .invalidProbability(row: row, value: p)
    }
    self.labels = labels
    self.probabilities = probabilities
    self.ascending = RadixSort.ascendingIndices(probabilities)
    self.positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
  }

  var count: Int { labels.count }
  var negatives: Int { count - positives }

  /// Row indices by descending probability, equal probabilities still by
  /// ascending row index (numpy's `argsort(-p, kind="stable")`): the groups
  /// of equal scores of ``ascending`` in reverse order, each kept as it is.
  func descending() -> [Int] {
    var order = [Int]()
    order.reserveCapacity(count)
    var end = count
    while end > 0 {
      var start = end - 1
      let score = probabilities[ascending[start]]
      while start > 0 && probabilities[ascending[start - 1]] == score { start -= 1 }
      order.append(contentsOf: ascending[start..<end])
      end = start
    }
    return order
  }

  /// Calls `body` once per distinct probability, highest first, with the
  /// number of positive and negative rows that have it.
  func forEachScoreDescending(_ body: (_ score: Double, _ positives: Int, _ negatives: Int) -> Void) {
    var end = count
    while end > 0 {
      let score = probabilities[ascending[end - 1]]
      var positives = 0
      var start = end
      while start > 0 && probabilities[ascending[start - 1]] == score {
        start -= 1
        if labels[ascending[start]] { positives += 1 }
      }
      body(score, positives, end - start - positives)
      end = start
    }
  }

  /// Splits positions `0..<count` into `bins` consecutive ranges as
  /// `numpy.array_split` does: every range holds `count / bins` positions and
  /// the first `count % bins` ranges one more.
  ///
  /// - Throws: `ModelError.invalidParameter(name: "bins", …)` unless
  ///   `1 ≤ bins ≤ count`, so that no range is empty.
  func binRanges(_ bins: Int) throws(ModelError) -> [Range<Int>] {
    if bins < 1 || bins > count {
      throw .invalidParameter(
        name: "bins", value: "\(bins)",
        reason: "must be between 1 and the number of rows (\(count)), so that no bin is empty")
    }
    let size = count / bins
    let larger = count % bins
    var start = 0
    return (0..<bins).map { bin in
      let end = start + size + (bin < larger ? 1 : 0)
      defer { start = end }
      return start..<end
    }
  }
}
