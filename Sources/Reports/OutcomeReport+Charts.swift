import Charts
import DataIngest
import Models

extension OutcomeReport {
  /// The charts `report.md` links to: ROC and odds ratios always; calibration
  /// and gains when there was an out-of-time validation, whose scores they bin.
  public var charts: [ReportChart] {
    [rocChart, oddsRatioChart] + [calibrationChart, gainsChart].compactMap { $0 }
  }

  private var l: ReportLanguage { language }
  private func day(_ d: Int32) -> String { DayNumber.isoString(d) }
  private func fixed(_ x: Double?, _ digits: Int) -> String { x.flatMap { NumberFormatting.fixed($0, digits: digits) } ?? "–" }
  private var modelName: String {
    result.model.outcome == .churn ? l.pick("churn model", "流失模型") : l.pick("purchase propensity model", "购买倾向模型")
  }
  /// Who the positives are: churners or buyers.
  private var positives: String {
    result.model.outcome == .churn ? l.pick("churners", "流失客户") : l.pick("buyers", "购买客户")
  }

  /// `roc.svg`: the out-of-time ROC curve (when validated) beside the in-sample one, and the chance diagonal.
  public var rocChart: ReportChart {
    var series: [LineChart.Series] = []
    var aucs: [String] = []
    if let v = result.validation, let curve = v.metrics.rocCurve {
      let name = l.pick("out of time", "跨期验证")
      series.append(rocSeries(curve, name: "\(name) (AUC \(fixed(v.metrics.auc, 3)))", color: 0, dashed: false))
      aucs.append("AUC \(fixed(v.metrics.auc, 3)) \(name)")
    }
    if let curve = result.fit.metrics.rocCurve {
      let name = l.pick("fitting sample", "建模样本")
      series.append(
        rocSeries(curve, name: "\(name) (AUC \(fixed(result.fit.metrics.auc, 3)))", color: 1, dashed: !series.isEmpty))
      aucs.append("AUC \(fixed(result.fit.metrics.auc, 3)) \(name)")
    }
    let chart = LineChart(
      x: .unitShare(l.pick("false-positive rate: others flagged", "假阳性率：被标记的其他客户占比")),
      y: .unitShare(l.pick("true-positive rate: \(positives) flagged", "真阳性率：被标记的\(positives)占比")),
      series: series,
      guides: [.init(name: l.pick("chance (AUC 0.5)", "随机（AUC 0.5）"), from: (0, 0), to: (1, 1))], square: true,
      legend: .insideBottomRight, preferredHeight: 480)
    return ReportChart(
      file: "roc.svg", alt: l.pick("ROC curve", "ROC 曲线"),
      figure: Figure(
        title: l.pick("ROC curve · \(modelName)", "ROC 曲线 · \(modelName)") + (aucs.isEmpty ? "" : " · " + aucs[0]),
        subtitle: l.pick(
          "Each point is a probability cut-off; customers at or above it are flagged",
          "每个点对应一个概率阈值；概率不低于阈值的客户被标记"),
        panels: [chart], width: 600))
  }

  private func rocSeries(_ curve: ROCCurve, name: String, color: Int, dashed: Bool) -> LineChart.Series {
    LineChart.Series(
      name: name, points: Array(zip(curve.falsePositiveRates, curve.truePositiveRates)).map { (x: $0, y: $1) },
      color: ChartStyle.color(color), dashed: dashed)
  }

  /// `calibration.svg`: mean predicted probability against the observed rate, per decile of the out-of-time scores.
  public var calibrationChart: ReportChart? {
    guard let v = result.validation else { return nil }
    let rows = v.calibration.rows
    let largest = rows.map { max($0.meanPredicted, $0.observedRate) }.max() ?? 1
    let scale = LinearScale(nice: 0, min(largest, 1))
    let pct = { (x: Double) in NumberFormatting.percent(x) }
    let chart = LineChart(
      x: Axis(label: l.pick("mean predicted probability", "平均预测概率"), placement: .linear(scale), format: .percent),
      y: Axis(label: l.pick("observed rate", "实际比例"), placement: .linear(scale), format: .percent),
      series: [
        LineChart.Series(
          name: l.pick("deciles of the scores", "按评分十等分"), points: rows.map { ($0.meanPredicted, $0.observedRate) },
          color: ChartStyle.color(0), markers: true,
          tooltips: rows.map {
            l.pick(
              "bin \($0.bin): predicted \(pct($0.meanPredicted)), observed \(pct($0.observedRate)), \($0.count) customers",
              "第 \($0.bin) 组：预测 \(pct($0.meanPredicted))，实际 \(pct($0.observedRate))，\($0.count) 位客户")
          })
      ],
      guides: [.init(name: l.pick("perfect calibration", "完全校准"), from: (0, 0), to: (scale.domain.upperBound, scale.domain.upperBound))],
      square: true, legend: .insideBottomRight, preferredHeight: 480)
    return ReportChart(
      file: "calibration.svg", alt: l.pick("Calibration plot", "校准图"),
      figure: Figure(
        title: l.pick("Calibration · \(modelName)", "校准 · \(modelName)"),
        subtitle: l.pick(
          "Out of time: \(v.metrics.count) customers scored as of \(day(v.scoredAsOf)), in ten bins of equal size",
          "跨期验证：\(day(v.scoredAsOf)) 评分的 \(v.metrics.count) 位客户，按预测概率等分为十组"),
        panels: [chart], width: 600))
  }

