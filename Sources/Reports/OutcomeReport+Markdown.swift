import DataIngest
import Models
import Prediction

extension OutcomeReport {
  private var l: ReportLanguage { language }
  private var isChurn: Bool { result.model.outcome == .churn }
  private func day(_ d: Int32) -> String { DayNumber.isoString(d) }
  private func pct(_ x: Double) -> String { (NumberFormatting.fixed(100 * x, digits: 1) ?? "") + "%" }
  private func f(_ x: Double?, _ digits: Int = 3) -> String { x.flatMap { NumberFormatting.fixed($0, digits: digits) } ?? "–" }

  /// What the model predicts, in a few words: "churn" / "流失".
  private var outcomeWords: String {
    switch result.model.outcome {
    case .churn: return l.pick("churn risk", "流失风险")
    case .purchase(let filter):
      let what = filter.map { l.pick(" (\($0))", "（\($0)）") } ?? ""
      return l.pick("purchase probability\(what)", "购买概率\(what)")
    }
  }

  /// Five lines for the terminal: population, out-of-time figures, drivers, bands, warnings.
  public var consoleSummary: String {
    let fit = result.fit
    let model = result.model
    var lines: [String] = []
    lines.append(
      "\(model.outcome) model: \(fit.rows) customers as of \(day(fit.asOf)), H = \(model.horizon) days, "
        + "\(pct(Double(fit.positives) / Double(max(fit.rows, 1)))) positive; \(model.encoder.columnNames.count) design columns.")
    if let v = result.validation {
      lines.append(
        "Out of time (fitted as of \(day(v.fitAsOf)), scored as of \(day(v.scoredAsOf)), \(v.metrics.count) customers): "
          + "AUC \(f(v.metrics.auc)), KS \(f(v.metrics.ks)), log loss \(f(v.metrics.logLoss)).")
    } else {
      lines.append("No out-of-time validation (too little history); in-sample AUC \(f(fit.metrics.auc)).")
    }
    let drivers = rankedColumns.filter { $0.p < 0.05 }.prefix(3).map { c in
      let entangled = c.vif > Self.entangledVIF ? ", VIF \(f(c.vif, 0))" : ""
      return "\(c.term) \(c.coefficient > 0 ? "↑" : "↓") (OR \(f(c.oddsRatio, 2))\(entangled))"
    }
    lines.append("Top drivers: " + (drivers.isEmpty ? "none significant at 5%" : drivers.joined(separator: ", ")) + ".")
    let counts = bandCounts
    lines.append(
      "Scores as of \(day(result.scores.asOf)) for \(result.scores.customerIDs.count) customers: "
        + model.bands.names.indices.map { "\(model.bands.names[$0]) \(counts[$0])" }.joined(separator: " · ") + ".")
    if !result.warnings.isEmpty { lines.append("Warnings: \(result.warnings.count) (see report.md).") }
    return lines.joined(separator: "\n")
  }

  /// `report.md`: the model summary, the factors in words, the univariate
  /// view, validation and the current scores.
  public var markdown: String {
    var text = "# " + (isChurn ? l.pick("Churn model", "流失模型") : l.pick("Purchase propensity model", "购买倾向模型")) + "\n\n"
    text += introduction + "\n"
    text += "\n## " + l.pick("Factors", "影响因素") + "\n\n" + factorsInWords + "\n" + oddsRatioChart.markdownLink
    text += "\n## " + l.pick("Model summary", "模型摘要") + "\n\n" + summaryTable.markdown()
    text += "\n" + l.pick(
      "Numeric terms are standardized: a coefficient is the change in log-odds per standard deviation of the transformed feature (its odds ratio multiplies the odds). A `missing(x)` column is 1 where x is missing (the value itself is then set to its mean). `C(x)[level]` compares a level with the reference level named in the factor list.\n",
      "数值项已标准化：系数表示变换后特征每增加一个标准差时对数几率的变化（优势比即几率的倍数）。`missing(x)` 列在 x 缺失时为 1（此时取值按均值处理）。`C(x)[水平]` 表示该水平相对参照水平的差异。\n")
    if !result.factorProfiles.isEmpty {
      text += "\n## " + l.pick("Outcome rate by factor", "按因素分组的结果比例") + "\n\n"
      text += l.pick(
        "The univariate view beside the model: the observed rate in groups of the main factors (fitting sample, as of \(day(result.fit.asOf))).\n",
        "模型之外的单变量视角：主要因素各分组的实际比例（建模样本，截至 \(day(result.fit.asOf))）。\n")
      for profile in result.factorProfiles { text += "\n" + profileTable(profile).markdown(headingLevel: 3) }
    }
    text += "\n## " + l.pick("Validation", "验证") + "\n\n" + validationSection
    text += "\n## " + l.pick("Current scores", "当前评分") + "\n\n" + scoresSection
    if !result.warnings.isEmpty {
      text += "\n## " + l.pick("Warnings", "提示") + "\n\n" + result.warnings.map { "- \($0)" }.joined(separator: "\n") + "\n"
    }
    return text
  }

