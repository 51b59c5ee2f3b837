import Features
import Foundation
import Models
import Prediction
import TestSupport
import Testing

@Suite("Reason codes, thresholds, bands and factor profiles")
struct ScoringPartsTests {
  @Test("Reasons are the terms with the largest positive β·(x − x̄), summed per term")
  func reasons() throws {
    let table = FeatureTable(customerIDs: ["a", "b", "c", "d"], columns: [
      .number("x", [1, 2, 3, 4]), .number("w", [4, 3, 2, 1]), .text("tier", ["gold", "none", "none", "none"]),
    ])
    let rows = [0, 1, 2, 3]
    let encoder = try DesignEncoder(
      fitting: [ModelTerm("x"), ModelTerm("w"), ModelTerm("tier", .categorical)], table: table, rows: rows,
      options: .init(rareLevelShare: 0, rareLevelCount: 0))
    // x and w standardize to ±1.342, ±0.447 (sd √1.25); tier: one column, gold, mean 0.25.
    let coder = ReasonCoder(encoder: encoder, coefficients: [1.0, 0.5, 2.0])
    let design = try encoder.encode(table, rows: rows)
    let reasons = coder.reasons(table: table, rows: rows, design: design, count: 2)
    let z = 1.5 / 1.25.squareRoot()
    // Customer a: x → 1·(−z) < 0, w → 0.5·z > 0, tier → 2·(1 − 0.25) = 1.5: tier first, then w.
    #expect(reasons[0].map(\.term.source) == ["tier", "w"])
    #expect(reasons[0][0].detail == .level("gold"))
    assertApproximatelyEqual(reasons[0][0].contribution, 1.5, relativeTolerance: 1e-14)
    assertApproximatelyEqual(reasons[0][1].contribution, 0.5 * z, relativeTolerance: 1e-14)
    #expect(reasons[0][1].detail == .high(4))
    // Customer d: x → z, w → −0.5z, tier → −0.5: only x pushes up.
    #expect(reasons[3].map(\.term.source) == ["x"])
    #expect(reasons[3][0].detail == .high(4))
  }

  @Test("The F1-maximising threshold, worked by hand")
  func threshold() {
    // Sorted: 0.9 (1), 0.8 (1), 0.7 (0), 0.4 (1), 0.2 (0); 3 positives.
    // Cut at 0.9: F1 = 2·1/(1+3) = 0.5; 0.8: 4/5 = 0.8; 0.7: 4/6; 0.4: 6/7 ≈ 0.857; 0.2: 6/8.
    let labels = [true, false, true, false, true]
    let p = [0.9, 0.7, 0.8, 0.2, 0.4]
    #expect(ThresholdChoice.maximumF1.threshold(labels: labels, probabilities: p) == 0.4)
    #expect(ThresholdChoice.fixed(0.3).threshold(labels: labels, probabilities: p) == 0.3)
  }

  @Test("Bands are half-open on the probability; bad cuts are refused")
  func bands() throws {
    let bands = RiskBands.standard
    #expect([0, 0.2499, 0.25, 0.5, 0.74, 0.75, 1].map(bands.band(of:)) == [0, 0, 1, 2, 2, 3, 3])
    #expect(bands.names == ["low", "medium", "high", "very_high"])
    #expect(throws: PredictionError.self) { try RiskBands(cuts: [0.5, 0.3]) }
    #expect(throws: PredictionError.self) { try RiskBands(cuts: [0.5], names: ["a", "b", "c"]) }
    #expect(try RiskBands(cuts: [0.3, 0.6]).names == ["low", "medium", "high"])
  }

  @Test("Factor profiles keep ties together and give missing values their own group")
  func profiles() {
    let table = FeatureTable(customerIDs: (0..<7).map { "c\($0)" }, columns: [.number("n", [0, 0, 0, 0, 1, 2, .nan])])
    let labels = [true, false, false, false, true, true, true]
    let profile = FactorProfile(term: ModelTerm("n"), table: table, rows: Array(0..<7), labels: labels, bins: 3)
    // Six present values in 3 bins of 2: the first bin extends over all four zeros, the others take one value each.
    #expect(profile.groups.map(\.label) == ["0", "1", "2", "(missing)"])
    #expect(profile.groups.map(\.count) == [4, 1, 1, 1])
    #expect(profile.groups.map(\.positives) == [1, 1, 1, 1])
  }
}
