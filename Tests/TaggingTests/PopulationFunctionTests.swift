import Testing
import TestSupport

@testable import Tagging

@Suite struct PopulationFunctionTests {
  /// Ten values with a tie, and two missing ones that must be left out.
  let values: [Double] = [12.5, 3, .nan, 7.25, 40, 0.5, 19, 3, 8.75, .nan, 100, 21]

  /// ```python
  /// x = np.array([12.5, 3, 7.25, 40, 0.5, 19, 3, 8.75, 100, 21])
  /// [np.percentile(x, p) for p in [1, 10, 25, 33, 50, 80, 95, 99]]
  /// # 0.725, 2.75, 4.0625, 7.1225000000000005, 10.625, 24.800000000000004,
  /// # 72.99999999999994, 94.60000000000001
  /// np.median(x), x.mean(), x.std(ddof=1), x.min(), x.max()
  /// # 10.625, 21.5, 29.968733706982015, 0.5, 100.0
  /// ```
  @Test("percentiles, median, mean, sd, min and max equal numpy's")
  func numpy() {
    let percentiles: [(Int, Double)] = [
      (1, 0.725), (10, 2.75), (25, 4.0625), (33, 7.1225000000000005), (50, 10.625), (80, 24.800000000000004),
      (95, 72.99999999999994), (99, 94.60000000000001),
    ]
    for (p, expected) in percentiles {
      assertApproximatelyEqual(PopulationFunction.percentile(p).value(values), expected, relativeTolerance: 1e-15, "p\(p)")
    }
    assertApproximatelyEqual(PopulationFunction.median.value(values), 10.625, relativeTolerance: 1e-15)
    assertApproximatelyEqual(PopulationFunction.mean.value(values), 21.5, relativeTolerance: 1e-15)
    assertApproximatelyEqual(PopulationFunction.sd.value(values), 29.968733706982015, relativeTolerance: 1e-14)
    #expect(PopulationFunction.min.value(values) == 0.5)
    #expect(PopulationFunction.max.value(values) == 100)
  }

  @Test("names: p1 to p99 and the five others, in any case; nothing else")
  func names() {
    #expect(PopulationFunction(name: "p80") == .percentile(80))
    #expect(PopulationFunction(name: "P1") == .percentile(1))
    #expect(PopulationFunction(name: "Median") == .median)
    #expect(PopulationFunction(name: "sd") == .sd)
    for bad in ["p0", "p100", "p", "p8.5", "p٨٠", "avg", "std"] { #expect(PopulationFunction(name: bad) == nil, "\(bad)") }
  }

  @Test("a column without values gives a missing threshold")
  func empty() {
    #expect(PopulationFunction.percentile(80).value([.nan, .nan]).isNaN)
    #expect(PopulationFunction.sd.value([3]).isNaN)
  }
}
