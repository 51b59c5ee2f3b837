import Charts
import Features

extension SegmentReport {
  /// The charts `profile.md` links to: the scores across k and the segment profiles.
  public var charts: [ReportChart] { [kSelectionChart, segmentProfilesChart] }

  /// `k_selection.svg`: inertia, silhouette, Calinski–Harabasz and Davies–Bouldin across the k tried, the chosen k marked.
  public var kSelectionChart: ReportChart {
    let l = language
    let rows = result.kSelection
    let ks = rows.map(\.k)
    let (first, last) = (ks.min() ?? result.k, ks.max() ?? result.k)
    // One k tried (a fixed k): its neighbours give the point room.
    let domain = first < last ? Double(first)...Double(last) : Double(first - 1)...Double(first + 1)
    let kAxis = Axis(
      label: "k", placement: .linear(LinearScale(fixed: domain, step: TickStep(multiplier: 1, exponent: 0))),
      format: .number(.western))
    let marker = LineChart.Marker(x: Double(result.k), label: l.pick("chosen k = \(result.k)", "选定 k = \(result.k)"))
    func panel(_ title: String, _ axisLabel: String, _ values: [Double?], color: Int) -> LineChart {
      let points = zip(ks, values).compactMap { k, v in v.map { (x: Double(k), y: $0) } }
      return LineChart(
        title: points.isEmpty ? title + l.pick(" (undefined for one segment)", "（只有一个群体时无定义）") : title, x: kAxis,
        y: .linear(axisLabel, covering: points.map(\.y), includeZero: false, format: .number(l.numberUnits), ticks: 4),
        series: [
          LineChart.Series(
            name: axisLabel, points: points, color: ChartStyle.color(color), markers: true,
            tooltips: points.map { "k = \(Int($0.x)): \(fixed($0.y, 3))" })
        ], markers: [marker], legend: .none, preferredHeight: 230)
    }
    let panels: [any Chart] = [
      panel(
        l.pick("Inertia: look for the elbow", "簇内平方和：看拐点"), l.pick("sum of squares", "簇内平方和"),
        rows.map(\.inertia), color: 0),
      panel(
        l.pick("Silhouette: higher is better", "轮廓系数：越高越好"), l.pick("mean silhouette", "平均轮廓系数"),
        rows.map(\.silhouette), color: 1),
      panel(
        l.pick("Calinski–Harabasz: higher is better", "Calinski–Harabasz：越高越好"),
        l.pick("variance ratio", "方差比"), rows.map(\.calinskiHarabasz), color: 2),
      panel(
        l.pick("Davies–Bouldin: lower is better", "Davies–Bouldin：越低越好"),
        l.pick("mean worst similarity", "平均最大相似度"), rows.map(\.daviesBouldin), color: 3),
    ]
    return ReportChart(
      file: "k_selection.svg", alt: l.pick("Scores across k", "不同 k 的评估指标"),
      figure: Figure(
        title: l.pick("Choice of k", "k 的选择"),
        subtitle: result.isAutomatic
          ? l.pick(
            "k = \(result.k) has the highest silhouette of k = \(first)…\(last)", "在 k = \(first)…\(last) 中 k = \(result.k) 的轮廓系数最高")
          : l.pick("k = \(result.k) was given", "k = \(result.k) 由用户指定"),
        panels: panels, columns: 2, width: 860))
  }

  /// One row of the profile chart: a column and each segment's typical value over the base's.
  struct ProfileRatio {
    let label: String
    let ratios: [Double?]
  }

  /// The clustering columns first, then the other measures and the churn
  /// rate: medians over the base's median, means for counts and shares (as
  /// the descriptions use them).
  var profileRatios: [ProfileRatio] {
    let l = language
    func ratios(_ summary: SegmentProfile.Summary, mean: Bool) -> [Double?] {
      let base = mean ? summary.baseMean : summary.baseMedian
      return (mean ? summary.mean : summary.median).map { v in base > 0 && !v.isNaN ? v / base : nil }
    }
    let meanMeasures: Set = ["frequency", "discount_share"]
    var rows: [ProfileRatio] = []
    var seen: Set<String> = []
    for (column, summary) in zip(result.design.columns, profile.designColumns) {
      if let level = column.level {
        rows.append(.init(label: "\(FeatureLabel.label(column.source, l)) = \(level)", ratios: ratios(summary, mean: true)))
      } else {
        rows.append(
          .init(label: FeatureLabel.label(summary.name, l), ratios: ratios(summary, mean: meanMeasures.contains(summary.name))))
      }
      seen.insert(summary.name)
    }
    for summary in profile.measures where !seen.contains(summary.name) {
      rows.append(
        .init(label: FeatureLabel.label(summary.name, l), ratios: ratios(summary, mean: meanMeasures.contains(summary.name))))
    }
    if let churn = profile.churnRate {
      rows.append(.init(label: l.pick("churn rate", "流失率"), ratios: churn.segments.map { churn.base > 0 && !$0.isNaN ? $0 / churn.base : nil }))
    }
    return rows
  }

  /// `segment_profiles.svg`: one panel per segment, a bar per column for its ratio to the base (log scale, 1 = like the base).
  public var segmentProfilesChart: ReportChart {
    let l = language
    let rows = profileRatios
    let values = rows.flatMap { $0.ratios.compactMap { $0 } }.filter { $0 > 0 }
    let axis = Axis(
      label: l.pick("segment ÷ base (log scale)", "群体 ÷ 整体（对数刻度）"),
      placement: .log(LogScale(covering: values.min() ?? 1, values.max() ?? 1, limits: 0.05...20, maxTicks: 5)),
      format: .multiplier)
    let panels: [any Chart] = (0..<result.k).map { j in
      let ratios = rows.map { $0.ratios[j] }
      return BarChart(
        title: "\(j) · \(name(j)) · \(profile.sizes[j]) (\(percent(profile.shares[j])))", categories: rows.map(\.label),
        series: [
          .init(
            name: name(j), values: ratios.map { $0.map { max($0, axis.domain.lowerBound) } }, color: ChartStyle.color(j),
            labels: ratios.map { $0.map { "×" + fixed($0, $0 < 0.095 ? 2 : 1) } ?? "–" })
        ], value: axis, baseline: 1)
    }
    return ReportChart(
      file: "segment_profiles.svg", alt: l.pick("Segment profiles against the base", "各群体相对整体的特征"),
      figure: Figure(
        title: l.pick("Segment profiles", "细分群体画像"),
        subtitle: l.pick(
          "Each bar: the segment's typical value over the whole base's (medians; means for purchase counts and shares)",
          "每根条：群体典型值 ÷ 整体典型值（中位数；购买次数与占比用均值）"),
        panels: panels, columns: 2, width: 1000,
        note: l.pick("Right of ×1: more than the base; left: less. Exact values: centroids.csv.", "×1 右侧高于整体，左侧低于整体。精确数值见 centroids.csv。")))
  }
}
