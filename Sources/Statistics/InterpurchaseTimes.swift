import DataIngest

/// Days between consecutive purchases of the same customer.
///
/// With a customer's purchases (orders with amount > 0) sorted by order day
/// d₁ ≤ d₂ ≤ … ≤ dₖ, the gaps are
///
/// ```
/// gᵢ = dᵢ₊₁ − dᵢ     (i = 1 … k − 1; two purchases on one day give 0)
/// ```
///
/// pooled over all customers. They are summarised as a ``NumericSummary``
/// and counted in fixed bins of whole days: 0–7, 8–14, 15–30, 31–60, 61–90,
/// 91–180, 181–365, > 365.
public struct InterpurchaseTimes: Sendable, Equatable {
  /// A histogram bin of whole days, `lower...upper` (`upper` nil: no limit).
  public struct Bin: Sendable, Equatable {
    public let lower: Int
    public let upper: Int?
    public let count: Int

    /// `"0-7"`, …, `"181-365"`, `">365"`.
    public var label: String { upper.map { "\(lower)-\($0)" } ?? ">\(lower - 1)" }
  }

  /// Upper ends (inclusive) of the bins; the last bin is everything above.
  public static let binUpperBounds = [7, 14, 30, 60, 90, 180, 365]

  /// Every gap, grouped by customer (ascending index), in day order.
  public let gaps: [Double]
  /// Summary of ``gaps``.
  public let summary: NumericSummary
  /// Counts of ``gaps`` per bin, in bin order.
  public let histogram: [Bin]

  /// Collects the gaps between purchases in `orders`.
  ///
  /// - Complexity: O(p log p) for p purchases (one sort of packed
  ///   (customer, day) keys).
  public init(_ orders: OrderTable) {
    // One Int64 per purchase: customer in the high half, day (shifted to be
    // non-negative) in the low half, so sorting the keys groups by customer
    // and orders days within a customer.
    var keys: [Int64] = []
    keys.reserveCapacity(orders.count)
    for o in 0..<orders.count where orders.isPurchase(o) {
      let day = Int64(orders.day[o]) - Int64(Int32.min)
      keys.append(Int64(orders.customer[o]) << 32 | day)
    }
    keys.sort()
    var gaps: [Double] = []
    gaps.reserveCapacity(keys.count)
    for i in keys.indices.dropFirst() where keys[i] >> 32 == keys[i - 1] >> 32 {
      gaps.append(Double(keys[i] - keys[i - 1]))
    }
    let bounds = Self.binUpperBounds
    var tally = [Int](repeating: 0, count: bounds.count + 1)
    for gap in gaps {
      tally[bounds.firstIndex { gap <= Double($0) } ?? bounds.count] += 1
    }
    self.gaps = gaps
    summary = NumericSummary(gaps)
    histogram = tally.indices.map { i in
      Bin(
        lower: i == 0 ? 0 : bounds[i - 1] + 1, upper: i < bounds.count ? bounds[i] : nil,
        count: tally[i])
    }
  }

  public static func == (lhs: InterpurchaseTimes, rhs: InterpurchaseTimes) -> Bool {
    lhs.gaps == rhs.gaps && lhs.summary == rhs.summary && lhs.histogram == rhs.histogram
  }
}
