import LinearAlgebra

/// The cut-off that turns probabilities into yes/no decisions, for
/// accuracy, precision, recall and F1.
public enum ThresholdChoice: Sendable, Hashable, Codable {
  /// A fixed probability.
  case fixed(Double)
  /// The probability that maximises F1 on the fitting sample (so the
  /// out-of-time figures use a cut chosen without seeing their labels).
  /// On a rare outcome 0.5 would flag almost nobody; this adapts to the base rate.
  case maximumF1

  /// The threshold for `probabilities` with `labels`: a sample value `t`
  /// such that predicting positive when `p ≥ t` gives the highest F1 (ties:
  /// the higher `t`, which flags fewer customers).
  ///
  /// - Complexity: O(n log n).
  public func threshold(labels: [Bool], probabilities: [Double]) -> Double {
    switch self {
    case .fixed(let t):
      return t
    case .maximumF1:
      let positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
      guard positives > 0 else { return 0.5 }
      // Highest first; the order within equal probabilities does not matter, they are counted together.
      let order = Array(RadixSort.ascendingIndices(probabilities).reversed())
      var truePositives = 0
      var flagged = 0
      var best = (f1: -1.0, threshold: 0.5)
      var i = 0
      while i < order.count {
        let value = probabilities[order[i]]
        while i < order.count, probabilities[order[i]] == value {
          if labels[order[i]] { truePositives += 1 }
          flagged += 1
          i += 1
        }
        let f1 = 2 * Double(truePositives) / Double(flagged + positives)
        if f1 > best.f1 { best = (f1, value) }
      }
      return best.threshold
    }
  }
}
