/// Predicted against observed rates in bins of equal count by predicted
/// probability: a well-calibrated model has ``Row/meanPredicted`` close to
/// ``Row/observedRate`` in every bin.
///
/// Rows are sorted by ascending probability, equal probabilities by
/// ascending row index, and split into `bins` consecutive groups as
/// `numpy.array_split` does: each holds `n / bins` rows and the first
/// `n % bins` bins one more (2,005 rows in 10 bins: five of 201, five of
/// 200). Equal probabilities can therefore fall into two neighbouring bins.
public struct CalibrationTable: Sendable, Hashable, Codable {
  /// One bin.
  public struct Row: Sendable, Hashable, Codable {
    /// The bin number, `1` = lowest probabilities.
    public let bin: Int
    /// Rows in the bin.
    public let count: Int
    /// The mean predicted probability of the bin.
    public let meanPredicted: Double
    /// The share of positive rows in the bin.
    public let observedRate: Double
    /// The lowest predicted probability in the bin.
    public let minPredicted: Double
    /// The highest predicted probability in the bin.
    public let maxPredicted: Double

    public init(
      bin: Int, count: Int, meanPredicted: Double, observedRate: Double, minPredicted: Double,
      maxPredicted: Double
    ) {
      self.bin = bin
      self.count = count
      self.meanPredicted = meanPredicted
      self.observedRate = observedRate
      self.minPredicted = minPredicted
      self.maxPredicted = maxPredicted
    }
  }

  /// The bins, lowest probabilities first.
  public let rows: [Row]

  /// Bins outcomes by predicted probability.
  ///
  /// - Parameters:
  ///   - labels: the outcomes, `true` = positive.
  ///   - probabilities: the predicted probability of each row, in `[0, 1]`.
  ///   - bins: the number of bins, default 10 (deciles); at most the number
  ///     of rows.
  /// - Precondition: `labels.count == probabilities.count`.
  /// - Throws: `ModelError.tooFewSamples` when there are no rows,
  ///   `.invalidProbability` for NaN or a value outside `[0, 1]`,
  ///   `.invalidParameter(name: "bins", …)` unless `1 ≤ bins ≤ n`.
  /// - Complexity: O(n log n).
  public init(labels: [Bool], probabilities: [Double], bins: Int = 10) throws(ModelError) {
    let scored = try ScoredRows(labels: labels, probabilities: probabilities)
    let order = scored.ascending
    rows = try scored.binRanges(bins).enumerated().map { bin, range in
      var sum = 0.0
      var positives = 0
      for i in order[range] {
        sum += probabilities[i]
        if labels[i] { positives += 1 }
      }
      return Row(
        bin: bin + 1, count: range.count, meanPredicted: sum / Double(range.count),
        observedRate: Double(positives) / Double(range.count),
        minPredicted: probabilities[order[range.lowerBound]],
        maxPredicted: probabilities[order[range.upperBound - 1]])
    }
  }
}
