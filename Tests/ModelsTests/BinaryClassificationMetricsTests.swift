import Foundation
import Models
import TestSupport
import Testing

/// Expected values come from `Fixtures/metrics/make_metrics_reference.py`
/// (scikit-learn / scipy) or are worked out by hand in the comments.
@Suite struct BinaryClassificationMetricsTests {
  static let caseNames = ["realistic", "imbalanced", "tiny", "extremes", "one_class"]

  @Test("every measure equals scikit-learn's and scipy's; AUC and KS equal the exact fractions", arguments: caseNames)
  func matchesReference(caseName: String) throws {
    let ref = MetricsReference.shared.case(caseName)
    let (labels, probabilities) = ref.inputs
    for row in ref.thresholds {
      let metrics = try BinaryClassificationMetrics(
        labels: labels, probabilities: probabilities, threshold: row.threshold)
      let label = "\(caseName) at \(row.threshold)"
      #expect(metrics.count == ref.count)
      #expect(metrics.positives == ref.positives)
      #expect(
        metrics.confusionMatrix
          == ConfusionMatrix(truePositives: row.tp, falsePositives: row.fp, trueNegatives: row.tn, falseNegatives: row.fn),
        "\(label)")
      compare(
        [metrics.accuracy, metrics.precision, metrics.recall, metrics.f1],
        [row.accuracy, row.precision, row.recall, row.f1], relativeTolerance: 1e-12,
        "\(label) accuracy, precision, recall, f1")
      compare([metrics.logLoss, metrics.brier], [ref.logLoss, ref.brier], relativeTolerance: 1e-12, "\(label) log loss, Brier")

      #expect(metrics.auc == ref.aucExact, "\(label) AUC")
      #expect(metrics.gini == ref.giniExact, "\(label) Gini")
      #expect(metrics.ks == ref.ksExact, "\(label) KS")
      #expect(metrics.ksThreshold == ref.ksThreshold, "\(label) KS threshold")
      if let auc = metrics.auc, let ks = metrics.ks {
        compare([auc, ks], [ref.auc!, ref.ks!], relativeTolerance: 1e-12, "\(label) AUC and KS against sklearn and scipy")
      }
      #expect((metrics.rocCurve == nil) == (ref.roc == nil))
      if let curve = metrics.rocCurve, let roc = ref.roc {
        #expect(curve.thresholds == roc.thresholds, "\(label) ROC thresholds")
        compare(curve.falsePositiveRates, roc.fpr, relativeTolerance: 1e-12, "\(label) FPR")
        compare(curve.truePositiveRates, roc.tpr, relativeTolerance: 1e-12, "\(label) TPR")
      }
    }
  }

  @Test("eight rows worked by hand, with a tie across classes at the threshold")
  func handWorked() throws {
    // row:    0    1    2    3    4    5    6    7
    // label:  1    0    1    1    0    0    1    0
    // p:     .9   .8   .7   .5   .5   .3   .2   .1
    let labels = [true, false, true, true, false, false, true, false]
    let probabilities = [0.9, 0.8, 0.7, 0.5, 0.5, 0.3, 0.2, 0.1]
    let metrics = try BinaryClassificationMetrics(labels: labels, probabilities: probabilities)

    // AUC: for each positive, the negatives below it, ties counting ½:
    // .9 → 4, .7 → 3, .5 → 2 + ½ (the tie), .2 → 1; U = 10.5 of 4·4 = 16 pairs.
    let auc = 10.5 / 16
    #expect(metrics.auc == auc)
    #expect(metrics.gini == 0.3125)  // 2·AUC − 1
    // KS: TP·n₋ − FP·n₊ after each distinct p (highest first), n₊ = n₋ = 4:
    // .9 (1,0): 4   .8 (1,1): 0   .7 (2,1): 4   .5 (3,2): 4   .3 (3,3): 0
    // .2 (4,3): 4   .1 (4,4): 0.  Max 4/16, first reached at threshold .9.
    #expect(metrics.ks == 0.25)
    #expect(metrics.ksThreshold == 0.9)
    // Log loss: the probabilities given to the true labels are
    // .9 .2 .7 .5 .5 .7 .8 .9 → −(1/8) Σ log = −¼·log(.9·.2·.7·.5) = −¼·log(.063).
    assertApproximatelyEqual(metrics.logLoss, -0.25 * log(0.063), relativeTolerance: 1e-14)
    // Brier: residuals .1 .8 .3 .5 .5 .3 .8 .1 → squares sum to 1.98; 1.98 / 8.
    assertApproximatelyEqual(metrics.brier, 0.2475, relativeTolerance: 1e-14)
    // p ≥ .5: rows 0–4 predicted positive (labels 1 0 1 1 0), rows 5–7 negative (0 1 0).
    #expect(
      metrics.confusionMatrix
        == ConfusionMatrix(truePositives: 3, falsePositives: 2, trueNegatives: 2, falseNegatives: 1))
    #expect(metrics.accuracy == 5.0 / 8)
    #expect(metrics.precision == 3.0 / 5)
    #expect(metrics.recall == 3.0 / 4)
    #expect(metrics.f1 == 6.0 / 9)  // 2·3 / (2·3 + 2 + 1)
    // ROC counts (FP, TP) per distinct p: (0,1) (1,1) (1,2) (2,3) (3,3) (3,4) (4,4).
    // No three neighbours share the same step, so no point is dropped.
    let curve = try #require(metrics.rocCurve)
    #expect(curve.thresholds == [.infinity, 0.9, 0.8, 0.7, 0.5, 0.3, 0.2, 0.1])
    #expect(curve.falsePositiveRates == [0, 0, 0.25, 0.25, 0.5, 0.75, 0.75, 1])
    #expect(curve.truePositiveRates == [0, 0.25, 0.25, 0.5, 0.75, 0.75, 1, 1])
  }

  @Test("ROC points on a straight run are dropped, as sklearn's drop_intermediate")
  func dropsCollinearPoints() throws {
    // Distinct p, labels by descending p: 1 1 1 0 0. Counts (FP, TP):
    // (0,1) (0,2) (0,3) (1,3) (2,3): (0,2) and (1,3) lie mid-run and go.
    let metrics = try BinaryClassificationMetrics(
      labels: [true, true, true, false, false], probabilities: [0.9, 0.8, 0.7, 0.6, 0.5])
    let curve = try #require(metrics.rocCurve)
    #expect(curve.thresholds == [.infinity, 0.9, 0.7, 0.5])
    #expect(curve.falsePositiveRates == [0, 0, 0, 1])
    #expect(curve.truePositiveRates == [0, 1.0 / 3, 1, 1])
    #expect(metrics.auc == 1)
    #expect(metrics.ks == 1)
    #expect(metrics.ksThreshold == 0.7)
  }

  @Test("one class: ranking measures are nil, the rest still computed")
  func oneClass() throws {
    let metrics = try BinaryClassificationMetrics(
      labels: [true, true, true], probabilities: [0.2, 0.6, 1.0], threshold: 0.5)
    #expect(metrics.auc == nil && metrics.gini == nil && metrics.ks == nil)
    #expect(metrics.ksThreshold == nil && metrics.rocCurve == nil)
    // −(log .2 + log .6 + log(1 − ε)) / 3
    assertApproximatelyEqual(metrics.logLoss, -(log(0.2) + log(0.6) + log(1 - Double.ulpOfOne)) / 3)
    assertApproximatelyEqual(metrics.brier, (0.64 + 0.16 + 0) / 3)
    #expect(metrics.precision == 1 && metrics.recall == 2.0 / 3)
    // No row positive, none predicted positive: precision, recall and F1 are 0/0, defined as 0.
    let negatives = try BinaryClassificationMetrics(labels: [false, false], probabilities: [0.1, 0.2])
    #expect(negatives.precision == 0 && negatives.recall == 0 && negatives.f1 == 0)
    #expect(negatives.accuracy == 1)
  }

  @Test("row order does not matter")
  func permutationInvariant() throws {
    let (labels, probabilities) = MetricsReference.shared.case("realistic").inputs
    let reversed = try BinaryClassificationMetrics(
      labels: labels.reversed(), probabilities: probabilities.reversed(), threshold: 0.3)
    let original = try BinaryClassificationMetrics(labels: labels, probabilities: probabilities, threshold: 0.3)
    #expect(reversed.auc == original.auc)
    #expect(reversed.ks == original.ks)
    #expect(reversed.ksThreshold == original.ksThreshold)
    #expect(reversed.rocCurve == original.rocCurve)
    #expect(reversed.confusionMatrix == original.confusionMatrix)
  }

  @Test("empty input, bad probabilities and bad thresholds throw")
  func errors() {
    #expect(throws: ModelError.tooFewSamples(required: 1, actual: 0)) {
      try BinaryClassificationMetrics(labels: [], probabilities: [])
    }
    #expect(throws: ModelError.invalidProbability(row: 1, value: 1.5)) {
      try BinaryClassificationMetrics(labels: [true, false], probabilities: [0.5, 1.5])
    }
    #expect(throws: ModelError.invalidProbability(row: 0, value: -0.25)) {
      try BinaryClassificationMetrics(labels: [true], probabilities: [-0.25])
    }
    // NaN ≠ NaN, so the case cannot be compared with ==.
    #expect {
      try BinaryClassificationMetrics(labels: [true, false], probabilities: [0.5, .nan])
    } throws: { error in
      guard case .invalidProbability(row: 1, let value) = error as? ModelError else { return false }
      return value.isNaN
    }
    #expect(throws: ModelError.self) {
      try BinaryClassificationMetrics(labels: [true, false], probabilities: [0.5, 0.4], threshold: .nan)
    }
    #expect(throws: ModelError.self) {
      try BinaryClassificationMetrics(labels: [true, false], probabilities: [0.5, 0.4], threshold: 50)
    }
  }
}
