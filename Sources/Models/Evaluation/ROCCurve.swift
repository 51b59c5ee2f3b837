/// The receiver operating characteristic: for each threshold `t`, the
/// false- and true-positive rates of predicting positive when
/// `probability ≥ t`.
///
/// The points are those of `sklearn.metrics.roc_curve(y, p)` with its default
/// `drop_intermediate=True`: one point per distinct probability, highest
/// first, without the points that lie on a straight segment between their
/// neighbours (same step in both counts before and after, so the drawn curve
/// and its area are unchanged), preceded by `(0, 0)` at threshold `+∞`. The
/// last point is `(1, 1)` at the lowest probability.
///
/// The three arrays have the same length (at least 2). With `+∞` in
/// ``thresholds``, JSON encoding needs a non-conforming float strategy.
public struct ROCCurve: Sendable, Hashable, Codable {
  /// `FP / negatives` at each threshold, non-decreasing from 0 to 1.
  public let falsePositiveRates: [Double]
  /// `TP / positives` at each threshold, non-decreasing from 0 to 1.
  public let truePositiveRates: [Double]
  /// The thresholds, decreasing: `+∞`, then probabilities that occur in the data.
  public let thresholds: [Double]

  public init(falsePositiveRates: [Double], truePositiveRates: [Double], thresholds: [Double]) {
    precondition(
      falsePositiveRates.count == truePositiveRates.count
        && truePositiveRates.count == thresholds.count,
      "the ROC arrays differ in length")
    self.falsePositiveRates = falsePositiveRates
    self.truePositiveRates = truePositiveRates
    self.thresholds = thresholds
  }

  /// Builds the curve from the cumulative counts at each distinct
  /// probability (highest first), dropping the collinear points as
  /// scikit-learn does: a point is kept when it is the first or the last,
  /// or when the second difference of either count is not zero there.
  init(
    cumulativeFalsePositives fps: [Int], cumulativeTruePositives tps: [Int], thresholds: [Double],
    negatives: Int, positives: Int
  ) {
    var fpr = [0.0]
    var tpr = [0.0]
    var kept = [Double.infinity]
    let last = fps.count - 1
    for i in 0...last {
      if i > 0 && i < last && fps[i + 1] - 2 * fps[i] + fps[i - 1] == 0
        && tps[i + 1] - 2 * tps[i] + tps[i - 1] == 0
      {
        continue
      }
      fpr.append(Double(fps[i]) / Double(negatives))
      tpr.append(Double(tps[i]) / Double(positives))
      kept.append(thresholds[i])
    }
    self.init(falsePositiveRates: fpr, truePositiveRates: tpr, thresholds: kept)
  }
}
