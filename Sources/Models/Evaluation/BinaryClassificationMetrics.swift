#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How well predicted probabilities separate and fit binary outcomes (churned
/// or not, bought or not), with scikit-learn's and SciPy's definitions.
///
/// | measure | better | reference |
/// | --- | --- | --- |
/// | ``auc`` | higher, `0.5` = random | `sklearn.metrics.roc_auc_score` |
/// | ``gini`` | higher, `0` = random | `2·AUC − 1` |
/// | ``ks`` | higher, `0` = random | `scipy.stats.ks_2samp(p[y], p[¬y]).statistic` |
/// | ``logLoss`` | lower | `sklearn.metrics.log_loss` |
/// | ``brier`` | lower | `sklearn.metrics.brier_score_loss` |
/// | ``accuracy``, ``precision``, ``recall``, ``f1`` | higher | `sklearn.metrics.*_score` at ``threshold`` |
///
/// **One class only.** When every row is positive, or every row negative,
/// ranking measures are undefined: ``auc``, ``gini``, ``ks``,
/// ``ksThreshold`` and ``rocCurve`` are `nil` (scikit-learn raises, SciPy
/// returns NaN). Log loss, Brier score and the threshold measures are still
/// computed.
///
/// `Codable`; the ROC curve's first threshold is `+∞`, so JSON encoding
/// needs a non-conforming float strategy.
public struct BinaryClassificationMetrics: Sendable, Hashable, Codable {
  /// The number of rows.
  public let count: Int
  /// The number of positive rows.
  public let positives: Int
  /// The probability at or above which a row is predicted positive.
  public let threshold: Double

  /// The area under the ROC curve: the probability that a random positive
  /// row scores higher than a random negative one, ties counting one half
  /// (the Mann–Whitney `U` over `n₊·n₋`, equal to
  /// `sklearn.metrics.roc_auc_score`).
  ///
  /// ```
  /// groups of equal probability g = 1, 2, … from the highest, with p_g positives and q_g negatives
  /// TP_g, FP_g = positives and negatives in groups before g
  /// AUC = Σ_g q_g·(2·TP_g + p_g) / (2·n₊·n₋)     (the trapezoids under the curve)
  /// ```
  ///
  /// The sum is exact in integers and divided once, so the value is the
  /// correctly rounded rational (for `n` below about 10⁸); scikit-learn's
  /// trapezoidal rule on rounded rates can differ in the last bits.
  /// `nil` when one class is absent.
  public let auc: Double?
  /// `2·AUC − 1`, the accuracy ratio, from `0` (random) to `1` (perfect
  /// ranking). Computed from the same integer sum as ``auc``,
  /// `(Σ_g q_g·(2·TP_g + p_g) − n₊·n₋) / (n₊·n₋)`, divided once, so it is the
  /// correctly rounded value rather than `2·auc − 1` of the rounded AUC.
  /// `nil` when one class is absent.
  public let gini: Double?
  /// The Kolmogorov–Smirnov statistic: the largest gap between the
  /// true- and false-positive rates over all thresholds,
  /// `max_t |TPR(t) − FPR(t)|`, which is the two-sample statistic between
  /// the probabilities of positive and of negative rows
  /// (`scipy.stats.ks_2samp(p[y], p[¬y]).statistic`). Rows of equal
  /// probability are passed over together, so a tie never splits. Computed
  /// as `max |TP·n₋ − FP·n₊| / (n₊·n₋)` in integers, divided once.
  /// `nil` when one class is absent.
  public let ks: Double?
  /// The threshold at which ``ks`` is reached: predicting positive when
  /// `probability ≥ ksThreshold` gives the largest `|TPR − FPR|`. When
  /// several thresholds reach it, the highest. (SciPy's
  /// `statistic_location` is the score `v` of the split `p ≤ v` versus
  /// `p > v`, so it is the distinct probability just below this one.)
  /// `nil` when one class is absent.
  public let ksThreshold: Double?
  /// The mean negative log-likelihood of the labels, as
  /// `sklearn.metrics.log_loss(y, p)` in scikit-learn 1.9:
  ///
  /// ```
  /// ε = 2⁻⁵² (Double.ulpOfOne, numpy's finfo(float64).eps)
  /// logLoss = −(1/n) Σ [ yᵢ·log(clip(pᵢ)) + (1 − yᵢ)·log(clip(1 − pᵢ)) ],  clip(x) = min(max(x, ε), 1 − ε)
  /// ```
  ///
  /// Like scikit-learn, `1 − p` is formed first and then clipped, so a
  /// probability of exactly 0 or 1 costs `−log ε ≈ 36.04` when wrong and
  /// `−log(1 − ε) ≈ 2.2·10⁻¹⁶` when right, never infinity.
  public let logLoss: Double
  /// The Brier score, the mean squared error of the probabilities,
  /// `(1/n) Σ (yᵢ − pᵢ)²` (`sklearn.metrics.brier_score_loss`).
  public let brier: Double
  /// The counts of the prediction `probability ≥ threshold`.
  ///
  /// `≥` makes every threshold of ``rocCurve`` a point of this matrix (it is
  /// `roc_curve`'s convention). scikit-learn's `LogisticRegression.predict`
  /// instead predicts positive when `p > 0.5`; the two differ only for rows
  /// whose probability equals the threshold exactly.
  public let confusionMatrix: ConfusionMatrix
  /// The ROC curve, as `sklearn.metrics.roc_curve(y, p)` (see ``ROCCurve``);
  /// `nil` when one class is absent.
  public let rocCurve: ROCCurve?