  private var introduction: String {
    let fit = result.fit
    let model = result.model
    let h = model.horizon
    let label: String
    switch model.outcome {
    case .churn:
      label = l.pick(
        "A customer churns when they place no order in the \(h) days from the as-of day. Population: customers with at least one purchase before it",
        "客户在截至日起 \(h) 天内没有下单即视为流失。样本：截至日前至少购买过一次的客户")
        + (model.lookback.map { l.pick(" and a last purchase within \($0) days", "且最近一次购买在 \($0) 天内") } ?? "") + l.pick(".", "。")
    case .purchase(let filter):
      let what = filter.map { l.pick(" with \($0)", "（\($0)）") } ?? ""
      label = l.pick(
        "The outcome is a purchase\(what) in the \(h) days from the as-of day. Population: every customer known before it, buyers or not.",
        "结果为截至日起 \(h) 天内发生购买\(what)。样本：截至日前已知的全部客户（无论是否购买过）。")
    }
    let excluded = fit.excluded
    return label + " " + l.pick(
      "Fitted as of \(day(fit.asOf)) on \(fit.rows) customers, \(fit.positives) (\(pct(Double(fit.positives) / Double(max(fit.rows, 1))))) positive; left out: \(excluded.noPurchase) without purchases, \(excluded.refundOnly) with refunds only, \(excluded.outsideLookback) outside the lookback. Model: \(model.formula).",
      "建模截至日 \(day(fit.asOf))，样本 \(fit.rows) 位客户，其中 \(fit.positives) 位（\(pct(Double(fit.positives) / Double(max(fit.rows, 1)))))为正例；未纳入：\(excluded.noPurchase) 位无购买，\(excluded.refundOnly) 位仅有退款，\(excluded.outsideLookback) 位超出回溯期。模型：\(model.formula)。")
  }

  /// The design columns but the intercept, with what the text needs, by standardized effect.
  struct Column {
    let term: String
    let coefficient: Double
    let oddsRatio: Double
    let interval: ConfidenceInterval
    let p: Double
    let effect: Double
    let vif: Double
  }

  /// Above this variance inflation factor a column's odds ratio is read together with the columns it is entangled with.
  static let entangledVIF = 10.0

  var rankedColumns: [Column] {
    regression.coefficientTable().enumerated().filter { !(regression.fitIntercept && $0.offset == 0) }.map { _, row in
      Column(
        term: row.term, coefficient: row.coefficient, oddsRatio: row.oddsRatio, interval: row.oddsRatioInterval, p: row.pValue,
        effect: abs(row.standardizedEffect ?? row.coefficient), vif: row.varianceInflationFactor)
    }.sorted { $0.effect > $1.effect }
  }

  private func stars(_ p: Double) -> String { p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "" }

