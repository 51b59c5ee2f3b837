import Foundation
import Models
import TestSupport
import Testing

/// Expected values come from `Fixtures/metrics/make_metrics_reference.py`
/// (numpy `quantile`, `digitize`) or are worked out by hand.
@Suite struct PopulationStabilityIndexTests {
  @Test(
    "edges, counts and index equal numpy's",
    arguments: MetricsReference.shared.psi.map(\.name))
  func matchesReference(name: String) throws {
    let ref = MetricsReference.shared.psi.first { $0.name == name }!
    let reference = MetricsReference.csv(ref.reference)["probability"]!
    let current = MetricsReference.csv(ref.current)["score"]!
    let psi = try PopulationStabilityIndex(reference: reference, current: current, bins: ref.bins)
    #expect(psi.bins.dropFirst().map(\.lowerEdge) == ref.edges)
    #expect(psi.bins.dropLast().map(\.upperEdge) == ref.edges)
    #expect(psi.bins.map(\.referenceCount) == ref.referenceCounts)
    #expect(psi.bins.map(\.currentCount) == ref.currentCounts)
    compare(psi.bins.map(\.contribution), ref.contributions, relativeTolerance: 1e-12, "\(name) contributions")
    compare([psi.value], [ref.value], relativeTolerance: 1e-12, "\(name) PSI")
  }

  @Test("two bins worked by hand, with and without an empty bin")
  func handWorked() throws {
    // Median of .1 .2 .3 .4 (numpy linear): position 3·½ = 1.5 between .2 and
    // .3, so the edge is .25; bins [−∞, .25) and [.25, ∞), reference shares ½, ½.
    let reference = [0.1, 0.2, 0.3, 0.4]
    let psi = try PopulationStabilityIndex(reference: reference, current: [0.1, 0.1, 0.1, 0.3], bins: 2)
    assertApproximatelyEqual(psi.bins[0].upperEdge, 0.25, relativeTolerance: 1e-15)
    // Current shares ¾, ¼: (¾ − ½)·ln(¾ / ½) + (¼ − ½)·ln(¼ / ½) = ¼·(ln 1.5 + ln 2) = ¼·ln 3.
    assertApproximatelyEqual(psi.value, 0.25 * log(3.0), relativeTolerance: 1e-14)
    // All current rows in the lower bin: shares 1 and 0, the 0 floored at 10⁻⁴:
    // (1 − ½)·ln 2 + (10⁻⁴ − ½)·ln(2·10⁻⁴).
    let empty = try PopulationStabilityIndex(reference: reference, current: [0.0, 0.2], bins: 2)
    #expect(empty.bins.map(\.currentShare) == [1, 0])
    assertApproximatelyEqual(empty.value, 0.5 * log(2.0) + (1e-4 - 0.5) * log(2e-4), relativeTolerance: 1e-14)
  }

  @Test("empty samples, NaN and no bins throw")
  func errors() {
    #expect(throws: ModelError.tooFewSamples(required: 1, actual: 0)) {
      try PopulationStabilityIndex(reference: [0.1], current: [])
    }
    #expect(throws: ModelError.invalidValue(column: "current", row: 1, value: .infinity)) {
      try PopulationStabilityIndex(reference: [0.1], current: [0.2, .infinity])
    }
    #expect(throws: ModelError.self) {
      try PopulationStabilityIndex(reference: [0.1], current: [0.2], bins: 0)
    }
  }
}