  /// Measures predicted probabilities against outcomes.
  ///
  /// - Parameters:
  ///   - labels: the outcomes, `true` = positive (churned, bought).
  ///   - probabilities: the predicted probability of a positive outcome for
  ///     each row, in `[0, 1]`.
  ///   - threshold: predict positive when `probability ≥ threshold`; in
  ///     `[0, 1]`, default `0.5`.
  /// - Precondition: `labels.count == probabilities.count`.
  /// - Throws: `ModelError.tooFewSamples` when there are no rows,
  ///   `.invalidProbability` for a NaN probability or one outside `[0, 1]`,
  ///   `.invalidParameter(name: "threshold", …)` for a threshold outside `[0, 1]`.
  /// - Complexity: O(n log n) time (one sort of `(probability, row)` pairs)
  ///   and O(n) memory.
  public init(labels: [Bool], probabilities: [Double], threshold: Double = 0.5) throws(ModelError) {
    if !(threshold >= 0 && threshold <= 1) {
      throw .invalidParameter(name: "threshold", value: "\(threshold)", reason: "must be in [0, 1]")
    }
    let rows = try ScoredRows(labels: labels, probabilities: probabilities)
    self.count = rows.count
    self.positives = rows.positives
    self.threshold = threshold
    self.confusionMatrix = ConfusionMatrix(labels: labels, probabilities: probabilities, threshold: threshold)
    (self.logLoss, self.brier) = Self.losses(labels: labels, probabilities: probabilities)
    if rows.positives == 0 || rows.negatives == 0 {
      (auc, gini, ks, ksThreshold, rocCurve) = (nil, nil, nil, nil, nil)
      return
    }
    let ranking = Self.ranking(rows)
    (auc, gini, ks, ksThreshold, rocCurve) = (
      ranking.auc, ranking.gini, ranking.ks, ranking.ksThreshold, ranking.curve
    )
  }

  /// The number of negative rows.
  public var negatives: Int { count - positives }
  /// ``ConfusionMatrix/accuracy`` at ``threshold``.
  public var accuracy: Double { confusionMatrix.accuracy }
  /// ``ConfusionMatrix/precision`` at ``threshold`` (`0` when nothing is predicted positive).
  public var precision: Double { confusionMatrix.precision }
  /// ``ConfusionMatrix/recall`` at ``threshold`` (`0` when no row is positive).
  public var recall: Double { confusionMatrix.recall }
  /// ``ConfusionMatrix/f1`` at ``threshold`` (`0` when every row is a true negative).
  public var f1: Double { confusionMatrix.f1 }

  private static func losses(labels: [Bool], probabilities: [Double]) -> (logLoss: Double, brier: Double) {
    let epsilon = Double.ulpOfOne
    var logLoss = 0.0
    var brier = 0.0
    for (label, p) in zip(labels, probabilities) {
      let assigned = label ? p : 1 - p
      logLoss -= log(min(max(assigned, epsilon), 1 - epsilon))
      let residual = (label ? 1 : 0) - p
      brier += residual * residual
    }
    let n = Double(labels.count)
    return (logLoss / n, brier / n)
  }

  /// AUC, Gini, KS and the ROC curve from one walk over the distinct
  /// probabilities, highest first. Both classes must be present.
  private static func ranking(_ rows: ScoredRows) -> (
    auc: Double, gini: Double, ks: Double, ksThreshold: Double, curve: ROCCurve
  ) {
    let (n1, n0) = (rows.positives, rows.negatives)
    var fps = [Int]()
    var tps = [Int]()
    var thresholds = [Double]()
    var (tp, fp) = (0, 0)
    var twiceArea = 0
    var widestGap = -1
    var ksThreshold = 0.0
    rows.forEachScoreDescending { score, positives, negatives in
      twiceArea += negatives * (2 * tp + positives)
      tp += positives
      fp += negatives
      let gap = abs(tp * n0 - fp * n1)
      if gap > widestGap { (widestGap, ksThreshold) = (gap, score) }
      fps.append(fp)
      tps.append(tp)
      thresholds.append(score)
    }
    let pairs = n1 * n0
    let curve = ROCCurve(
      cumulativeFalsePositives: fps, cumulativeTruePositives: tps, thresholds: thresholds,
      negatives: n0, positives: n1)
    return (
      Double(twiceArea) / Double(2 * pairs), Double(twiceArea - pairs) / Double(pairs),
      Double(widestGap) / Double(pairs), ksThreshold, curve
    )
  }
}