  /// One sentence per significant column: which way, how much, how sure.
  private var factorsInWords: String {
    let columns = rankedColumns
    let significant = columns.filter { $0.p < 0.05 }
    var text = l.pick(
      "Ranked by standardized effect (the change in log-odds for a one-standard-deviation change). Significance: *** p < 0.001, ** p < 0.01, * p < 0.05.\n\n",
      "按标准化效应排序（特征变化一个标准差时对数几率的变化）。显著性：*** p < 0.001，** p < 0.01，* p < 0.05。\n\n")
    for (title, raises) in [(l.pick("Raise the \(outcomeWords)", "提高\(outcomeWords)"), true), (l.pick("Lower the \(outcomeWords)", "降低\(outcomeWords)"), false)] {
      let group = significant.filter { ($0.coefficient > 0) == raises }
      text += "**\(title)**\n\n"
      if group.isEmpty { text += l.pick("- none\n", "- 无\n") }
      for c in group {
        text += "- \(describe(c.term)): " + l.pick("odds ×", "优势比 ") + f(c.oddsRatio, 2)
          + " (95% CI \(f(c.interval.lower, 2))–\(f(c.interval.upper, 2))), p \(pValue(c.p)) \(stars(c.p))"
          + (c.vif > Self.entangledVIF ? " † VIF \(f(c.vif, 1))" : "") + "\n"
      }
      text += "\n"
    }
    let entangled = columns.filter { $0.vif > Self.entangledVIF }.map { "`\($0.term)` (\(f($0.vif, 1)))" }
    if !entangled.isEmpty {
      text += l.pick(
        "† Entangled terms, variance inflation factor above 10: \(entangled.joined(separator: ", ")). Each shares most of its information with other terms, so its odds ratio is its effect with those held fixed, a combination customers rarely show; read these together, not one by one (a large odds ratio may be offset by a partner's). The predictions and the other terms are unaffected; to read one alone, leave its partners out with `--formula`.\n\n",
        "† 共线项（方差膨胀因子大于 10）：\(entangled.joined(separator: "，"))。这些项的大部分信息与其他项重叠，其优势比是在其他项固定时的效应，而客户身上很少出现这种组合；应结合起来解读，不宜单独解读（一个很大的优势比可能被相关项抵消）。预测结果和其他项不受影响；如需单独解读某项，可用 `--formula` 去掉与之相关的项。\n\n")
    }
    let weak = columns.filter { !($0.p < 0.05) }.map { "`\($0.term)`" }
    if !weak.isEmpty {
      text += l.pick("Not significant at 5%: ", "5% 水平下不显著：") + weak.joined(separator: ", ") + "\n"
    }
    var references: [String] = []
    for encoding in result.model.encoder.encodings {
      if case .categorical(let e) = encoding {
        references.append("\(FeatureLabel.label(e.term.source, l)) = \(e.reference)")
      }
    }
    if !references.isEmpty {
      text += "\n" + l.pick("Reference levels: ", "参照水平：") + references.joined(separator: "; ") + "\n"
    }
    return text
  }

  /// A design column in words: "**days since last purchase** (log scale, per SD)", "**region** = 西北";
  /// without `markdown`, plain and short for a chart: "days since last purchase (log)".
  func describe(_ column: String, markdown: Bool = true) -> String {
    for encoding in result.model.encoder.encodings {
      let term = encoding.term
      let label = markdown ? "**\(FeatureLabel.label(term.source, l))**" : FeatureLabel.label(term.source, l)
      if column == term.description {
        if !markdown { return term.transform == .log1p ? label + l.pick(" (log)", "（对数）") : label }
        let how = term.transform == .log1p ? l.pick("log scale, per SD", "对数尺度，每标准差") : l.pick("per SD", "每标准差")
        return "\(label) (\(how))"
      }
      if column == "missing(\(term.source))" { return label + l.pick(" missing", "缺失") }
      if column.hasPrefix(term.description + "[") {
        return "\(label) = \(column.dropFirst(term.description.count + 1).dropLast())"
      }
    }
    return markdown ? "`\(column)`" : column
  }

  private func pValue(_ p: Double) -> String { p < 0.001 ? "< 0.001" : "= " + f(p, 3) }

