import Features

extension SegmentReport {
  /// Three lines for the terminal: k and how it was chosen, the sizes, and
  /// the adjusted Rand index when known segments were given.
  public var consoleSummary: String {
    let chosen = result.chosen
    var text = "\(result.customerIDs.count) customers in \(result.k) segments"
    if result.isAutomatic {
      text += " (k chosen by silhouette \(fixed(chosen.silhouette, 3)) among k = \(result.kSelection.first!.k)…\(result.kSelection.last!.k))"
    }
    text += "; left out: \(excluded.prospects) without orders, \(excluded.refundOnly) with refunds only."
    text += "\n" + (0..<result.k).map { "\($0) \(names[$0].en): \(profile.sizes[$0])" }.joined(separator: ", ")
    if let truth {
      text += "\nAdjusted Rand index against \(truth.source): \(fixed(truth.index, 3)) over \(truth.customers) customers."
    }
    return text
  }

  /// `profile.md`: who was clustered on what, how k was chosen, and each
  /// segment described against the whole base.
  public var markdown: String {
    let l = language
    var text = "# \(l.pick("Customer segments", "客户细分"))\n\n"
    let n = result.customerIDs.count
    text += l.pick(
      "As of \(asOf): \(n) customers with at least one purchase before that day were clustered into \(result.k) segments. Left out: \(excluded.prospects) known customers without orders and \(excluded.refundOnly) whose orders were all refunds (they have no recency).\n",
      "截至 \(asOf)：此前至少购买过一次的 \(n) 位客户被分为 \(result.k) 个细分群体。未纳入：\(excluded.prospects) 位没有订单的已知客户，\(excluded.refundOnly) 位订单全为退款的客户（无最近购买时间）。\n")
    let features = result.design.features.map { f in
      f.transform == .log ? (f.name == "monetary_total" ? "log1p(max(monetary_total, 0))" : "log1p(\(f.name))") : (f.transform == .oneHot ? l.pick("\(f.name) (one-hot)", "\(f.name)（独热编码）") : f.name)
        + (f.weight == 1 ? "" : " ×\(NumberFormatting.shortest(f.weight) ?? "")")
    }
    text += "\n" + l.pick(
      "Features: \(features.joined(separator: ", ")), each standardized (population standard deviation); k-means++ with 10 restarts, seed \(result.seed).\n",
      "特征：\(features.joined(separator: "、"))，均已标准化（总体标准差）；k-means++，10 次重启，随机种子 \(result.seed)。\n")
    for (name, count) in result.design.imputed {
      text += l.pick(
        "\(count) missing values of \(name) were set to its median.\n", "\(name) 的 \(count) 个缺失值以中位数填补。\n")
    }
    if let truth {
      text += "\n" + l.pick(
        "Check against known segments (\(truth.source)): adjusted Rand index **\(fixed(truth.index, 3))** over \(truth.customers) customers (1 = the same grouping, 0 = no better than chance).\n",
        "与已知细分（\(truth.source)）对比：调整兰德指数 **\(fixed(truth.index, 3))**，共 \(truth.customers) 位客户（1 = 分组完全一致，0 = 与随机无异）。\n")
    }

    text += "\n## \(l.pick("Segments", "细分群体"))\n\n"
    for j in 0..<result.k { text += "- " + describe(j) + "\n" }
    text += "\n" + overviewTable.markdown()
    text += "\n" + segmentProfilesChart.markdownLink

    text += "\n## \(l.pick("Choice of k", "k 的选择"))\n\n" + kReasoning + "\n\n"
    var scores = ReportTable(
      title: "", columns: ["k", l.pick("inertia", "簇内平方和"), "silhouette", "Calinski–Harabasz", "Davies–Bouldin", l.pick("sizes", "规模")])
    for row in result.kSelection {
      let mark = row.k == result.k ? " ←" : ""
      scores.append([
        .text("\(row.k)\(mark)"), .text(fixed(row.inertia, 1)), .text(fixed(row.silhouette, 3)),
        .text(fixed(row.calinskiHarabasz, 1)), .text(fixed(row.daviesBouldin, 3)),
        .text(row.sizes.map(String.init).joined(separator: " / ")),
      ])
    }
    text += scores.markdown()
    text += "\n" + kSelectionChart.markdownLink
    text += "\n" + l.pick(
      "Names come from each segment's profile against the base (rules in the documentation of `SegmentName.derive`); rename segments with `--names names.yaml`.\n",
      "群体名称由各群体相对整体的特征按规则生成（见 `SegmentName.derive` 文档）；可用 `--names names.yaml` 重命名。\n")
    return text
  }

