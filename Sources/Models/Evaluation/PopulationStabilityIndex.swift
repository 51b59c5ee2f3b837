#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The population stability index: how far the distribution of a score has
/// moved from a reference sample (for example the churn probabilities of the
/// previous run) to a current one.
///
/// ```
/// edges e₁ ≤ … ≤ e_{B−1}: the k/B quantiles of the reference (numpy.quantile, method "linear")
/// bin j holds the values v with e_j ≤ v < e_{j+1}   (e₀ = −∞, e_B = +∞; numpy.digitize)
/// r_j, c_j = the shares of the reference and the current sample in bin j
/// PSI = Σ_j (c_j′ − r_j′)·ln(c_j′ / r_j′),   x′ = max(x, 10⁻⁴)
/// ```
///
/// The floor ``minimumShare`` keeps an empty bin from making the index
/// infinite: a bin holding no rows counts as holding 0.01 % of them, and
/// shares below that are raised to it too, so the index never jumps when a
/// nearly empty bin empties. Many equal scores can make neighbouring edges
/// equal; the bins between them are empty in both samples and add nothing.
///
/// A common reading: below 0.1 stable, 0.1–0.25 some shift, above 0.25 a
/// large shift.
public struct PopulationStabilityIndex: Sendable, Hashable, Codable {
  /// The smallest share a bin counts with, `10⁻⁴`.
  public static let minimumShare = 1e-4

  /// One bin of the reference's quantiles.
  public struct Bin: Sendable, Hashable, Codable {
    /// The lowest value in the bin (`−∞` for the first bin).
    public let lowerEdge: Double
    /// The first value above the bin (`+∞` for the last bin).
    public let upperEdge: Double
    /// Reference values in the bin.
    public let referenceCount: Int
    /// Current values in the bin.
    public let currentCount: Int
    /// `referenceCount` over the reference size (before the floor).
    public let referenceShare: Double
    /// `currentCount` over the current size (before the floor).
    public let currentShare: Double
    /// The bin's term `(c′ − r′)·ln(c′ / r′)` of the index, with the floored shares.
    public let contribution: Double

    public init(
      lowerEdge: Double, upperEdge: Double, referenceCount: Int, currentCount: Int,
      referenceShare: Double, currentShare: Double, contribution: Double
    ) {
      self.lowerEdge = lowerEdge
      self.upperEdge = upperEdge
      self.referenceCount = referenceCount
      self.currentCount = currentCount
      self.referenceShare = referenceShare
      self.currentShare = currentShare
      self.contribution = contribution
    }
  }

  /// The index, `≥ 0`; `0` when both samples fill the bins alike.
  public let value: Double
  /// The bins, lowest values first.
  public let bins: [Bin]

  /// Compares the distribution of `current` with that of `reference`.
  ///
  /// - Parameters:
  ///   - reference: the scores the bins are taken from (for example the
  ///     previous run's probabilities).
  ///   - current: the scores to compare.
  ///   - bins: the number of bins, default 10 (the reference's deciles).
  /// - Throws: `ModelError.tooFewSamples` when either sample is empty,
  ///   `.invalidValue` for NaN or infinity (column `reference` or
  ///   `current`), `.invalidParameter(name: "bins", …)` when `bins < 1`.
  /// - Complexity: O(r log r + (r + c) log bins) for samples of sizes r and c.
  public init(reference: [Double], current: [Double], bins: Int = 10) throws(ModelError) {
    if bins < 1 {
      throw .invalidParameter(name: "bins", value: "\(bins)", reason: "must be at least 1")
    }
    for (name, sample) in [("reference", reference), ("current", current)] {
      if sample.isEmpty { throw .tooFewSamples(required: 1, actual: 0) }
      if let row = sample.firstIndex(where: { !$0.isFinite }) {
        throw .invalidValue(column: name, row: row, value: sample[row])
      }
    }
    let sorted = reference.sorted()
    let edges = (1..<bins).map { Self.quantile(sorted, Double($0) / Double(bins)) }
    let referenceCounts = Self.counts(reference, edges: edges)
    let currentCounts = Self.counts(current, edges: edges)
    let bounds = [-Double.infinity] + edges + [Double.infinity]
    self.bins = (0..<bins).map { j in
      let r = Double(referenceCounts[j]) / Double(reference.count)
      let c = Double(currentCounts[j]) / Double(current.count)
      let (rFloored, cFloored) = (max(r, Self.minimumShare), max(c, Self.minimumShare))
      return Bin(
        lowerEdge: bounds[j], upperEdge: bounds[j + 1], referenceCount: referenceCounts[j],
        currentCount: currentCounts[j], referenceShare: r, currentShare: c,
        contribution: (cFloored - rFloored) * log(cFloored / rFloored))
    }
    value = self.bins.reduce(0) { $0 + $1.contribution }
  }

  /// numpy's default (`"linear"`, Hyndman & Fan type 7) quantile of sorted
  /// values, with numpy's own interpolation so that edges equal to data
  /// values come out exactly equal.
  private static func quantile(_ sorted: [Double], _ q: Double) -> Double {
    let position = Double(sorted.count - 1) * q
    if position >= Double(sorted.count - 1) { return sorted[sorted.count - 1] }
    let below = Int(position.rounded(.down))
    let gamma = position - Double(below)
    let (a, b) = (sorted[below], sorted[below + 1])
    let difference = b - a
    return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma
  }

  /// How many values fall into each bin: bin `j` counts the values with
  /// exactly `j` edges at or below them.
  private static func counts(_ values: [Double], edges: [Double]) -> [Int] {
    var counts = [Int](repeating: 0, count: edges.count + 1)
    for v in values {
      var (low, high) = (0, edges.count)
      while low < high {
        let middle = (low + high) / 2
        if edges[middle] <= v { low = middle + 1 } else { high = middle }
      }
      counts[low] += 1
    }
    return counts
  }
}
