import DataIngest
import Dispatch
import Features
import Models
import Statistics

/// `summary.md` of `analyze features`: who is in the table, the labels'
/// rates, and each classification with counts and shares.
public struct FeaturesReport {
  public let features: CustomerFeatures
  public let table: FeatureTable
  public let ingest: IngestReport
  /// Province names the region mapping does not know, with their customer counts.
  public let unknownProvinces: [(name: String, count: Int)]
  public let language: ReportLanguage

  public init(
    features: CustomerFeatures, table: FeatureTable, ingest: IngestReport,
    unknownProvinces: [(name: String, count: Int)] = [], language: ReportLanguage = .en
  ) {
    self.features = features
    self.table = table
    self.ingest = ingest
    self.unknownProvinces = unknownProvinces
    self.language = language
  }

  private var buyers: Int { features.hasOrders.reduce(0) { $0 + ($1 ? 1 : 0) } }

  /// Two lines for the terminal.
  public var consoleSummary: String {
    var text = "\(features.count) customers known before \(DayNumber.isoString(features.asOf)): \(buyers) with orders, \(features.count - buyers) prospects."
    if let churn = features.churn, let horizon = features.horizon {
      let labelled = churn.filter { !$0.isNaN }
      let rate = labelled.isEmpty ? 0 : labelled.reduce(0, +) / Double(labelled.count)
      text += "\nChurn in the next \(horizon) days: \(NumberFormatting.fixed(rate * 100, digits: 1) ?? "–")% of \(labelled.count)."
    }
    return text
  }

  public var markdown: String {
    let l = language
    var text = "# \(l.pick("Customer features", "客户特征"))\n\n"
    text += l.pick(
      "As of \(DayNumber.isoString(features.asOf)) (rows dated before it): \(features.count) customers, \(buyers) with at least one order, \(features.count - buyers) prospects (known, no order yet).\n",
      "截至 \(DayNumber.isoString(features.asOf))（仅用此前的数据）：共 \(features.count) 位客户，其中 \(buyers) 位有订单，\(features.count - buyers) 位为潜在客户（已知但尚未下单）。\n")
    if let churn = features.churn, let purchase = features.purchase, let horizon = features.horizon {
      let labelled = churn.filter { !$0.isNaN }
      let churnRate = labelled.isEmpty ? 0 : labelled.reduce(0, +) / Double(labelled.count)
      let purchaseRate = purchase.isEmpty ? 0 : purchase.reduce(0, +) / Double(purchase.count)
      text += "\n" + l.pick(
        "Labels over the next \(horizon) days: churn \(percent(churnRate)) of the \(labelled.count) customers with orders; purchase \(percent(purchaseRate)) of all \(purchase.count).\n",
        "未来 \(horizon) 天标签：有订单客户 \(labelled.count) 位中流失率 \(percent(churnRate))；全部 \(purchase.count) 位中购买率 \(percent(purchaseRate))。\n")
    }
    text += "\n## \(l.pick("Features", "特征"))\n\n"
    var summary = ReportTable(title: "", columns: [l.pick("feature", "特征"), "count", "missing", "mean", "p25", "median", "p75", "max"])
    let numbers = table.columns.compactMap { column -> (String, [Double])? in
      if case .number(let name, let values) = column { return (name, values) }
      return nil
    }
    // Each column sorts a million values: the columns are summarised side by side.
    let rows = ConcurrentSlots<[ReportCell]>(repeating: [], count: numbers.count)
    DispatchQueue.concurrentPerform(iterations: numbers.count) { c in
      let (name, values) = numbers[c]
      rows[c] = Self.summaryRow(name, values)
    }
    for c in 0..<numbers.count { summary.append(rows[c]) }
    text += summary.markdown()
    for case .text(let name, let values) in table.columns where Self.classColumns.contains(name) {
      text += "\n## \(name)\n\n"
      if let chart = chart(of: name) { text += chart.markdownLink + "\n" }
      text += classTable(values)
      if name == "rfm_segment" {
        text += "\n" + l.pick(
          "Quintile scores 1–5 by rank (ties by customer_id); the segment is read from R and FM = ⌈(F + M)/2⌉ on the usual 11-segment grid.",
          "按排名计算 1–5 分位得分（同值按客户编号排序）；细分由 R 与 FM = ⌈(F + M)/2⌉ 在常用的 11 类网格上确定。") + "\n"
      }
      if name == "region" && !unknownProvinces.isEmpty {
        text += "\n" + l.pick("Provinces the mapping does not know (no region assigned, not guessed): ", "映射中没有的省份（未分配区域，不作猜测）：")
        text += unknownProvinces.map { "\($0.name) (\($0.count))" }.joined(separator: ", ") + "\n"
      }
    }
    text += "\n" + ingest.markdown(language: l)
    return text
  }

  /// A feature's row of the summary: count, missing, mean, quartiles, maximum.
  private static func summaryRow(_ name: String, _ values: [Double]) -> [ReportCell] {
    let present = Quantiles.sortedNonMissing(values)
    guard !present.isEmpty else {
      return [.text(name), .integer(0), .integer(values.count), .missing, .missing, .missing, .missing, .missing]
    }
    func q(_ p: Double) -> ReportCell {
      let h = Double(present.count - 1) * p
      let lo = Int(h.rounded(.down))
      let hi = min(lo + 1, present.count - 1)
      return .number(present[lo] + (h - Double(lo)) * (present[hi] - present[lo]), digits: 2)
    }
    return [
      .text(name), .integer(present.count), .integer(values.count - present.count),
      .number(present.reduce(0, +) / Double(present.count), digits: 2), q(0.25), q(0.5), q(0.75), .number(present.last!, digits: 2),
    ]
  }

  /// Text columns reported with counts and shares per class.
  static let classColumns: Set<String> = ["rfm_segment", "value_tier", "lifecycle_stage", "region", "economic_zone", "member_tier", "gender"]

  private func classTable(_ values: [String?]) -> String {
    let (counts, missing) = StringBits.counts(values)
    let total = values.count
    var table = ReportTable(title: "", columns: [language.pick("class", "类别"), language.pick("customers", "人数"), language.pick("share", "占比")])
    for (value, count) in counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
      table.append([.text(value), .integer(count), .text(percent(Double(count) / Double(total)))])
    }
    if missing > 0 { table.append([.text(language.pick("(none)", "（无）")), .integer(missing), .text(percent(Double(missing) / Double(total)))]) }
    return table.markdown()
  }

  private func percent(_ share: Double) -> String { NumberFormatting.percent(share) }
}
