/// A segment's name in both report languages, derived from its profile by
/// ``SegmentName/derive(from:)`` or given by the user.
public struct SegmentName: Sendable, Equatable, Codable {
  public var en: String
  public var zh: String

  public init(en: String, zh: String) {
    self.en = en
    self.zh = zh
  }

  /// A user's name, the same in both languages.
  public init(_ name: String) {
    self.init(en: name, zh: name)
  }

  /// Names from profiles, by rules an analyst would apply, on ratios to the
  /// clustered base (R, T, M, A: medians of recency, tenure, total spend,
  /// average order value over the base's; F: mean frequency over the base's;
  /// D: mean discount share minus the base's), first rule that holds:
  ///
  /// ```
  /// R ≥ 2 and M ≥ 1            Lapsed high-value / 沉睡高价值  (spent more than most, then stopped)
  /// R ≥ 2                      Dormant / 沉睡
  /// T ≤ 0.5 and F ≤ 1          New / 新客
  /// M ≥ 4 and F ≥ 2.5          Champions / 核心客户
  /// M ≥ 1.5 and F ≥ 1.3        High-value loyal / 高价值忠诚
  /// R ≥ 1.4 and F ≥ 1          At risk / 流失预警            (used to buy often, now absent)
  /// A ≥ 1.5 and F < 1          Occasional big spenders / 偶发大额
  /// D ≥ 0.10 and A < 1         Price-sensitive / 价格敏感
  /// F ≥ 1.2                    Regulars / 常客
  /// M ≤ 0.6                    Low-value occasional / 低价值偶购
  /// otherwise                  Mainstream / 大众
  /// ```
  ///
  /// Thresholds are round numbers an analyst would use, not tuned to any data
  /// set. When several segments get the same name, they are told apart by
  /// value, as an analyst would: "Dormant · higher value" and "Dormant ·
  /// lower value" (median total spend; three or more: "value rank 1, 2 …").
  public static func derive(from profile: SegmentProfile) -> [SegmentName] {
    let k = profile.sizes.count
    func ratio(_ name: String, median: Bool) -> [Double] {
      guard let s = profile.measure(name) else { return [Double](repeating: .nan, count: k) }
      let base = median ? s.baseMedian : s.baseMean
      return (median ? s.median : s.mean).map { base > 0 ? $0 / base : .nan }
    }
    let r = ratio("recency_days", median: true)
    let t = ratio("tenure_days", median: true)
    let m = ratio("monetary_total", median: true)
    let a = ratio("monetary_avg", median: true)
    let f = ratio("frequency", median: false)
    let d: [Double] = profile.measure("discount_share").map { s in s.mean.map { $0 - s.baseMean } }
      ?? [Double](repeating: .nan, count: k)
    // Comparisons with .nan are false, so a missing measure never triggers a rule.
    let names: [SegmentName] = (0..<k).map { j in
      if r[j] >= 2 && m[j] >= 1 { return SegmentName(en: "Lapsed high-value", zh: "沉睡高价值") }
      if r[j] >= 2 { return SegmentName(en: "Dormant", zh: "沉睡") }
      if t[j] <= 0.5 && f[j] <= 1 { return SegmentName(en: "New", zh: "新客") }
      if m[j] >= 4 && f[j] >= 2.5 { return SegmentName(en: "Champions", zh: "核心客户") }
      if m[j] >= 1.5 && f[j] >= 1.3 { return SegmentName(en: "High-value loyal", zh: "高价值忠诚") }
      if r[j] >= 1.4 && f[j] >= 1 { return SegmentName(en: "At risk", zh: "流失预警") }
      if a[j] >= 1.5 && f[j] < 1 { return SegmentName(en: "Occasional big spenders", zh: "偶发大额") }
      if d[j] >= 0.10 && a[j] < 1 { return SegmentName(en: "Price-sensitive", zh: "价格敏感") }
      if f[j] >= 1.2 { return SegmentName(en: "Regulars", zh: "常客") }
      if m[j] <= 0.6 { return SegmentName(en: "Low-value occasional", zh: "低价值偶购") }
      return SegmentName(en: "Mainstream", zh: "大众")
    }
    // Segments sharing a name, told apart by their median total spend.
    let spend = profile.measure("monetary_total")?.median ?? [Double](repeating: 0, count: k)
    var qualified = names
    for name in Set(names.map(\.en)) {
      let members = (0..<k).filter { names[$0].en == name }
      guard members.count > 1 else { continue }
      let ranked = members.sorted { spend[$0] != spend[$1] ? spend[$0] > spend[$1] : $0 < $1 }
      for (rank, j) in ranked.enumerated() {
        let (en, zh) = members.count == 2
          ? (rank == 0 ? ("higher value", "较高价值") : ("lower value", "较低价值"))
          : ("value rank \(rank + 1)", "价值第\(rank + 1)")
        qualified[j] = SegmentName(en: "\(names[j].en) · \(en)", zh: "\(names[j].zh)·\(zh)")
      }
    }
    return unique(qualified)
  }

  /// Numbers repeated names in order: the second "Dormant" becomes "Dormant (2)".
  public static func unique(_ names: [SegmentName]) -> [SegmentName] {
    var seen: [String: Int] = [:]
    return names.map { name in
      seen[name.en, default: 0] += 1
      let n = seen[name.en]!
      return n == 1 ? name : SegmentName(en: "\(name.en) (\(n))", zh: "\(name.zh)（\(n)）")
    }
  }
}
