import Charts

extension DescribeReport {
  /// The charts `summary.md` links to: the monthly trend and the cohort heatmap.
  public var charts: [ReportChart] { [monthlyTrendChart, cohortRetentionChart] }

  /// Cohorts and months since the first purchase the heatmap shows; `cohort_retention.csv` has them all.
  static let heatmapCohorts = 24
  static let heatmapMonths = 12

  /// `monthly_trend.svg`: orders, revenue and customers per month, one panel each.
  public var monthlyTrendChart: ReportChart {
    let l = language
    let m = description.monthly
    let month = Axis(label: l.pick("month", "月份"), placement: .categories(m.months))
    // The panels share the months: the axis is named once, under the last.
    let unnamedMonth = Axis(label: "", placement: .categories(m.months))
    let units = TickFormat.number(l.numberUnits)
    let markers = m.count <= 24
    func series(_ name: String, _ values: [Double], color: Int, dashed: Bool = false) -> LineChart.Series {
      LineChart.Series(
        name: name, points: values.enumerated().map { (Double($0.offset), $0.element) }, color: ChartStyle.color(color),
        dashed: dashed, markers: markers,
        tooltips: values.indices.map { "\(m.months[$0]) · \(name): \(NumberFormatting.fixed(values[$0], digits: values[$0] == values[$0].rounded() ? 0 : 2) ?? "")" })
    }
    let purchases = m.purchases.map(Double.init)
    let active = m.activeCustomers.map(Double.init)
    let new = m.newCustomers.map(Double.init)
    let panels: [any Chart] = [
      LineChart(
        title: l.pick("Orders", "订单数"), x: unnamedMonth,
        y: .linear(l.pick("orders / month", "订单数 / 月"), covering: purchases, format: units, ticks: 4),
        series: [series(l.pick("orders", "订单数"), purchases, color: 0)], legend: .none, preferredHeight: 190),
      LineChart(
        title: l.pick("Revenue, in the data's currency", "金额（数据原币种）"), x: unnamedMonth,
        y: .linear(l.pick("revenue / month", "金额 / 月"), covering: m.revenue, format: units, ticks: 4),
        series: [series(l.pick("revenue", "金额"), m.revenue, color: 2)], legend: .none, preferredHeight: 190),
      LineChart(
        title: l.pick("Customers", "客户数"), x: month,
        y: .linear(l.pick("customers / month", "客户数 / 月"), covering: active + new, format: units, ticks: 4),
        series: [
          series(l.pick("active customers (bought that month)", "活跃客户（当月有购买）"), active, color: 1),
          series(l.pick("new customers (first purchase)", "新客户（首次购买）"), new, color: 4, dashed: true),
        ], preferredHeight: 240),
    ]
    let period = m.months.isEmpty ? "" : "\(m.months.first!) … \(m.months.last!)"
    return ReportChart(
      file: "monthly_trend.svg", alt: l.pick("Monthly orders, revenue and customers", "每月订单、金额与客户数"),
      figure: Figure(
        title: l.pick("Monthly activity", "月度趋势"),
        subtitle: l.pick(
          "\(period) · orders with a positive amount; revenue net of refunds", "\(period) · 订单为金额为正的订单；金额已扣除退款"),
        panels: panels))
  }

  /// `cohort_retention.svg`: the share of each first-purchase cohort buying again 1…12 months later.
  public var cohortRetentionChart: ReportChart {
    let l = language
    let c = description.cohorts
    let shares = c.shares
    let rows = Array(c.cohorts.indices.suffix(Self.heatmapCohorts))
    let offsets = Array((1..<max(c.monthOffsets, 1)).prefix(Self.heatmapMonths))
    let values = rows.map { i in offsets.map { shares[i][$0] } }
    let largest = values.joined().compactMap { $0 }.max() ?? 0
    let heatmap = Heatmap(
      rowLabels: rows.map { "\(c.cohorts[$0]) · \(c.sizes[$0])" }, columnLabels: offsets.map(String.init), values: values,
      rowAxisLabel: l.pick("first-purchase month · customers", "首购月份 · 人数"),
      columnAxisLabel: l.pick("months since the first purchase", "首购后第几个月"),
      scale: LinearScale(nice: 0, largest), format: .percent,
      cellText: { NumberFormatting.percent($0, digits: 0) })
    let shown = rows.count < c.cohorts.count ? l.pick("the latest \(rows.count) cohorts", "最近 \(rows.count) 个同期群") : l.pick("all cohorts", "全部同期群")
    return ReportChart(
      file: "cohort_retention.svg", alt: l.pick("Cohort retention heatmap", "同期群留存热力图"),
      figure: Figure(
        title: l.pick("Cohort retention", "同期群留存"),
        subtitle: l.pick(
          "Share of each first-purchase cohort buying again n months later", "各首购月份客户在第 n 个月再次购买的比例"),
        panels: [heatmap],
        note: l.pick(
          "Month 0 (100% by definition) is left out; \(shown), months 1–\(offsets.last ?? 1). Full matrix: cohort_retention.csv.",
          "第 0 个月（按定义为 100%）未画出；\(shown)，第 1–\(offsets.last ?? 1) 个月。完整矩阵见 cohort_retention.csv。")))
  }
}
