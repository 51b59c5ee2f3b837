import Statistics

/// Rules that place customers in a ``LifecycleStage`` from their features
/// as of T.
///
/// The first rule that applies wins:
///
/// ```
/// prospect  frequency is 0 or missing (or recency_days is missing)
/// new       tenure_days ≤ newWithinDays              (first purchase in [T − newWithinDays, T))
/// lapsed    recency_days > lapsedAfterDays
/// at risk   recency_days > atRiskMultiple · interpurchase_days_avg   (frequency ≥ 2)
///           recency_days > atRiskDays                                (one purchase: no interval)
/// active    otherwise
/// ```
///
/// "New" comes before the others on purpose: a relationship younger than a
/// month has no rhythm to fall behind (two orders a day apart, then three
/// weeks of quiet, is not a warning sign yet).
///
/// Defaults and why:
/// - `newWithinDays = 30`: the onboarding window of common CRM practice (the
///   welcome series, "new customers = first order in the last 30 days"), and
///   short enough that the at-risk rule takes over before a one-time buyer's
///   silence (> 90 days) could matter.
/// - `lapsedAfterDays = 365`: direct marketing's "12-month buyer" file — a
///   customer is active while they bought in the last 12 months (Hughes 1994;
///   the DMA's usual recency cut). A whole year without a purchase also spans
///   every season, so seasonal buyers are not called lapsed between seasons.
/// - `atRiskMultiple = 2`: in the buy-till-you-die models purchases of a live
///   customer follow a Poisson process (Pareto/NBD, Schmittlein, Morrison &
///   Colombo 1987; BG/NBD, Fader, Hardie & Lee 2005), so the time since the
///   last purchase of a customer who is still "alive" is exponential with
///   their mean gap μ and P(recency > 2μ | alive) = e⁻² ≈ 13.5 %. A silence of
///   twice the customer's own mean gap is thus unusual for a live customer —
///   a reasonably early, not too noisy alarm (3μ would be e⁻³ ≈ 5 %, later).
/// - `atRiskDays = 90` for one-time buyers (no own rhythm): the usual
///   "second-purchase window" of retail and e-commerce retention practice —
///   most customers who ever buy a second time do so within about three
///   months. A fixed default keeps the stage a property of the customer, not of
///   who else is in the file; to use the data's own rhythm instead, pass the
///   75th percentile of interpurchase_days_avg
///   (``suggestedAtRiskDays(interpurchaseDaysAverage:)``).
public struct LifecycleRules: Sendable, Equatable {
  /// A first purchase at most this many days before T makes the customer new (default 30).
  public let newWithinDays: Double
  /// More days than this since the last purchase makes the customer lapsed (default 365).
  public let lapsedAfterDays: Double
  /// Silence longer than this multiple of the customer's own mean gap is at risk (default 2).
  public let atRiskMultiple: Double
  /// Silence longer than this makes a one-time buyer at risk (default 90).
  public let atRiskDays: Double

  /// - Throws: ``FeatureError/invalidParameter(name:value:reason:)`` naming the
  ///   rule unless `0 ≤ newWithinDays < lapsedAfterDays`, `atRiskMultiple ≥ 1`,
  ///   `0 < atRiskDays ≤ lapsedAfterDays`, all finite.
  public init(
    newWithinDays: Double = 30, lapsedAfterDays: Double = 365, atRiskMultiple: Double = 2,
    atRiskDays: Double = 90
  ) throws(FeatureError) {
    guard newWithinDays.isFinite, newWithinDays >= 0 else {
      throw .invalidParameter(
        name: "newWithinDays", value: "\(newWithinDays)", reason: "it must be a number of days ≥ 0")
    }
    guard lapsedAfterDays.isFinite, lapsedAfterDays > newWithinDays else {
      throw .invalidParameter(
        name: "lapsedAfterDays", value: "\(lapsedAfterDays)",
        reason: "it must be more than newWithinDays (\(newWithinDays))")
    }
    // Below 1, a customer who is exactly on rhythm would already be at risk.
    guard atRiskMultiple.isFinite, atRiskMultiple >= 1 else {
      throw .invalidParameter(
        name: "atRiskMultiple", value: "\(atRiskMultiple)", reason: "it must be at least 1")
    }
    guard atRiskDays.isFinite, atRiskDays > 0, atRiskDays <= lapsedAfterDays else {
      throw .invalidParameter(
        name: "atRiskDays", value: "\(atRiskDays)",
        reason: "it must be above 0 and at most lapsedAfterDays (\(lapsedAfterDays))")
    }
    self.newWithinDays = newWithinDays
    self.lapsedAfterDays = lapsedAfterDays
    self.atRiskMultiple = atRiskMultiple
    self.atRiskDays = atRiskDays
  }

  /// The defaults: 30, 365, 2, 90.
  public static let standard = try! LifecycleRules()

  /// The stage of one customer (NaN = missing for every argument).
  public func stage(
    recencyDays: Double, frequency: Double, tenureDays: Double, interpurchaseDaysAverage: Double
  ) -> LifecycleStage {
    guard frequency > 0, !recencyDays.isNaN else { return .prospect }  // NaN > 0 is false
    if tenureDays <= newWithinDays { return .new }
    if recencyDays > lapsedAfterDays { return .lapsed }
    let limit =
      interpurchaseDaysAverage.isNaN ? atRiskDays : atRiskMultiple * interpurchaseDaysAverage
    return recencyDays > limit ? .atRisk : .active
  }

  /// ``stage(recencyDays:frequency:tenureDays:interpurchaseDaysAverage:)`` for every customer.
  /// - Precondition: equal counts.
  public func stages(
    recencyDays: [Double], frequency: [Double], tenureDays: [Double],
    interpurchaseDaysAverage: [Double]
  ) -> [LifecycleStage] {
    let n = recencyDays.count
    precondition(
      frequency.count == n && tenureDays.count == n && interpurchaseDaysAverage.count == n,
      "LifecycleRules: one value of each feature per customer")
    return (0..<n).map {
      stage(
        recencyDays: recencyDays[$0], frequency: frequency[$0], tenureDays: tenureDays[$0],
        interpurchaseDaysAverage: interpurchaseDaysAverage[$0])
    }
  }

  /// The 75th percentile of the customers' mean inter-purchase gaps (NaN
  /// ignored), rounded up to whole days: a data-driven `atRiskDays` — three in
  /// four repeat buyers have a shorter mean gap than that. `nil` when no
  /// customer has a gap.
  ///
  /// ```
  /// ⌈ Q(0.75) ⌉   Q = Statistics.Quantiles (type 7, numpy's default)
  /// ```
  public static func suggestedAtRiskDays(interpurchaseDaysAverage: [Double]) -> Double? {
    let q = Quantiles.quantile(unsorted: interpurchaseDaysAverage, 0.75)
    return q.isNaN ? nil : q.rounded(.up)
  }
}