  /// statsmodels' summary: the facts block and the coefficient table.
  private var summaryTable: ReportTable {
    let r = regression
    let fit = result.fit
    var header: [(String, String)] = [
      ("Dep. Variable", result.model.outcome.labelName), ("Model", "Logit"), ("Method", penaltyName),
      ("As of", day(fit.asOf)), ("No. Observations", "\(fit.rows)"),
      ("Df Residuals", NumberFormatting.shortest(r.residualDegreesOfFreedom) ?? ""),
      ("Df Model", "\(r.coefficients.count - (r.fitIntercept ? 1 : 0))"), ("Pseudo R-squ.", f(r.pseudoRSquared, 4)),
      ("Log-Likelihood", f(r.logLikelihood, 2)), ("LL-Null", f(r.nullLogLikelihood, 2)),
      ("LLR", f(2 * (r.logLikelihood - r.nullLogLikelihood), 2)), ("AIC", f(r.aic, 2)), ("BIC", f(r.bic, 2)),
      ("converged", r.converged ? "True" : "False"), ("Iterations", "\(r.iterations)"),
    ]
    if !r.droppedColumns.isEmpty { header.append((l.pick("Dropped", "已剔除"), r.droppedColumns.joined(separator: ", "))) }
    var table = ReportTable(
      title: "", header: header,
      columns: ["", "coef", "std err", "z", "P>|z|", "[0.025", "0.975]", "odds ratio", "std effect", "VIF"])
    for row in r.coefficientTable() {
      table.append([
        .text(row.term), .number(row.coefficient, digits: 4), .number(row.standardError, digits: 3),
        .number(row.zValue, digits: 3), .number(row.pValue, digits: 3), .number(row.confidenceInterval.lower, digits: 3),
        .number(row.confidenceInterval.upper, digits: 3), .number(row.oddsRatio, digits: 3),
        ReportCell(row.standardizedEffect, digits: 3), ReportCell(row.varianceInflationFactor.isNaN ? nil : row.varianceInflationFactor, digits: 2),
      ])
    }
    return table
  }

  private var penaltyName: String {
    switch regression.penalty {
    case .none: "MLE"
    case .l2(let strength): "L2 (λ = \(NumberFormatting.shortest(strength) ?? ""))"
    case .firth: "Firth"
    }
  }

  private func profileTable(_ profile: FactorProfile) -> ReportTable {
    var table = ReportTable(
      title: FeatureLabel.label(profile.term.source, l) + " (`\(profile.term.source)`)",
      columns: [l.pick("group", "分组"), l.pick("customers", "客户数"), l.pick("rate", "比例")])
    for group in profile.groups { table.append([.text(group.label), .integer(group.count), .text(pct(group.rate))]) }
    return table
  }

  private var validationSection: String {
    guard let v = result.validation else {
      return l.pick(
        "No out-of-time validation: the data do not reach back far enough (it needs transactions before T − H). The figures below are in-sample and flatter the model.\n\n",
        "未做跨期验证：数据历史不够长（需要 T − H 之前的交易）。以下为样本内指标，会高估模型效果。\n\n")
        + metricsMarkdown(result.fit.metrics) + "\n" + rocChart.markdownLink
    }
    var text = l.pick(
      "A model fitted as of \(day(v.fitAsOf)) — knowing nothing after that day — scored the customers as of \(day(v.scoredAsOf)); the figures compare its scores with what they did in the next \(result.model.horizon) days.\n\n",
      "以 \(day(v.fitAsOf)) 为截至日拟合的模型（不含此后任何数据）对 \(day(v.scoredAsOf)) 的客户评分，并与其后 \(result.model.horizon) 天的实际结果比较。\n\n")
    text += metricsMarkdown(v.metrics) + "\n" + rocChart.markdownLink
    var calibration = ReportTable(
      title: l.pick("Calibration (deciles of the predicted probability)", "校准（按预测概率十等分）"),
      columns: [l.pick("bin", "组"), l.pick("customers", "客户数"), l.pick("mean predicted", "平均预测"), l.pick("observed", "实际比例")])
    for row in v.calibration.rows {
      calibration.append([.integer(row.bin), .integer(row.count), .text(pct(row.meanPredicted)), .text(pct(row.observedRate))])
    }
    text += "\n" + calibration.markdown(headingLevel: 3) + (calibrationChart.map { "\n" + $0.markdownLink } ?? "")
    var gains = ReportTable(
      title: l.pick("Cumulative gains and lift (highest scores first)", "累计增益与提升度（按评分从高到低）"),
      columns: [l.pick("decile", "十分位"), l.pick("customers", "客户数"), l.pick("rate", "比例"), l.pick("cumulative gain", "累计增益"), l.pick("lift", "提升度")])
    for row in v.gains.rows {
      gains.append([
        .integer(row.decile), .integer(row.count), .text(pct(row.rate)), .text(row.cumulativeGain.map(pct) ?? "–"),
        .text(f(row.lift, 2)),
      ])
    }
    text += "\n" + gains.markdown(headingLevel: 3) + (gainsChart.map { "\n" + $0.markdownLink } ?? "")
    var bands = ReportTable(
      title: l.pick("Risk bands out of time", "跨期验证的风险等级"),
      columns: [l.pick("band", "等级"), l.pick("probability", "概率区间"), l.pick("customers", "客户数"), l.pick("observed rate", "实际比例")])
    for rate in v.bands {
      bands.append([.text(bandName(rate.band)), .text(bandRange(rate.band)), .integer(rate.count), .text(rate.count > 0 ? pct(rate.rate) : "–")])
    }
    return text + "\n" + bands.markdown(headingLevel: 3)
  }

