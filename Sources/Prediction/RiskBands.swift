/// Probability bands a score is reported in: `low`, `medium`, `high`,
/// `very_high` by default, cut at 0.25, 0.5 and 0.75.
///
/// Bands are cut on the probability itself, not on ranks, so a band means
/// the same from one nightly run to the next, and a shrinking `very_high`
/// band is news. The names in `scores.csv` are these codes in every
/// language (a CRM picklist needs stable values); reports translate them.
public struct RiskBands: Sendable, Codable, Hashable {
  /// Upper bounds, ascending, each band `[previous, cut)`; the last band is `[last cut, 1]`.
  public let cuts: [Double]
  /// One more name than cuts.
  public let names: [String]

  /// - Throws: ``PredictionError/invalidParameter(name:value:reason:)`` when
  ///   the cuts are not strictly rising inside (0, 1) or the names do not
  ///   number one more than the cuts.
  public init(cuts: [Double] = [0.25, 0.5, 0.75], names: [String]? = nil) throws(PredictionError) {
    let text = cuts.map { "\($0)" }.joined(separator: ",")
    guard !cuts.isEmpty, cuts.allSatisfy({ $0 > 0 && $0 < 1 }), zip(cuts, cuts.dropFirst()).allSatisfy({ $0 < $1 }) else {
      throw .invalidParameter(name: "bands", value: text, reason: "cuts must rise strictly between 0 and 1")
    }
    let names = names ?? Self.defaultNames(count: cuts.count + 1)
    guard names.count == cuts.count + 1 else {
      throw .invalidParameter(name: "bands", value: text, reason: "\(cuts.count) cuts make \(cuts.count + 1) bands, not \(names.count)")
    }
    self.cuts = cuts
    self.names = names
  }

  /// The standard four bands.
  public static let standard = try! RiskBands()

  /// The band index of a probability.
  public func band(of probability: Double) -> Int {
    var lower = 0
    var upper = cuts.count
    while lower < upper {
      let mid = (lower + upper) / 2
      if probability < cuts[mid] { upper = mid } else { lower = mid + 1 }
    }
    return lower
  }

  /// The range of band `index` as text: `[0.25, 0.5)`.
  public func range(of index: Int) -> (lower: Double, upper: Double) {
    (index == 0 ? 0 : cuts[index - 1], index == cuts.count ? 1 : cuts[index])
  }

  private static func defaultNames(count: Int) -> [String] {
    switch count {
    case 2: ["low", "high"]
    case 3: ["low", "medium", "high"]
    case 4: ["low", "medium", "high", "very_high"]
    default: (1...count).map { "band_\($0)" }
    }
  }
}
