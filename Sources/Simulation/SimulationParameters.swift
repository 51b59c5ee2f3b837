import DataIngest

/// Everything that determines a simulated data set: the same parameters give
/// the same bytes.
///
/// ```swift
/// var parameters = SimulationParameters(customers: 10_000, seed: 7)
/// parameters.effects.hazardMember = 0        // a world where membership does not help
/// try PurchaseSimulator(parameters).write(to: "data/sim")
/// ```
public struct SimulationParameters: Sendable, Equatable {
  /// Number of customers to simulate (ids `C0000001` ...).
  public var customers: Int
  /// The seed of every random draw.
  public var seed: UInt64
  /// First calendar day of the period, a ``DayNumber``.
  public var startDay: Int32
  /// Last calendar day of the period (inclusive), a ``DayNumber``.
  public var endDay: Int32
  /// The hidden drivers of churn, complaints, discounts and refunds.
  public var effects: LatentEffects
  /// The latent segments (at most 255).
  public var segments: [SegmentProfile]
  /// Where customers live (at most 255 provinces).
  public var provinces: [Province]

  /// The default period: 2023-01-01 to 2025-12-31.
  public static let defaultStartDay: Int32 = 19358
  public static let defaultEndDay: Int32 = 20453
  /// The largest number of customers, which keeps peak memory near 6 GB
  /// (about 0.6 GB per million customers: every row is held to sort by date).
  public static let maximumCustomers = 10_000_000
  /// The longest period, in days (100 years).
  public static let maximumDays = 36_525

  public init(
    customers: Int, seed: UInt64 = 1, startDay: Int32 = defaultStartDay,
    endDay: Int32 = defaultEndDay, effects: LatentEffects = .standard,
    segments: [SegmentProfile] = SegmentProfile.builtIn, provinces: [Province] = Province.builtIn
  ) {
    self.customers = customers
    self.seed = seed
    self.startDay = startDay
    self.endDay = endDay
    self.effects = effects
    self.segments = segments
    self.provinces = provinces
  }

  /// Number of calendar days in the period, both ends included.
  public var dayCount: Int { Int(endDay) - Int(startDay) + 1 }

  /// Checks every parameter against its range.
  ///
  /// - Throws: ``SimulationError/invalidParameter(name:value:reason:)``
  ///   naming the first parameter out of range, its value and the rule.
  public func validate() throws(SimulationError) {
    try check(customers >= 1, "customers", customers, "must be at least 1")
    try check(
      customers <= Self.maximumCustomers, "customers", customers,
      "must be at most \(Self.maximumCustomers)")
    let first = DayNumber.components(startDay).year
    let last = DayNumber.components(endDay).year
    try check(first >= 1900 && last <= 9999, "start", iso(startDay), "must be a date from 1900 to 9999")
    try check(endDay > startDay, "end", iso(endDay), "must be after start (\(iso(startDay)))")
    try check(
      dayCount <= Self.maximumDays, "end", iso(endDay),
      "must be at most \(Self.maximumDays) days after start")
    try validateEffects()
    try validateSegments()
    try validateProvinces()
  }

  private func validateEffects() throws(SimulationError) {
    let e = effects
    for (name, value) in [
      ("hazardPerDissatisfaction", e.hazardPerDissatisfaction), ("hazardPriceSensitive", e.hazardPriceSensitive),
      ("hazardMember", e.hazardMember), ("regionalScale", e.regionalScale),
      ("complaintPerDissatisfaction", e.complaintPerDissatisfaction),
    ] {
      try check(value.isFinite && abs(value) <= 5, name, value, "must be a number from -5 to 5")
    }
    for (name, value) in [
      ("complaintsPerDay", e.complaintsPerDay), ("preChurnComplaints", e.preChurnComplaints),
      ("preChurnDays", e.preChurnDays),
    ] {
      try check(value.isFinite && value >= 0 && value <= 1000, name, value, "must be from 0 to 1000")
    }
    for (name, value) in [
      ("discountProbability", e.discountProbability),
      ("discountProbabilityPriceSensitive", e.discountProbabilityPriceSensitive),
      ("refundProbability", e.refundProbability),
    ] {
      try check(value >= 0 && value <= 1, name, value, "must be a probability from 0 to 1")
    }
  }

