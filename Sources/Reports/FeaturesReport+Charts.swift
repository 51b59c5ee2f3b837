import Charts
import DataIngest
import Features

extension FeaturesReport {
  /// The charts `summary.md` links to, for the classifications the table has:
  /// value tiers, lifecycle stages and RFM segments.
  public var charts: [ReportChart] { [valueTierChart, lifecycleChart, rfmSegmentChart].compactMap { $0 } }

  /// The chart of a class column, if it has one.
  func chart(of column: String) -> ReportChart? {
    switch column {
    case "value_tier": valueTierChart
    case "lifecycle_stage": lifecycleChart
    case "rfm_segment": rfmSegmentChart
    default: nil
    }
  }

  /// Customers per class of `column`, in `order` (names not in it after, by count), `nil` last.
  private func classCounts(_ column: String, order: [String]) -> [(name: String?, count: Int)]? {
    guard let values = table.text(column) else { return nil }
    let (counts, missing) = StringBits.counts(values)
    let known = order.filter { counts[$0] != nil }
    let others = counts.keys.filter { !order.contains($0) }.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
    return (known + others).map { ($0, counts[$0]!) } + (missing > 0 ? [(nil, missing)] : [])
  }

  private func countLabel(_ count: Int) -> String {
    "\(count) (\(NumberFormatting.percent(Double(count) / Double(max(table.count, 1)))))"
  }

  /// A bar per class of `column` (in `order`) with its count and share of all customers; `nil` without the column.
  private func classChart(
    column: String, order: [String], file: String, title: String, subtitle: String, color: Int
  ) -> ReportChart? {
    let l = language
    guard let classes = classCounts(column, order: order) else { return nil }
    let counts = classes.map { Double($0.count) }
    let chart = BarChart(
      categories: classes.map { $0.name ?? l.pick("(none)", "（无）") },
      series: [
        .init(
          name: l.pick("customers", "客户数"), values: counts, color: ChartStyle.color(color),
          labels: classes.map { countLabel($0.count) })
      ],
      value: .linear(l.pick("customers", "客户数"), covering: counts, format: .number(l.numberUnits)))
    return ReportChart(
      file: file, alt: title, figure: Figure(title: title, subtitle: subtitle, panels: [chart], width: 760))
  }

  private var asOfText: String { DayNumber.isoString(features.asOf) }

  /// `value_tiers.svg`: customers and spend per ABC tier.
  public var valueTierChart: ReportChart? {
    let l = language
    guard let tiers = table.text("value_tier"), let classes = classCounts("value_tier", order: ValueTier.allCases.map(\.rawValue))
    else { return nil }
    let spend = table.numbers("monetary_total") ?? []
    var spendByTier: [String: Double] = [:]
    var total = 0.0
    for (i, tier) in tiers.enumerated() where i < spend.count && spend[i] > 0 {
      spendByTier[tier ?? "", default: 0] += spend[i]
      total += spend[i]
    }
    let customers = classes.map { Double($0.count) / Double(max(table.count, 1)) }
    let spendShares = classes.map { c in total > 0 ? (spendByTier[c.name ?? ""] ?? 0) / total : 0 }
    let chart = BarChart(
      categories: classes.map { c in
        c.name.map { name in l == .zh ? ValueTier(rawValue: name)?.chineseName ?? name : name } ?? l.pick("(none)", "（无）")
      },
      series: [
        .init(
          name: l.pick("share of customers", "客户占比"), values: customers, color: ChartStyle.color(0),
          labels: classes.map { countLabel($0.count) }),
        .init(
          name: l.pick("share of total spend", "消费金额占比"), values: spendShares, color: ChartStyle.color(1),
          labels: spendShares.map { NumberFormatting.percent($0) }),
      ],
      value: .linear(l.pick("share", "占比"), covering: customers + spendShares, format: .percent))
    return ReportChart(
      file: "value_tiers.svg", alt: l.pick("Value tiers", "价值分层"),
      figure: Figure(
        title: l.pick("Value tiers (ABC)", "价值分层（ABC）"),
        subtitle: l.pick(
          "As of \(asOfText): A = the fewest customers bringing 80% of the spend, B the next 15%",
          "截至 \(asOfText)：A 类为贡献 80% 消费金额的最少客户，B 类为其后的 15%"),
        panels: [chart], width: 760))
  }

  /// `lifecycle.svg`: customers per lifecycle stage, in the order of the lifecycle.
  public var lifecycleChart: ReportChart? {
    let l = language
    return classChart(
      column: "lifecycle_stage", order: LifecycleStage.allCases.flatMap { [$0.englishName, $0.chineseName] },
      file: "lifecycle.svg", title: l.pick("Lifecycle stages", "生命周期阶段"),
      subtitle: l.pick(
        "Customers per stage as of \(asOfText), with their share of all customers", "截至 \(asOfText) 各阶段客户数及占全部客户的比例"),
      color: 2)
  }

  /// `rfm_segments.svg`: customers per RFM segment, from the best segment to the weakest.
  public var rfmSegmentChart: ReportChart? {
    let l = language
    return classChart(
      column: "rfm_segment", order: RFMSegment.allCases.flatMap { [$0.englishName, $0.chineseName] },
      file: "rfm_segments.svg", title: l.pick("RFM segments", "RFM 分群"),
      subtitle: l.pick(
        "Customers per segment as of \(asOfText); customers without a purchase have none", "截至 \(asOfText) 各分群客户数；无购买的客户不参与分群"),
      color: 6)
  }
}
