/// The four counts of a binary prediction, and the rates read from them.
///
/// Rates whose denominator is zero are defined as `0`, as scikit-learn's
/// `precision_score`, `recall_score` and `f1_score` with the default
/// `zero_division` (which warns and returns 0): precision when nothing is
/// predicted positive, recall when no row is positive, F1 when both.
public struct ConfusionMatrix: Sendable, Hashable, Codable {
  /// Positive rows predicted positive.
  public let truePositives: Int
  /// Negative rows predicted positive.
  public let falsePositives: Int
  /// Negative rows predicted negative.
  public let trueNegatives: Int
  /// Positive rows predicted negative.
  public let falseNegatives: Int

  public init(truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.trueNegatives = trueNegatives
    self.falseNegatives = falseNegatives
  }

  /// Counts the predictions `probability ≥ threshold` against the labels.
  init(labels: [Bool], probabilities: [Double], threshold: Double) {
    var counts = (tp: 0, fp: 0, tn: 0, fn: 0)
    for (label, p) in zip(labels, probabilities) {
      switch (label, p >= threshold) {
      case (true, true): counts.tp += 1
      case (false, true): counts.fp += 1
      case (false, false): counts.tn += 1
      case (true, false): counts.fn += 1
      }
    }
    self.init(
      truePositives: counts.tp, falsePositives: counts.fp, trueNegatives: counts.tn,
      falseNegatives: counts.fn)
  }

  /// All rows.
  public var count: Int { truePositives + falsePositives + trueNegatives + falseNegatives }

  /// `(TP + TN) / n`, the share of rows predicted right.
  public var accuracy: Double { ratio(truePositives + trueNegatives, count) }

  /// `TP / (TP + FP)`, the share of predicted positives that are positive;
  /// `0` when nothing is predicted positive.
  public var precision: Double { ratio(truePositives, truePositives + falsePositives) }

  /// `TP / (TP + FN)`, the share of positives found (the true-positive
  /// rate); `0` when no row is positive.
  public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }

  /// `2·TP / (2·TP + FP + FN)`, the harmonic mean of precision and recall in
  /// the form scikit-learn computes; `0` when every row is a true negative.
  public var f1: Double {
    ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives)
  }

  private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 0 : Double(numerator) / Double(denominator)
  }
}
