import DataIngest
import Statistics

extension DescribeReport {
  /// `summary.md`: what a person reads first, with the CSV files beside it for detail.
  public var markdown: String {
    let l = language
    let d = description
    var text = "# \(l.pick("Data description", "数据概览"))\n\n"
    let period = "\(d.firstDay.map(DayNumber.isoString) ?? "–") … \(d.lastDay.map(DayNumber.isoString) ?? "–")"
    text += l.pick(
      "\(d.transactionRows) transaction rows in \(d.orders) orders (\(d.purchases) purchases, \(d.refunds) refunds or voids) from \(period); \(d.customersWithOrders) customers ordered, \(d.listedCustomers) are listed in the customers table.",
      "\(period) 共 \(d.transactionRows) 行交易，\(d.orders) 笔订单（\(d.purchases) 笔购买，\(d.refunds) 笔退款或作废）；\(d.customersWithOrders) 位客户下过单，客户表中有 \(d.listedCustomers) 位客户。")
    text += "\n\n" + ingest.markdown(language: l)

    text += "\n## \(l.pick("Behaviour", "购买行为"))\n\n"
    let r = d.repeatPurchase
    text += l.pick(
      "- Repeat-purchase rate: **\(percent(r.repeatRate))** (\(r.repeatBuyers) of \(r.buyers) buyers bought more than once).\n",
      "- 复购率：**\(percent(r.repeatRate))**（\(r.buyers) 位购买客户中 \(r.repeatBuyers) 位购买超过一次）。\n")
    let gaps = d.interpurchase.summary
    if gaps.count > 0 {
      text += l.pick(
        "- Days between purchases: median \(number(gaps.median, 0)), mean \(number(gaps.mean, 1)), p75 \(number(gaps.p75, 0)) (\(gaps.count) gaps).\n",
        "- 购买间隔天数：中位数 \(number(gaps.median, 0))，平均 \(number(gaps.mean, 1))，p75 \(number(gaps.p75, 0))（共 \(gaps.count) 个间隔）。\n")
    }
    text += "\n### \(l.pick("Monthly activity", "月度趋势"))\n\n"
    text += monthlyTrendChart.markdownLink + "\n"
    var monthly = ReportTable(
      title: "",
      columns: [l.pick("month", "月份"), l.pick("purchases", "购买"), l.pick("revenue", "金额"), l.pick("active customers", "活跃客户"), l.pick("new customers", "新客户")])
    let m = d.monthly
    for i in 0..<m.count {
      monthly.append([.text(m.months[i]), .integer(m.purchases[i]), .number(m.revenue[i], digits: 2), .integer(m.activeCustomers[i]), .integer(m.newCustomers[i])])
    }
    text += monthly.markdown()

    text += "\n### \(l.pick("Cohort retention", "同期群留存"))\n\n"
    text += l.pick(
      "Share of each first-purchase cohort buying again n months later (m0 = the first month). Full matrix: `cohort_retention.csv`.\n\n",
      "按首购月份分组，第 n 个月仍有购买的客户占比（m0 为首购当月）。完整矩阵见 `cohort_retention.csv`。\n\n")
    text += cohortRetentionChart.markdownLink + "\n"
    let c = d.cohorts
    let shown = min(c.monthOffsets, 7)
    var cohorts = ReportTable(title: "", columns: [l.pick("cohort", "首购月"), l.pick("size", "人数")] + (0..<shown).map { "m\($0)" })
    let shares = c.shares
    for i in c.cohorts.indices.suffix(12) {
      cohorts.append([.text(c.cohorts[i]), .integer(c.sizes[i])] + shares[i].prefix(shown).map { $0.map { .text(percent($0)) } ?? .missing })
    }
    text += cohorts.markdown()

    text += "\n## \(l.pick("Numeric columns", "数值列"))\n\n"
    var numeric = ReportTable(
      title: "",
      columns: [l.pick("column", "列"), "count", "missing", "mean", "std", "min", "p25", "median", "p75", "max", "skew", l.pick("outliers", "异常值")])
    for column in d.numeric {
      let s = column.summary
      numeric.append([
        .text("\(column.table).\(column.column)"), .integer(s.count), .integer(s.missing), .number(s.mean, digits: 2),
        .number(s.standardDeviation, digits: 2), .number(s.min, digits: 2), .number(s.p25, digits: 2), .number(s.median, digits: 2),
        .number(s.p75, digits: 2), .number(s.max, digits: 2), .number(s.skewness, digits: 2), .integer(column.outliers),
      ])
    }
    text += numeric.markdown()
    text += "\n" + l.pick(
      "std divides by n − 1; quantiles interpolate linearly (pandas' default); outliers are values beyond 3 interquartile ranges from the quartiles, flagged, not removed.",
      "标准差除以 n − 1；分位数线性插值（与 pandas 默认一致）；异常值指距四分位数超过 3 倍四分位距的值，仅标记不删除。") + "\n"

    text += "\n## \(l.pick("Customers", "客户构成"))\n\n"
    if let gender = d.gender {
      text += "### \(l.pick("Gender", "性别"))\n\n" + shareTable(gender)
    }
    if let ages = d.ages {
      text += "\n### \(l.pick("Age", "年龄"))\n\n"
      var table = ReportTable(title: "", columns: [l.pick("age", "年龄段"), l.pick("customers", "人数"), l.pick("share", "占比")])
      for (band, count) in ages.counts where count > 0 {
        table.append([.text(band.rawValue), .integer(count), band.isValidAge && ages.valid > 0 ? .text(percent(Double(count) / Double(ages.valid))) : .missing])
      }
      text += table.markdown()
    }
    for column in d.categorical {
      text += "\n### \(column.table).\(column.column)\n\n" + shareTable(column.frequencies)
    }

    text += "\n## \(l.pick("Correlations between customer figures", "客户指标相关系数"))\n\n"
    let correlation = d.correlation
    var matrix = ReportTable(title: "", columns: [""] + correlation.names)
    for i in correlation.names.indices {
      matrix.append([.text(correlation.names[i])] + correlation.names.indices.map { j in
        correlation.values[i, j].isNaN ? .missing : .number(correlation.values[i, j], digits: 2)
      })
    }
    text += matrix.markdown()
    text += "\n" + l.pick(
      "Pearson correlation over the customers with orders, each pair over the rows where both figures exist, as of \(DayNumber.isoString(d.referenceDay)).",
      "基于有订单客户的皮尔逊相关系数（成对完整观测），截至 \(DayNumber.isoString(d.referenceDay))。") + "\n"
    return text
  }

  private func shareTable(_ frequencies: FrequencyTable) -> String {
    let l = language
    var table = ReportTable(title: "", columns: [l.pick("value", "取值"), l.pick("count", "数量"), l.pick("share", "占比")])
    for entry in frequencies.entries {
      table.append([.text(entry.value), .integer(entry.count), .text(percent(entry.share))])
    }
    if frequencies.missing > 0 { table.append([.text(l.pick("(missing)", "（缺失）")), .integer(frequencies.missing), .missing]) }
    return table.markdown()
  }

  private func percent(_ share: Double) -> String { NumberFormatting.percent(share) }

  private func number(_ value: Double, _ digits: Int) -> String {
    NumberFormatting.fixed(value, digits: digits) ?? "–"
  }
}