  /// Why this k: the silhouette maximum, what the other scores say, the elbow.
  var kReasoning: String {
    let l = language
    let rows = result.kSelection
    guard result.isAutomatic, rows.count > 1 else {
      return l.pick(
        "k = \(result.k) was given; the scores describe that fit only (use `--k auto` to compare k).",
        "k = \(result.k) 由用户指定；下表仅描述该结果（使用 `--k auto` 比较不同 k）。")
    }
    let chosen = result.chosen
    let bestCH = rows.filter { $0.calinskiHarabasz != nil }.max { $0.calinskiHarabasz! < $1.calinskiHarabasz! }?.k
    let bestDB = rows.filter { $0.daviesBouldin != nil }.min { $0.daviesBouldin! < $1.daviesBouldin! }?.k
    // The elbow: the k after which adding a segment buys the least extra reduction.
    var elbow: Int? = nil
    if rows.count >= 3 {
      var bestBend = -Double.infinity
      for i in 1..<(rows.count - 1) {
        let bend = (rows[i - 1].inertia - rows[i].inertia) - (rows[i].inertia - rows[i + 1].inertia)
        if bend > bestBend { bestBend = bend; elbow = rows[i].k }
      }
    }
    var text = l.pick(
      "k = \(chosen.k) has the highest mean silhouette (\(fixed(chosen.silhouette, 3))) of k = \(rows.first!.k)…\(rows.last!.k), so it was kept: its customers are, on average, closest to their own segment relative to the next one.",
      "在 k = \(rows.first!.k)…\(rows.last!.k) 中，k = \(chosen.k) 的平均轮廓系数最高（\(fixed(chosen.silhouette, 3))），故采用：客户与本群体的距离相对最近的其他群体平均最小。")
    if let bestCH, let bestDB {
      let agree = bestCH == chosen.k && bestDB == chosen.k
      text += " " + l.pick(
        "Calinski–Harabasz is highest at k = \(bestCH) and Davies–Bouldin lowest at k = \(bestDB)\(agree ? ", in agreement" : "; where the criteria differ the structure is weak, and neighbouring k are also defensible").",
        "Calinski–Harabasz 在 k = \(bestCH) 最高，Davies–Bouldin 在 k = \(bestDB) 最低\(agree ? "，结论一致" : "；各准则不一致时说明分群结构较弱，相邻的 k 也说得通")。")
    }
    if let elbow {
      text += " " + l.pick(
        "Inertia falls from \(fixed(rows.first!.inertia, 0)) to \(fixed(rows.last!.inertia, 0)); its elbow is at k = \(elbow).",
        "簇内平方和从 \(fixed(rows.first!.inertia, 0)) 降至 \(fixed(rows.last!.inertia, 0))，拐点在 k = \(elbow)。")
    }
    if result.customerIDs.count > silhouetteExactLimit {
      text += " " + l.pick(
        "Silhouettes were computed on the same random sample of \(silhouetteSampleSize) customers for every k (seed \(result.seed)).",
        "轮廓系数基于同一随机样本（\(silhouetteSampleSize) 位客户，种子 \(result.seed)）计算。")
    }
    return text
  }

