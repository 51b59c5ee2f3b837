/// Quintile scores 1…5 for recency, frequency and monetary value, one per
/// customer, as the data contract defines them ("RFM scores").
///
/// For one measure, take the `n` customers that have a value (NaN = missing),
/// order them from worst to best, and score by position:
///
/// ```
/// score(rank) = ⌊rank · 5 / n⌋ + 1          rank = 0 … n−1 (0 = worst)
///
/// frequency, monetary_total:  order by (value ascending,  customer_id ascending)
/// recency_days:               order by (value descending, customer_id ascending)
/// ```
///
/// So each score holds ⌊n/5⌋ or ⌈n/5⌉ customers, in the order of the ranks
/// (`pd.qcut(rank, 5, labels=False) + 1` gives the same scores whenever
/// 5 divides n; the fixture test checks both against pandas).
///
/// **Ties.** Customers with equal values are ranked by customer_id in
/// ascending `String` order (Unicode code points of the NFC form, so the same
/// on every machine): among equal values the id that sorts first gets the
/// lower rank, hence the lower or equal score. For recency the sort is by days
/// *descending* (longest ago = worst = rank 0), and ties again go id-ascending.
/// Score boundaries therefore never depend on input order, but two customers
/// with the same value *can* get adjacent scores when a quintile boundary
/// falls inside their tie — the price of exact quintile sizes (the contract
/// chooses that over value-based cut points).
///
/// Missing values (NaN) get score 0 ("no score") and do not count in `n`; each
/// measure is ranked among its own non-missing customers.
///
/// Literature: Hughes, A. M. (1994), *Strategic Database Marketing* — the
/// quintile RFM cell method; Fader, Hardie & Lee (2005), "RFM and CLV: Using
/// iso-value curves for customer base analysis", *J. Marketing Research* 42.
///
/// - Complexity: O(n log n) string comparisons once for the id order, then
///   O(n) per measure (stable radix sort); about 0.2 s for 1,000,000
///   customers in a release build.
public struct RFMScores: Sendable, Equatable {
  /// Recency score per customer: 5 = bought most recently; 0 = no score.
  public let recency: [UInt8]
  /// Frequency score per customer: 5 = most purchases; 0 = no score.
  public let frequency: [UInt8]
  /// Monetary score per customer: 5 = highest monetary_total; 0 = no score.
  public let monetary: [UInt8]

  /// Scores the customers.
  ///
  /// - Parameters:
  ///   - recencyDays: recency_days per customer (NaN = missing).
  ///   - frequency: frequency per customer (NaN = missing).
  ///   - monetaryTotal: monetary_total per customer (NaN = missing).
  ///   - customerIDs: customer_id per customer, for ties.
  /// - Precondition: all four arrays have the same count.
  public init(
    recencyDays: [Double], frequency: [Double], monetaryTotal: [Double], customerIDs: [String]
  ) {
    let n = customerIDs.count
    precondition(
      recencyDays.count == n && frequency.count == n && monetaryTotal.count == n,
      "RFMScores: one recency, frequency and monetary value per customer id")
    let idOrder = CustomerOrder.idOrder(customerIDs)
    recency = Self.quintiles(recencyDays, idOrder: idOrder, higherIsBetter: false)
    self.frequency = Self.quintiles(frequency, idOrder: idOrder, higherIsBetter: true)
    monetary = Self.quintiles(monetaryTotal, idOrder: idOrder, higherIsBetter: true)
  }

  /// Scores given directly (each 0…5), e.g. read back from a feature file.
  /// - Precondition: equal counts, every score in 0…5.
  public init(recency: [UInt8], frequency: [UInt8], monetary: [UInt8]) {
    precondition(recency.count == frequency.count && recency.count == monetary.count)
    precondition((recency + frequency + monetary).allSatisfy { $0 <= 5 }, "RFM scores are 0…5")
    self.recency = recency
    self.frequency = frequency
    self.monetary = monetary
  }

  /// The number of customers.
  public var count: Int { recency.count }

  /// The three-digit cell code, e.g. `"545"`, or `nil` when any score is missing.
  public func code(at customer: Int) -> String? {
    let r = recency[customer], f = frequency[customer], m = monetary[customer]
    guard r > 0, f > 0, m > 0 else { return nil }
    return "\(r)\(f)\(m)"
  }

  /// The named segment (see ``RFMSegment``), or `nil` when any score is missing.
  public func segment(at customer: Int) -> RFMSegment? {
    let r = recency[customer], f = frequency[customer], m = monetary[customer]
    guard r > 0, f > 0, m > 0 else { return nil }
    return RFMSegment(recency: Int(r), frequency: Int(f), monetary: Int(m))
  }

  /// ``code(at:)`` for every customer.
  public var codes: [String?] { (0..<count).map(code(at:)) }

  /// ``segment(at:)`` for every customer.
  public var segments: [RFMSegment?] { (0..<count).map(segment(at:)) }

  /// Quintile scores of one measure; 0 for NaN.
  ///
  /// The rank order runs worst → best, so for recency (fewer days is better)
  /// the values are ordered descending.
  static func quintiles(_ values: [Double], idOrder: [Int32], higherIsBetter: Bool) -> [UInt8] {
    let ranked = CustomerOrder.order(of: values, in: idOrder, descending: !higherIsBetter)
    var scores = [UInt8](repeating: 0, count: values.count)
    let n = ranked.count
    for (rank, customer) in ranked.enumerated() {
      scores[Int(customer)] = UInt8(rank * 5 / n + 1)
    }
    return scores
  }
}
