import DataIngest

/// The classifications analysts ask for by name, added to a feature table as
/// columns: RFM scores and segment, value tier, lifecycle stage, current and
/// potential value, region and economic zone.
///
/// ```swift
/// var table = FeatureTable(features, history: history)
/// let unknown = try CustomerClassification().append(to: &table, features: features)
/// ```
public struct CustomerClassification: Sendable {
  public var tiers: ValueTierThresholds
  public var lifecycle: LifecycleRules
  public var value: CustomerValue
  public var regions: RegionMapping
  /// Chinese class names instead of English ones.
  public var chineseNames: Bool

  public init(
    tiers: ValueTierThresholds = .pareto, lifecycle: LifecycleRules = .standard, value: CustomerValue = .standard,
    regions: RegionMapping = .china, chineseNames: Bool = false
  ) {
    self.tiers = tiers
    self.lifecycle = lifecycle
    self.value = value
    self.regions = regions
    self.chineseNames = chineseNames
  }

  /// The columns ``append(to:features:)`` adds.
  public static let columnNames: Set<String> = [
    "r_score", "f_score", "m_score", "rfm_code", "rfm_segment", "value_tier", "lifecycle_stage", "current_value",
    "potential_value", "region", "economic_zone",
  ]

  /// Appends the classification columns to `table`, whose rows are `features`' rows.
  /// - Returns: province names the region mapping does not know, with their row counts.
  @discardableResult
  public func append(to table: inout FeatureTable, features: CustomerFeatures) -> [(name: String, count: Int)] {
    let ids = table.customerIDs
    let rfm = RFMScores(
      recencyDays: features.recencyDays, frequency: features.frequency, monetaryTotal: features.monetaryTotal,
      customerIDs: ids)
    func score(_ values: [UInt8]) -> [Double] { values.map { $0 == 0 ? .nan : Double($0) } }
    table.append(.number("r_score", score(rfm.recency)))
    table.append(.number("f_score", score(rfm.frequency)))
    table.append(.number("m_score", score(rfm.monetary)))
    table.append(.text("rfm_code", rfm.codes))
    table.append(.text("rfm_segment", rfm.segments.map { $0.map { chineseNames ? $0.chineseName : $0.englishName } }))
    let tier = ValueTier.assign(monetaryTotal: features.monetaryTotal, customerIDs: ids, thresholds: tiers)
    table.append(.text("value_tier", tier.map(\.rawValue)))
    let stages = lifecycle.stages(
      recencyDays: features.recencyDays, frequency: features.frequency, tenureDays: features.tenureDays,
      interpurchaseDaysAverage: features.interpurchaseDaysAvg)
    table.append(.text("lifecycle_stage", stages.map { chineseNames ? $0.chineseName : $0.englishName }))
    let worth = value.evaluate(
      spend365d: features.spend365d, orders90d: features.orders90d, frequency: features.frequency,
      tenureDays: features.tenureDays, monetaryTotal: features.monetaryTotal)
    table.append(.number("current_value", worth.current))
    table.append(.number("potential_value", worth.potential))
    return appendRegions(to: &table)
  }

  /// Appends the columns of ``append(to:features:)`` among `names`, the same
  /// values: the regions alone when no other is named (RFM scores and tiers
  /// rank every customer, regions are a lookup), or all of them.
  public func append(to table: inout FeatureTable, features: CustomerFeatures, only names: Set<String>) {
    let wanted = names.intersection(Self.columnNames)
    if !wanted.isSubset(of: ["region", "economic_zone"]) {
      append(to: &table, features: features)
    } else if !wanted.isEmpty {
      appendRegions(to: &table)
    }
  }

  /// Region and economic zone, from the table's province and city.
  @discardableResult
  private func appendRegions(to table: inout FeatureTable) -> [(name: String, count: Int)] {
    guard let provinces = table.text("province") else { return [] }
    return appendRegions(to: &table, provinces: provinces, cities: table.text("city"))
  }

  /// Region and zone per row, looked up once per distinct province (and city).
  private func appendRegions(to table: inout FeatureTable, provinces: [String?], cities: [String?]?)
    -> [(name: String, count: Int)]
  {
    var regionOf: [String: String?] = [:]
    var zoneOf: [ProvinceCity: String?] = [:]
    // The answers for the pairs seen, by their bits: most rows need no hashing of Chinese text.
    var seen: [PlaceBits: (region: String?, zone: String?)] = [:]
    var unknown: [String: Int] = [:]
    var region = [String?](repeating: nil, count: provinces.count)
    var zone = [String?](repeating: nil, count: provinces.count)
    for (row, province) in provinces.enumerated() {
      guard let province else { continue }
      let city = cities?[row] ?? nil
      let bits = PlaceBits(province: StringBits(province), city: city.map(StringBits.init))
      if let answer = seen[bits] {
        region[row] = answer.region
        zone[row] = answer.zone
        if answer.region == nil { unknown[province, default: 0] += 1 }
        continue
      }
      let found: String?
      if let cached = regionOf[province] {
        found = cached
      } else {
        found = regions.region(province: province)
        regionOf[province] = .some(found)
      }
      region[row] = found
      if found == nil { unknown[province, default: 0] += 1 }
      let key = ProvinceCity(province: province, city: city)
      if let cached = zoneOf[key] {
        zone[row] = cached
      } else {
        let z = regions.economicZone(province: province, city: city)
        zoneOf[key] = .some(z)
        zone[row] = z
      }
      if seen.count < 4096 { seen[bits] = (found, zone[row]) }
    }
    table.append(.text("region", region))
    table.append(.text("economic_zone", zone))
    return unknown.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
  }
}

/// A place an economic zone is looked up for.
private struct ProvinceCity: Hashable {
  let province: String
  let city: String?
}

/// A province and city by their bits (``StringBits``), while the columns holding them live.
private struct PlaceBits: Hashable {
  let province: StringBits
  let city: StringBits?
}