  /// One line per segment, the way an analyst would write it.
  func describe(_ j: Int) -> String {
    let l = language
    var parts: [String] = []
    func m(_ name: String) -> SegmentProfile.Summary? { profile.measure(name) }
    if let s = m("monetary_total") {
      parts.append(l.pick(
        "spends \(fixed(s.median[j], 0)) in total (median; \(times(s.median[j], s.baseMedian)) the base)",
        "累计消费中位数 \(fixed(s.median[j], 0))（为整体的 \(times(s.median[j], s.baseMedian))）"))
    }
    if let s = m("monetary_avg") {
      parts.append(l.pick(
        "\(times(s.median[j], s.baseMedian)) the average order value (\(fixed(s.median[j], 0)) vs \(fixed(s.baseMedian, 0)))",
        "客单价为整体的 \(times(s.median[j], s.baseMedian))（\(fixed(s.median[j], 0)) 对 \(fixed(s.baseMedian, 0))）"))
    }
    if let s = m("frequency") {
      var phrase = l.pick(
        "\(fixed(s.mean[j], 1)) purchases on average (base \(fixed(s.baseMean, 1)))",
        "平均购买 \(fixed(s.mean[j], 1)) 次（整体 \(fixed(s.baseMean, 1)) 次）")
      if let g = m("interpurchase_days_avg"), !g.median[j].isNaN {
        phrase += l.pick(
          ", buys every \(fixed(g.median[j], 0)) days (base \(fixed(g.baseMedian, 0)))",
          "，每 \(fixed(g.median[j], 0)) 天购买一次（整体 \(fixed(g.baseMedian, 0)) 天）")
      }
      parts.append(phrase)
    }
    if let s = m("recency_days") {
      parts.append(l.pick(
        "last bought \(fixed(s.median[j], 0)) days ago (median; base \(fixed(s.baseMedian, 0)))",
        "最近一次购买在 \(fixed(s.median[j], 0)) 天前（中位数；整体 \(fixed(s.baseMedian, 0)) 天）"))
    }
    if let s = m("tenure_days") {
      parts.append(l.pick(
        "first bought \(fixed(s.median[j], 0)) days ago (base \(fixed(s.baseMedian, 0)))",
        "首次购买在 \(fixed(s.median[j], 0)) 天前（整体 \(fixed(s.baseMedian, 0)) 天）"))
    }
    if let s = m("discount_share") {
      parts.append(l.pick(
        "\(percent(s.mean[j])) of purchases discounted (base \(percent(s.baseMean)))",
        "\(percent(s.mean[j])) 的订单使用折扣（整体 \(percent(s.baseMean))）"))
    }
    if let region = profile.region, let top = region.values[j] {
      parts.append(l.pick(
        "\(percent(top.share)) in \(top.value) (base \(percent(top.baseShare)))",
        "\(percent(top.share)) 位于\(top.value)（整体 \(percent(top.baseShare))）"))
    }
    if let churn = profile.churnRate {
      parts.append(l.pick(
        "churn \(percent(churn.segments[j])) (base \(percent(churn.base)))",
        "流失率 \(percent(churn.segments[j]))（整体 \(percent(churn.base))）"))
    }
    let head = l.pick(
      "**\(j) · \(name(j))**: \(profile.sizes[j]) customers (\(percent(profile.shares[j]))). ",
      "**\(j) · \(name(j))**：\(profile.sizes[j]) 位客户（\(percent(profile.shares[j]))）。")
    let body = parts.joined(separator: l.pick("; ", "；"))
    return head + l.pick(body.prefix(1).uppercased() + body.dropFirst() + ".", body + "。")
  }

  /// Segment sizes and the headline measures, one row per segment and one for the base.
  var overviewTable: ReportTable {
    let l = language
    let shown = ["recency_days", "frequency", "monetary_total", "monetary_avg"].compactMap { profile.measure($0) }
    var columns = [l.pick("segment", "群体"), l.pick("name", "名称"), l.pick("customers", "人数"), l.pick("share", "占比")]
    columns += shown.map { $0.name == "frequency" ? l.pick("frequency (mean)", "频次（均值）") : l.pick("\($0.name) (median)", "\($0.name)（中位数）") }
    if profile.churnRate != nil { columns.append(l.pick("churn", "流失率")) }
    var table = ReportTable(title: "", columns: columns)
    for j in 0..<result.k {
      var row: [ReportCell] = [.integer(j), .text(name(j)), .integer(profile.sizes[j]), .text(percent(profile.shares[j]))]
      row += shown.map { .text($0.name == "frequency" ? fixed($0.mean[j], 1) : fixed($0.median[j], $0.name == "recency_days" ? 0 : 1)) }
      if let churn = profile.churnRate { row.append(.text(percent(churn.segments[j]))) }
      table.append(row)
    }
    var base: [ReportCell] = [.text(l.pick("all", "整体")), .text(""), .integer(result.customerIDs.count), .text("100.0%")]
    base += shown.map { .text($0.name == "frequency" ? fixed($0.baseMean, 1) : fixed($0.baseMedian, $0.name == "recency_days" ? 0 : 1)) }
    if let churn = profile.churnRate { base.append(.text(percent(churn.base))) }
    table.append(base)
    return table
  }

  func fixed(_ value: Double?, _ digits: Int) -> String {
    value.flatMap { NumberFormatting.fixed($0, digits: digits) } ?? "–"
  }

  func percent(_ share: Double) -> String { share.isNaN ? "–" : fixed(share * 100, 0) + "%" }

  /// `2.4×`, the ratio of a segment's value to the base's.
  func times(_ value: Double, _ base: Double) -> String {
    guard base > 0, !value.isNaN else { return "–" }
    return fixed(value / base, 1) + "×"
  }
}
