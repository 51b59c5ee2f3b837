import Statistics

/// A threshold relative to the customers, such as `p80(monetary_total)`:
/// computed once per run over the column's non-missing values.
///
/// | function | value |
/// | --- | --- |
/// | `p1` … `p99` | the percentile by linear interpolation between order statistics, as numpy's `percentile` and pandas' `quantile` by default (``Quantiles``) |
/// | `median` | `p50` |
/// | `mean` | the arithmetic mean |
/// | `sd` | the sample standard deviation (divisor n − 1), as pandas' `std()` |
/// | `min`, `max` | the smallest and largest value |
///
/// A column with no value (or one value, for `sd`) gives a missing
/// threshold, and every comparison with it is unknown.
enum PopulationFunction: Equatable, Sendable {
  case percentile(Int)
  case median, mean, sd, min, max

  /// The names other than the percentiles, for "did you mean" suggestions.
  static let names = ["median", "mean", "sd", "min", "max"]

  /// The function called `name` (any case), or `nil`.
  init?(name: String) {
    let lowered = name.lowercased()
    switch lowered {
    case "median": self = .median
    case "mean": self = .mean
    case "sd": self = .sd
    case "min": self = .min
    case "max": self = .max
    default:
      guard lowered.hasPrefix("p"), lowered.dropFirst().allSatisfy(\.isASCII), let p = Int(lowered.dropFirst()),
        (1...99).contains(p)
      else { return nil }
      self = .percentile(p)
    }
  }

  /// The function's value over the non-missing (non-NaN) `values`.
  func value(_ values: [Double]) -> Double {
    switch self {
    case .percentile(let p): return Quantiles.quantile(unsorted: values, Double(p) / 100)
    case .median: return Quantiles.quantile(unsorted: values, 0.5)
    case .mean: return NumericSummary(values).mean
    case .sd: return NumericSummary(values).standardDeviation
    case .min: return NumericSummary(values).min
    case .max: return NumericSummary(values).max
    }
  }
}
