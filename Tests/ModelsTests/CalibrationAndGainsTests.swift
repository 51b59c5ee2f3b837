import Models
import TestSupport
import Testing

/// Expected tables come from `Fixtures/metrics/make_metrics_reference.py`
/// (numpy `argsort(kind="stable")` + `array_split`) or are worked out by hand.
@Suite struct CalibrationAndGainsTests {
  @Test("calibration and gains tables equal numpy's", arguments: BinaryClassificationMetricsTests.caseNames)
  func matchesReference(caseName: String) throws {
    let ref = MetricsReference.shared.case(caseName)
    let (labels, probabilities) = ref.inputs
    for expected in ref.calibration {
      let table = try CalibrationTable(labels: labels, probabilities: probabilities, bins: expected.bins)
      let label = "\(caseName) in \(expected.bins) bins"
      #expect(table.rows.map(\.bin) == expected.rows.map(\.bin), "\(label)")
      #expect(table.rows.map(\.count) == expected.rows.map(\.count), "\(label)")
      #expect(table.rows.map(\.minPredicted) == expected.rows.map(\.minPredicted), "\(label)")
      #expect(table.rows.map(\.maxPredicted) == expected.rows.map(\.maxPredicted), "\(label)")
      compare(
        table.rows.map(\.meanPredicted), expected.rows.map(\.meanPredicted), relativeTolerance: 1e-12,
        "\(label) mean predicted")
      compare(
        table.rows.map(\.observedRate), expected.rows.map(\.observedRate), relativeTolerance: 1e-12,
        "\(label) observed rate")
    }
    for expected in ref.gains {
      let table = try GainsTable(labels: labels, probabilities: probabilities, bins: expected.bins)
      let label = "\(caseName) in \(expected.bins) groups"
      #expect(table.baseRate == expected.baseRate)
      let counts = table.rows.map { [$0.decile, $0.count, $0.positives, $0.cumulativeCount, $0.cumulativePositives] }
      let expectedCounts = expected.rows.map {
        [$0.decile, $0.count, $0.positives, $0.cumulativeCount, $0.cumulativePositives]
      }
      #expect(counts == expectedCounts, "\(label)")
      compare(table.rows.map(\.rate), expected.rows.map(\.rate), relativeTolerance: 1e-12, "\(label) rate")
      for (name, ours, theirs) in [
        ("gain", table.rows.map(\.cumulativeGain), expected.rows.map(\.cumulativeGain)),
        ("lift", table.rows.map(\.lift), expected.rows.map(\.lift)),
        ("cumulative lift", table.rows.map(\.cumulativeLift), expected.rows.map(\.cumulativeLift)),
      ] {
        #expect(ours.map { $0 == nil } == theirs.map { $0 == nil }, "\(label) \(name) nil")
        compare(ours.compactMap { $0 }, theirs.compactMap { $0 }, relativeTolerance: 1e-12, "\(label) \(name)")
      }
    }
  }

  @Test("eight rows in three bins, worked by hand")
  func handWorked() throws {
    // row:    0    1    2    3    4    5    6    7
    // label:  1    0    1    1    0    0    1    0
    // p:     .9   .8   .7   .5   .5   .3   .2   .1
    let labels = [true, false, true, true, false, false, true, false]
    let probabilities = [0.9, 0.8, 0.7, 0.5, 0.5, 0.3, 0.2, 0.1]
    // 8 rows in 3 bins: 8 % 3 = 2, so sizes 3, 3, 2.
    // Ascending (ties by row: 3 before 4): rows 7 6 5 | 3 4 2 | 1 0
    // labels 0 1 0 | 1 0 1 | 0 1.
    let calibration = try CalibrationTable(labels: labels, probabilities: probabilities, bins: 3)
    #expect(calibration.rows.map(\.count) == [3, 3, 2])
    let means: [Double] = [0.6 / 3, 1.7 / 3, 1.7 / 2]
    assertApproximatelyEqual(calibration.rows.map(\.meanPredicted), means, relativeTolerance: 1e-15)
    let observed: [Double] = [1.0 / 3, 2.0 / 3, 1.0 / 2]
    #expect(calibration.rows.map(\.observedRate) == observed)
    #expect(calibration.rows.map(\.minPredicted) == [0.1, 0.5, 0.8])
    #expect(calibration.rows.map(\.maxPredicted) == [0.3, 0.7, 0.9])

    // Descending (ties by row): rows 0 1 2 | 3 4 5 | 6 7, labels 1 0 1 | 1 0 0 | 1 0.
    // Base rate 4/8 = ½; positives 2, 1, 1.
    let gains = try GainsTable(labels: labels, probabilities: probabilities, bins: 3)
    #expect(gains.baseRate == 0.5)
    #expect(gains.rows.map(\.decile) == [1, 2, 3])
    #expect(gains.rows.map(\.positives) == [2, 1, 1])
    #expect(gains.rows.map(\.cumulativePositives) == [2, 3, 4])
    #expect(gains.rows.map(\.cumulativeCount) == [3, 6, 8])
    let rates: [Double] = [2.0 / 3, 1.0 / 3, 1.0 / 2]
    #expect(gains.rows.map(\.rate) == rates)
    #expect(gains.rows.map(\.cumulativeGain) == [0.5, 0.75, 1])
    let lifts: [Double?] = [4.0 / 3, 2.0 / 3, 1]  // rate / ½
    #expect(gains.rows.map(\.lift) == lifts)
    let cumulativeLifts: [Double?] = [4.0 / 3, 1, 1]  // 2/3, 3/6, 4/8 over ½
    #expect(gains.rows.map(\.cumulativeLift) == cumulativeLifts)
  }

  @Test("no positives: gains and lifts are nil; bin counts out of range throw")
  func edgeCases() throws {
    let gains = try GainsTable(labels: [false, false, false], probabilities: [0.1, 0.2, 0.3], bins: 3)
    #expect(gains.rows.allSatisfy { $0.cumulativeGain == nil && $0.lift == nil && $0.cumulativeLift == nil })
    #expect(gains.rows.map(\.rate) == [0, 0, 0])
    #expect(throws: ModelError.self) {
      try CalibrationTable(labels: [true, false], probabilities: [0.1, 0.2], bins: 3)
    }
    #expect(throws: ModelError.self) {
      try GainsTable(labels: [true, false], probabilities: [0.1, 0.2], bins: 0)
    }
    #expect(throws: ModelError.tooFewSamples(required: 1, actual: 0)) {
      try CalibrationTable(labels: [], probabilities: [])
    }
  }
}