  private func validateSegments() throws(SimulationError) {
    try check(
      !segments.isEmpty && segments.count <= 255, "segments", segments.count, "must number from 1 to 255")
    try check(segments.reduce(0) { $0 + $1.share } > 0, "segments", segments.count, "need a positive total share")
    for s in segments {
      let n = "segments[\(s.name)]"
      try check(isPlainField(s.name) && !s.name.isEmpty, n, s.name, "name must be non-empty without , \" or line breaks")
      try check(s.share.isFinite && s.share >= 0, "\(n).share", s.share, "must be >= 0")
      try check(
        s.purchasesPerDay.isFinite && s.purchasesPerDay >= 0 && s.purchasesPerDay <= 10,
        "\(n).purchasesPerDay", s.purchasesPerDay, "must be from 0 to 10")
      try check(
        s.medianOrderValue > 0 && s.medianOrderValue <= 100_000, "\(n).medianOrderValue",
        s.medianOrderValue, "must be above 0 and at most 100000")
      try check(
        s.orderValueSigma >= 0 && s.orderValueSigma <= 3, "\(n).orderValueSigma", s.orderValueSigma,
        "must be from 0 to 3")
      try check(s.baseHazard >= 0 && s.baseHazard <= 1, "\(n).baseHazard", s.baseHazard, "must be from 0 to 1")
      for (name, p) in [
        ("priceSensitiveShare", s.priceSensitiveShare), ("memberShare", s.memberShare),
        ("welcomeProbability", s.welcomeProbability),
      ] {
        try check(p >= 0 && p <= 1, "\(n).\(name)", p, "must be a probability from 0 to 1")
      }
      try checkWeights(s.categoryWeights, count: SimulationVocabulary.categories.count, "\(n).categoryWeights")
      try checkWeights(s.channelWeights, count: SimulationVocabulary.channels.count, "\(n).channelWeights")
    }
  }

  private func validateProvinces() throws(SimulationError) {
    try check(
      !provinces.isEmpty && provinces.count <= 255, "provinces", provinces.count, "must number from 1 to 255")
    try check(
      provinces.reduce(0) { $0 + $1.populationMillions } > 0, "provinces", provinces.count,
      "need a positive total population")
    for p in provinces {
      let n = "provinces[\(p.name)]"
      try check(isPlainField(p.name) && !p.name.isEmpty, n, p.name, "name must be non-empty without , \" or line breaks")
      try check(
        p.populationMillions.isFinite && p.populationMillions >= 0, "\(n).populationMillions",
        p.populationMillions, "must be >= 0")
      try check(!p.cities.isEmpty, "\(n).cities", p.cities.count, "must list at least one city")
      for city in p.cities {
        try check(isPlainField(city) && !city.isEmpty, "\(n).cities", city, "must be non-empty without , \" or line breaks")
      }
      try check(p.hazardEffect.isFinite && abs(p.hazardEffect) <= 5, "\(n).hazardEffect", p.hazardEffect, "must be from -5 to 5")
    }
  }

  private func checkWeights(_ weights: [Double], count: Int, _ name: String) throws(SimulationError) {
    try check(weights.count == count, name, weights.count, "must list \(count) weights")
    try check(
      weights.allSatisfy { $0.isFinite && $0 >= 0 } && weights.reduce(0, +) > 0, name,
      weights.map { "\($0)" }.joined(separator: " "), "must be >= 0 with a positive total")
  }

  private func check(_ condition: Bool, _ name: String, _ value: Any, _ reason: String) throws(SimulationError) {
    if !condition { throw .invalidParameter(name: name, value: "\(value)", reason: reason) }
  }

  /// Text written into CSV fields unquoted must not need quoting.
  private func isPlainField(_ text: String) -> Bool {
    !text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
  }

  private func iso(_ day: Int32) -> String { DayNumber.isoString(day) }
}