  private func metricsMarkdown(_ m: BinaryClassificationMetrics) -> String {
    var table = ReportTable(title: "", columns: [l.pick("metric", "指标"), l.pick("value", "数值")])
    let rows: [(String, String)] = [
      (l.pick("customers", "客户数"), "\(m.count)"), (l.pick("positives", "正例"), "\(m.positives)"),
      ("AUC", f(m.auc)), ("Gini", f(m.gini)), ("KS", f(m.ks)), (l.pick("log loss", "对数损失"), f(m.logLoss, 4)),
      ("Brier", f(m.brier, 4)), (l.pick("threshold", "阈值"), f(m.threshold)), (l.pick("accuracy", "准确率"), f(m.accuracy)),
      (l.pick("precision", "精确率"), f(m.precision)), (l.pick("recall", "召回率"), f(m.recall)), ("F1", f(m.f1)),
    ]
    for (name, value) in rows { table.append([.text(name), .text(value)]) }
    return table.markdown() + "\n" + l.pick(
      "The threshold maximises F1 on the fitting sample; accuracy, precision, recall and F1 flag customers at or above it.\n",
      "阈值取建模样本上 F1 最大处；准确率、精确率、召回率和 F1 以概率不低于阈值判为正例。\n")
  }

  var bandCounts: [Int] {
    var counts = [Int](repeating: 0, count: result.model.bands.names.count)
    for b in result.scores.scores.bands { counts[b] += 1 }
    return counts
  }

  private func bandName(_ b: Int) -> String {
    let name = result.model.bands.names[b]
    let zh = ["low": "低", "medium": "中", "high": "高", "very_high": "极高"][name]
    return language == .zh ? zh.map { "\($0)（\(name)）" } ?? name : name
  }

  private func bandRange(_ b: Int) -> String {
    let (lower, upper) = result.model.bands.range(of: b)
    return "[\(f(lower, 2)), \(f(upper, 2))" + (b == result.model.bands.names.count - 1 ? "]" : ")")
  }

  private var scoresSection: String {
    let scores = result.scores
    let n = scores.customerIDs.count
    var text = l.pick(
      "\(n) customers scored as of \(day(scores.asOf)) for the next \(result.model.horizon) days (`scores.csv`, with the three terms that raise each customer's score the most compared with the average customer).\n\n",
      "\(n) 位客户按 \(day(scores.asOf)) 评分，预测其后 \(result.model.horizon) 天（`scores.csv`，附每位客户相对平均客户最推高评分的三个因素）。\n\n")
    var table = ReportTable(
      title: "", columns: [l.pick("band", "等级"), l.pick("probability", "概率区间"), l.pick("customers", "客户数"), l.pick("share", "占比")])
    for (b, count) in bandCounts.enumerated() {
      table.append([.text(bandName(b)), .text(bandRange(b)), .integer(count), .text(pct(Double(count) / Double(max(n, 1))))])
    }
    text += table.markdown()
    var first: [String: Int] = [:]
    let reasons = scores.scores.reasons
    for i in reasons.indices { if let top = reasons.reason(0, of: i) { first[top.term.source, default: 0] += 1 } }
    if !first.isEmpty {
      var reasons = ReportTable(
        title: l.pick("Most common first reason", "最常见的首要原因"),
        columns: [l.pick("factor", "因素"), l.pick("customers", "客户数")])
      for (name, count) in first.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
        reasons.append([.text(FeatureLabel.label(name, l)), .integer(count)])
      }
      text += "\n" + reasons.markdown(headingLevel: 3)
    }
    return text
  }
}
