/// Cumulative gains and lift: how many of the positives the highest-scored
/// rows capture, decile by decile (or in `bins` groups).
///
/// Rows are sorted by descending probability, equal probabilities by
/// ascending row index, and split into `bins` consecutive groups as
/// `numpy.array_split` does: each holds `n / bins` rows and the first
/// `n % bins` groups one more. Equal probabilities can therefore fall into
/// two neighbouring groups.
///
/// ```
/// base rate = positives / n
/// rate_d = positives_d / count_d,               lift_d = rate_d / base rate
/// cumulativeGain_d = Σ_{e ≤ d} positives_e / positives
/// cumulativeLift_d = (Σ_{e ≤ d} positives_e / Σ_{e ≤ d} count_e) / base rate
/// ```
///
/// The lifts and gains are ratios of integers divided once. With no positive
/// row at all they are undefined and `nil`.
public struct GainsTable: Sendable, Hashable, Codable {
  /// One group of rows.
  public struct Row: Sendable, Hashable, Codable {
    /// The group number, `1` = highest probabilities (a decile when there
    /// are 10 groups).
    public let decile: Int
    /// Rows in the group.
    public let count: Int
    /// Positive rows in the group.
    public let positives: Int
    /// `positives / count`.
    public let rate: Double
    /// Rows in this and all higher groups.
    public let cumulativeCount: Int
    /// Positive rows in this and all higher groups.
    public let cumulativePositives: Int
    /// The share of all positives captured by this and all higher groups;
    /// `nil` when there are no positives.
    public let cumulativeGain: Double?
    /// The group's rate over the base rate; `nil` when there are no positives.
    public let lift: Double?
    /// The rate of this and all higher groups over the base rate; `nil`
    /// when there are no positives.
    public let cumulativeLift: Double?

    public init(
      decile: Int, count: Int, positives: Int, rate: Double, cumulativeCount: Int,
      cumulativePositives: Int, cumulativeGain: Double?, lift: Double?, cumulativeLift: Double?
    ) {
      self.decile = decile
      self.count = count
      self.positives = positives
      self.rate = rate
      self.cumulativeCount = cumulativeCount
      self.cumulativePositives = cumulativePositives
      self.cumulativeGain = cumulativeGain
      self.lift = lift
      self.cumulativeLift = cumulativeLift
    }
  }

  /// The groups, highest probabilities first.
  public let rows: [Row]
  /// The share of positive rows overall.
  public let baseRate: Double

  /// Groups outcomes by descending predicted probability.
  ///
  /// - Parameters:
  ///   - labels: the outcomes, `true` = positive.
  ///   - probabilities: the predicted probability of each row, in `[0, 1]`.
  ///   - bins: the number of groups, default 10 (deciles); at most the
  ///     number of rows.
  /// - Precondition: `labels.count == probabilities.count`.
  /// - Throws: `ModelError.tooFewSamples` when there are no rows,
  ///   `.invalidProbability` for NaN or a value outside `[0, 1]`,
  ///   `.invalidParameter(name: "bins", …)` unless `1 ≤ bins ≤ n`.
  /// - Complexity: O(n log n).
  public init(labels: [Bool], probabilities: [Double], bins: Int = 10) throws(ModelError) {
    let scored = try ScoredRows(labels: labels, probabilities: probabilities)
    let order = scored.descending()
    let (n, total) = (scored.count, scored.positives)
    // a/b over c/d as one division of exact integers.
    func ratioOfRates(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double? {
      c == 0 ? nil : Double(a * d) / Double(b * c)
    }
    var (cumulativeCount, cumulativePositives) = (0, 0)
    rows = try scored.binRanges(bins).enumerated().map { group, range in
      let positives = order[range].reduce(0) { $0 + (labels[$1] ? 1 : 0) }
      cumulativeCount += range.count
      cumulativePositives += positives
      return Row(
        decile: group + 1, count: range.count, positives: positives,
        rate: Double(positives) / Double(range.count), cumulativeCount: cumulativeCount,
        cumulativePositives: cumulativePositives,
        cumulativeGain: total == 0 ? nil : Double(cumulativePositives) / Double(total),
        lift: ratioOfRates(positives, range.count, total, n),
        cumulativeLift: ratioOfRates(cumulativePositives, cumulativeCount, total, n))
    }
    baseRate = Double(total) / Double(n)
  }
}
