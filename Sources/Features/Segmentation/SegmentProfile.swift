/// What each segment looks like next to the whole clustered base, in the
/// data's own units: the numbers behind `centroids.csv`, the descriptions
/// in `profile.md` and the segment names.
///
/// Typical values are medians, because money columns carry outliers (one
/// mistyped ×1000 order moves a mean, not a median); frequency and the
/// discount share are means, because their medians are coarse small
/// integers or shares of few orders.
public struct SegmentProfile: Sendable {
  /// One column of the table summarised per segment and over the base.
  public struct Summary: Sendable, Equatable {
    public let name: String
    /// Mean over each segment's customers with a value (`.nan` when none).
    public let mean: [Double]
    public let median: [Double]
    public let baseMean: Double
    public let baseMedian: Double
  }

  /// The most common value of a text attribute (such as the region) in each segment.
  public struct Leading: Sendable, Equatable {
    public let attribute: String
    /// Per segment: the leading value, its share in the segment and its share in the base.
    public let values: [(value: String, share: Double, baseShare: Double)?]

    public static func == (a: Leading, b: Leading) -> Bool {
      a.attribute == b.attribute && a.values.count == b.values.count
        && zip(a.values, b.values).allSatisfy { x, y in
          x?.value == y?.value && x?.share == y?.share && x?.baseShare == y?.baseShare
        }
    }
  }

  /// Customers per segment.
  public let sizes: [Int]
  /// Share of the clustered customers per segment.
  public let shares: [Double]
  /// The measures descriptions use, when present: recency_days, frequency,
  /// monetary_total, monetary_avg, interpurchase_days_avg, tenure_days, discount_share.
  public let measures: [Summary]
  /// Each source column of the design (numbers in original units; one-hot
  /// levels as shares, 0…1).
  public let designColumns: [Summary]
  /// Churn rate per segment (customers with a label), and over the base; `nil` without labels.
  public let churnRate: (segments: [Double], base: Double)?
  /// Leading region (from `province`) per segment, when the table has provinces.
  public let region: Leading?

  public static let measureNames = [
    "recency_days", "frequency", "monetary_total", "monetary_avg", "interpurchase_days_avg", "tenure_days",
    "discount_share",
  ]

  /// Profiles `result`'s segments over the rows of `table` it clustered.
  public init(_ result: SegmentationResult, table: FeatureTable) {
    let rows = result.design.rows
    let labels = result.labels
    let k = result.k
    sizes = (0..<k).map { j in labels.reduce(0) { $0 + ($1 == Int32(j) ? 1 : 0) } }
    shares = sizes.map { rows.isEmpty ? 0 : Double($0) / Double(rows.count) }

    func summary(_ name: String, _ values: [Double]) -> Summary {
      var groups = [[Double]](repeating: [], count: k)
      var all: [Double] = []
      for (i, r) in rows.enumerated() where !values[r].isNaN {
        groups[Int(labels[i])].append(values[r])
        all.append(values[r])
      }
      return Summary(
        name: name, mean: groups.map(Self.mean), median: groups.map(SegmentDesign.median),
        baseMean: Self.mean(all), baseMedian: SegmentDesign.median(all))
    }
    measures = Self.measureNames.compactMap { name in table.numbers(name).map { summary(name, $0) } }

    var designColumns: [Summary] = []
    for column in result.design.columns {
      if let level = column.level, let text = table.text(column.source) {
        designColumns.append(summary(column.name, text.map { $0 == level ? 1 : 0 }))
      } else if let numbers = table.numbers(column.source) {
        designColumns.append(summary(column.source, numbers))
      }
    }
    self.designColumns = designColumns

    if let churn = table.numbers("churn"), rows.contains(where: { !churn[$0].isNaN }) {
      let s = summary("churn", churn)
      churnRate = (s.mean, s.baseMean)
    } else {
      churnRate = nil
    }

    if let provinces = table.text("province") {
      var regionOf: [String: String?] = [:]
      let regions = rows.map { r in
        provinces[r].flatMap { province in
          if let known = regionOf[province] { return known }
          let region = ChineseRegion.region(ofProvince: province)?.zh
          regionOf[province] = .some(region)
          return region
        }
      }
      region = Self.leading("region", regions, labels: labels, k: k)
    } else {
      region = nil
    }
  }

  /// The summary of measure `name`, if the table had it.
  public func measure(_ name: String) -> Summary? { measures.first { $0.name == name } }

  /// The most common non-missing value per segment, ties broken by code point.
  static func leading(_ attribute: String, _ values: [String?], labels: [Int32], k: Int) -> Leading? {
    guard values.contains(where: { $0 != nil }) else { return nil }
    var counts = [[String: Int]](repeating: [:], count: k)
    var sizes = [Int](repeating: 0, count: k)
    var base: [String: Int] = [:]
    for (i, value) in values.enumerated() {
      let j = Int(labels[i])
      sizes[j] += 1
      if let value {
        counts[j][value, default: 0] += 1
        base[value, default: 0] += 1
      }
    }
    let n = Double(values.count)
    return Leading(
      attribute: attribute,
      values: (0..<k).map { j in
        guard let top = counts[j].max(by: { a, b in
          a.value < b.value || (a.value == b.value && b.key.unicodeScalars.lexicographicallyPrecedes(a.key.unicodeScalars))
        }) else { return nil }
        return (top.key, Double(top.value) / Double(sizes[j]), Double(base[top.key] ?? 0) / n)
      })
  }

  static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
  }
}