  /// `gains.svg`: cumulative gains by decile of the out-of-time scores, and the lift of each decile.
  public var gainsChart: ReportChart? {
    guard let v = result.validation, v.gains.rows.last?.cumulativeGain != nil else { return nil }
    let rows = v.gains.rows
    let n = Double(max(rows.last?.cumulativeCount ?? 1, 1))
    let pct = { (x: Double) in NumberFormatting.percent(x) }
    let gains = LineChart(
      title: l.pick("Cumulative gains", "累计增益"),
      x: .unitShare(l.pick("customers contacted, highest scores first", "按评分从高到低联系的客户占比")),
      y: .unitShare(l.pick("\(positives) reached", "覆盖的\(positives)占比")),
      series: [
        LineChart.Series(
          name: l.pick("model", "模型"),
          points: [(0, 0)] + rows.map { (Double($0.cumulativeCount) / n, $0.cumulativeGain ?? 0) },
          color: ChartStyle.color(0), markers: true,
          tooltips: [l.pick("no one contacted", "未联系任何客户")] + rows.map {
            l.pick(
              "top \($0.decile) deciles: \(pct(Double($0.cumulativeCount) / n)) of customers, \(pct($0.cumulativeGain ?? 0)) of \(positives)",
              "前 \($0.decile) 组：\(pct(Double($0.cumulativeCount) / n)) 的客户，覆盖 \(pct($0.cumulativeGain ?? 0)) 的\(positives)")
          })
      ],
      guides: [.init(name: l.pick("random order", "随机顺序"), from: (0, 0), to: (1, 1))], legend: .insideBottomRight,
      preferredHeight: 330)
    let lifts = rows.map(\.lift)
    let cumulative = rows.map(\.cumulativeLift)
    let lift = BarChart(
      title: l.pick("Lift by decile", "各组提升度"), categories: rows.map { "\($0.decile)" },
      series: [
        .init(name: l.pick("decile", "本组"), values: lifts, color: ChartStyle.color(0), labels: lifts.map { fixed($0, 2) }),
        .init(
          name: l.pick("cumulative", "累计"), values: cumulative, color: ChartStyle.color(4),
          labels: cumulative.map { fixed($0, 2) }),
      ],
      value: .linear(l.pick("lift (× base rate)", "提升度（× 基准比例）"), covering: lifts.compactMap { $0 }),
      categoryLabel: l.pick("decile, 1 = highest scores", "组别（1 = 评分最高）"), orientation: .vertical,
      reference: .init(value: 1, name: l.pick("base rate", "基准比例")))
    return ReportChart(
      file: "gains.svg", alt: l.pick("Cumulative gains and lift", "累计增益与提升度"),
      figure: Figure(
        title: l.pick("Gains and lift · \(modelName)", "增益与提升度 · \(modelName)"),
        subtitle: l.pick(
          "Out of time, as of \(day(v.scoredAsOf)): base rate \(pct(v.gains.baseRate)) of \(v.metrics.count) customers",
          "跨期验证（\(day(v.scoredAsOf))）：\(v.metrics.count) 位客户，基准比例 \(pct(v.gains.baseRate))"),
        panels: [gains, lift], columns: 2, width: 900))
  }

  /// `odds_ratios.svg`: each design column's odds ratio with its 95% interval, by standardized effect.
  public var oddsRatioChart: ReportChart {
    let columns = rankedColumns
    let raise = ChartStyle.color(3)
    let lower = ChartStyle.color(0)
    let rows = columns.map { c in
      ForestPlot.Row(
        label: describe(c.term, markdown: false), estimate: c.oddsRatio, lower: c.interval.lower, upper: c.interval.upper,
        color: c.p < 0.05 ? (c.oddsRatio > 1 ? raise : lower) : ChartStyle.faded, highlighted: c.p < 0.05,
        valueText: "\(ratio(c.oddsRatio)) (\(ratio(c.interval.lower))–\(ratio(c.interval.upper)))")
    }
    let finite = columns.flatMap { [$0.interval.lower, $0.interval.upper, $0.oddsRatio] }.filter { $0 > 0 && $0.isFinite }
    let axis = Axis(
      label: l.pick("odds ratio (log scale)", "优势比（对数刻度）"),
      placement: .log(LogScale(covering: finite.min() ?? 1, finite.max() ?? 1, limits: 0.01...100)))
    let plot = ForestPlot(
      rows: rows, axis: axis,
      legend: [
        LegendEntry(l.pick("raises the \(outcome) (p < 0.05)", "提高\(outcome)（p < 0.05）"), color: raise, symbol: .box),
        LegendEntry(l.pick("lowers it (p < 0.05)", "降低\(outcome)（p < 0.05）"), color: lower, symbol: .box),
        LegendEntry(l.pick("not significant", "不显著"), color: ChartStyle.faded, symbol: .box),
      ])
    return ReportChart(
      file: "odds_ratios.svg", alt: l.pick("Odds ratios with 95% confidence intervals", "优势比及 95% 置信区间"),
      figure: Figure(
        title: l.pick("Odds ratios with 95% confidence intervals", "优势比及 95% 置信区间"),
        subtitle: l.pick(
          "Numeric terms per standard deviation, categories against their reference level; ranked by standardized effect",
          "数值项按每个标准差计，类别项相对参照水平；按标准化效应排序"),
        panels: [plot], width: 820))
  }

  /// An odds ratio for the forest plot's column: two decimals, `<0.01` and `∞` at the extremes (separation).
  private func ratio(_ x: Double) -> String {
    if x.isNaN { return "–" }
    if x == .infinity { return "∞" }
    return x < 0.005 ? "<0.01" : fixed(x, x >= 1000 ? 0 : 2)
  }

  /// What the model predicts, for the legend: churn risk / purchase probability.
  private var outcome: String {
    result.model.outcome == .churn ? l.pick("churn risk", "流失风险") : l.pick("purchase probability", "购买概率")
  }
}
