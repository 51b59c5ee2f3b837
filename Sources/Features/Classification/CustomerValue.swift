/// Current and potential value of customers: what they bring now, and what
/// their buying rate suggests they could bring over the next horizon.
///
/// ```
/// current   = spend_365d                                   (net of refunds; may be < 0)
///
/// recent    = orders_90d / 90                               orders per day, last 90 days
/// long-run  = frequency / max(tenure_days, 90)              orders per day since the first order
/// rate      = w · recent + (1 − w) · long-run               w = recentWeight (default 0.5)
/// AOV       = max(monetary_total / frequency, 0)
/// potential = horizonDays · rate · AOV                      (≥ 0; 0 without purchases)
/// ```
///
/// Why this form: potential is "expected orders × order value", the simple
/// counting estimate behind customer-lifetime-value rules of thumb (Gupta &
/// Lehmann 2003, "Customers as assets", *J. Interactive Marketing* 17). The
/// rate blends two views: the recent rate reacts to change, so a customer
/// who is buying more than their history shows a higher potential (and one
/// slowing down a lower one), while the long-run rate steadies it against the
/// noise of a 90-day count (0, 1 or 2 orders). Equal weights are the plain,
/// symmetric choice. The long-run exposure is at least 90 days so that a
/// customer who bought once yesterday is not projected at one order a day
/// (for tenure < 90 both rates are then frequency / 90). Average order value
/// is the customer's own, floored at 0 so refunds never make potential
/// negative. No survival term is applied: a lapsed customer keeps half their
/// long-run rate; combine with ``LifecycleStage`` when that matters.
///
/// Defaults: `horizonDays = 365`, so potential is on the same one-year scale
/// as current value and the two can be compared on one chart (the usual
/// current-value × potential-value matrix); `recentWeight = 0.5`.
public struct CustomerValue: Sendable, Equatable {
  /// Days ahead that potential value covers (default 365).
  public let horizonDays: Double
  /// Weight w of the 90-day rate in the blended order rate (default 0.5).
  public let recentWeight: Double

  /// - Throws: ``FeatureError/invalidParameter(name:value:reason:)`` unless
  ///   `horizonDays > 0` (finite) and `0 ≤ recentWeight ≤ 1`.
  public init(horizonDays: Double = 365, recentWeight: Double = 0.5) throws(FeatureError) {
    guard horizonDays.isFinite, horizonDays > 0 else {
      throw .invalidParameter(
        name: "horizonDays", value: "\(horizonDays)", reason: "it must be a number of days above 0")
    }
    guard recentWeight >= 0, recentWeight <= 1 else {
      throw .invalidParameter(
        name: "recentWeight", value: "\(recentWeight)", reason: "it must be between 0 and 1")
    }
    self.horizonDays = horizonDays
    self.recentWeight = recentWeight
  }

  /// Horizon 365 days, equal weights.
  public static let standard = try! CustomerValue()

  /// Current and potential value of every customer (NaN = missing).
  ///
  /// - Parameters:
  ///   - spend365d: sum of order amounts in [T − 365, T) per customer.
  ///   - orders90d: orders_90d (missing counts as 0).
  ///   - frequency: frequency (missing or 0 → potential 0).
  ///   - tenureDays: tenure_days.
  ///   - monetaryTotal: monetary_total (for the average order value).
  /// - Precondition: equal counts.
  public func evaluate(
    spend365d: [Double], orders90d: [Double], frequency: [Double], tenureDays: [Double],
    monetaryTotal: [Double]
  ) -> CustomerValueResult {
    let n = spend365d.count
    precondition(
      orders90d.count == n && frequency.count == n && tenureDays.count == n
        && monetaryTotal.count == n,
      "CustomerValue: one value of each feature per customer")
    var potential = [Double](repeating: 0, count: n)
    for i in 0..<n {
      potential[i] = self.potential(
        orders90d: orders90d[i], frequency: frequency[i], tenureDays: tenureDays[i],
        monetaryTotal: monetaryTotal[i])
    }
    return CustomerValueResult(current: spend365d, potential: potential)
  }

  /// Potential value of one customer (see the formula above).
  public func potential(
    orders90d: Double, frequency: Double, tenureDays: Double, monetaryTotal: Double
  ) -> Double {
    guard frequency > 0, monetaryTotal > 0 else { return 0 }  // also false for NaN
    let recent = orders90d.isNaN ? 0 : max(orders90d, 0) / 90
    let exposure = tenureDays.isNaN ? 90 : max(tenureDays, 90)
    let longRun = frequency / exposure
    let rate = recentWeight * recent + (1 - recentWeight) * longRun
    return horizonDays * rate * (monetaryTotal / frequency)
  }
}
