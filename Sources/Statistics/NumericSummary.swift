import DataIngest

/// The figures of pandas' `Series.describe()` plus `Series.skew()`, for one
/// numeric column where NaN means missing.
///
/// With x₁…xₙ the non-missing values:
///
/// ```
/// mean               x̄ = Σ xᵢ / n
/// standardDeviation  s = √( Σ (xᵢ − x̄)² / (n − 1) )          (ddof 1; NaN when n < 2)
/// p25, median, p75   Quantiles.quantile at 0.25, 0.5, 0.75   (linear, Hyndman–Fan type 7)
/// skewness           G₁ = √(n(n − 1)) / (n − 2) · m₃ / m₂^1.5,
///                    mₖ = Σ (xᵢ − x̄)ᵏ / n                    (NaN when n < 3 or m₂ = 0)
/// ```
///
/// Sums are two-pass (mean first, then central moments) with Neumaier
/// compensation, so results agree with pandas to about 1e-15 relative.
///
/// pandas 3.1 returns NaN, not 0, for the skewness of constant data (its
/// online moments give m₂ = 0 exactly, then 0/0); we match it by testing for
/// constant data directly, since a two-pass mean of equal values can be off
/// by one rounding and leave a spurious m₂ > 0.
///
/// Joanes, D. N. & Gill, C. A. (1998), "Comparing measures of sample skewness
/// and kurtosis", JRSS D 47(1) — G₁ is their adjusted Fisher–Pearson coefficient.
public struct NumericSummary: Sendable, Equatable {
  /// Number of non-missing values.
  public let count: Int
  /// Number of NaN values.
  public let missing: Int
  public let mean: Double
  /// Sample standard deviation (divisor n − 1).
  public let standardDeviation: Double
  public let min: Double
  public let p25: Double
  public let median: Double
  public let p75: Double
  public let max: Double
  /// Adjusted Fisher–Pearson skewness G₁, as pandas `Series.skew()`.
  public let skewness: Double

  /// Summarises `values`; NaN entries are counted as missing and left out.
  ///
  /// Every figure is NaN when no value is present.
  ///
  /// - Complexity: O(n log n) (the quantiles sort a copy).
  public init(_ values: [Double]) {
    let sorted = Quantiles.sortedNonMissing(values)
    let n = sorted.count
    count = n
    missing = values.count - n
    guard n > 0 else {
      mean = .nan
      standardDeviation = .nan
      min = .nan
      p25 = .nan
      median = .nan
      p75 = .nan
      max = .nan
      skewness = .nan
      return
    }
    var sum = NeumaierSum()
    for x in sorted { sum.add(x) }
    let mean = sum.value / Double(n)
    var m2Sum = NeumaierSum()
    var m3Sum = NeumaierSum()
    for x in sorted {
      let d = x - mean
      let d2 = d * d
      m2Sum.add(d2)
      m3Sum.add(d2 * d)
    }
    let squares = m2Sum.value
    self.mean = mean
    standardDeviation = n < 2 ? .nan : (squares / Double(n - 1)).squareRoot()
    min = sorted[0]
    max = sorted[n - 1]
    p25 = Quantiles.quantile(sorted, 0.25)
    median = Quantiles.quantile(sorted, 0.5)
    p75 = Quantiles.quantile(sorted, 0.75)

    let isConstant = sorted[0] == sorted[n - 1]
    if n < 3 || isConstant || squares == 0 {
      skewness = .nan
    } else {
      let dn = Double(n)
      let m2 = squares / dn
      let m3 = m3Sum.value / dn
      skewness = (dn * (dn - 1)).squareRoot() / (dn - 2) * m3 / (m2 * m2.squareRoot())
    }
  }

  /// Equal when every figure has the same bits, so NaN equals NaN.
  public static func == (lhs: NumericSummary, rhs: NumericSummary) -> Bool {
    lhs.count == rhs.count && lhs.missing == rhs.missing && lhs.figures == rhs.figures
  }

  private var figures: [UInt64] {
    [mean, standardDeviation, min, p25, median, p75, max, skewness].map(\.bitPattern)
  }
}
