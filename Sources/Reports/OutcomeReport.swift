import DataIngest
import Dispatch
import Features
import LinearAlgebra
import Models
import Prediction

/// The outputs of `analyze churn` and `analyze propensity` as values and
/// streams: the CSV tables here, the report in `OutcomeReport+Markdown.swift`.
/// Nothing here computes a statistic; it lays out an ``OutcomeStudyResult``.
public struct OutcomeReport: Sendable {
  public let result: OutcomeStudyResult
  public let language: ReportLanguage

  public init(result: OutcomeStudyResult, language: ReportLanguage = .en) {
    self.result = result
    self.language = language
  }

  var regression: LogisticRegressionResult { result.model.regression }

  /// `coefficients.csv`: statsmodels' summary body plus odds ratios, standardized effects and VIFs.
  public var coefficientsTable: ReportTable {
    var table = ReportTable(
      title: "coefficients",
      columns: [
        "term", "coef", "std_err", "z", "p_value", "ci_low", "ci_high", "odds_ratio", "odds_ratio_ci_low",
        "odds_ratio_ci_high", "std_effect", "vif",
      ])
    for row in regression.coefficientTable() {
      table.append([
        .text(row.term), .number(row.coefficient), .number(row.standardError), .number(row.zValue), .number(row.pValue),
        .number(row.confidenceInterval.lower), .number(row.confidenceInterval.upper), .number(row.oddsRatio),
        .number(row.oddsRatioInterval.lower), .number(row.oddsRatioInterval.upper), ReportCell(row.standardizedEffect),
        row.varianceInflationFactor.isNaN ? .missing : .number(row.varianceInflationFactor),
      ])
    }
    return table
  }

  /// The figures `metrics.csv` shows: out of time when there was a
  /// validation, in-sample otherwise (the `sample` row says which).
  var headlineMetrics: BinaryClassificationMetrics { result.validation?.metrics ?? result.fit.metrics }

  /// `metrics.csv`: `metric, value`.
  public var metricsTable: ReportTable {
    let m = headlineMetrics
    var table = ReportTable(title: "metrics", columns: ["metric", "value"])
    table.append(["sample", .text(result.validation == nil ? "in_sample" : "out_of_time")])
    table.append(["n", .integer(m.count)])
    table.append(["positives", .integer(m.positives)])
    table.append(["base_rate", .number(Double(m.positives) / Double(max(m.count, 1)))])
    table.append(["auc", ReportCell(m.auc)])
    table.append(["gini", ReportCell(m.gini)])
    table.append(["ks", ReportCell(m.ks)])
    table.append(["log_loss", .number(m.logLoss)])
    table.append(["brier", .number(m.brier)])
    table.append(["threshold", .number(m.threshold)])
    table.append(["accuracy", .number(m.accuracy)])
    table.append(["precision", .number(m.precision)])
    table.append(["recall", .number(m.recall)])
    table.append(["f1", .number(m.f1)])
    table.append(["fit_n", .integer(result.fit.rows)])
    table.append(["fit_auc", ReportCell(result.fit.metrics.auc)])
    table.append(["fit_log_loss", .number(result.fit.metrics.logLoss)])
    table.append(["pseudo_r2", .number(regression.pseudoRSquared)])
    table.append(["iterations", .integer(regression.iterations)])
    return table
  }

  /// `calibration.csv`: probability deciles of the out-of-time scores.
  public var calibrationTable: ReportTable? {
    guard let validation = result.validation else { return nil }
    var table = ReportTable(
      title: "calibration", columns: ["bin", "count", "mean_predicted", "observed_rate", "min_predicted", "max_predicted"])
    for row in validation.calibration.rows {
      table.append([
        .integer(row.bin), .integer(row.count), .number(row.meanPredicted), .number(row.observedRate),
        .number(row.minPredicted), .number(row.maxPredicted),
      ])
    }
    return table
  }

  /// `lift.csv`: deciles from the highest scores down, with cumulative gains and lift.
  public var liftTable: ReportTable? {
    guard let validation = result.validation else { return nil }
    var table = ReportTable(
      title: "lift",
      columns: [
        "decile", "count", "positives", "rate", "cumulative_count", "cumulative_positives", "cumulative_gain", "lift",
        "cumulative_lift",
      ])
    for row in validation.gains.rows {
      table.append([
        .integer(row.decile), .integer(row.count), .integer(row.positives), .number(row.rate), .integer(row.cumulativeCount),
        .integer(row.cumulativePositives), ReportCell(row.cumulativeGain), ReportCell(row.lift), ReportCell(row.cumulativeLift),
      ])
    }
    return table
  }

  /// Writes `validation.csv`: customer_id, label, probability of the out-of-time check.
  public func writeValidation(to path: String) throws(ReportError) {
    guard let validation = result.validation else { return }
    try CSVWriter.writeFile(
      at: path,
      columns: [
        .text("customer_id") { validation.customerIDs[$0] },
        .integer(result.model.outcome.labelName) { validation.labels[$0] ? 1 : 0 },
        .number("probability") { validation.probabilities[$0] },
      ],
      rowCount: validation.customerIDs.count)
  }

  /// Writes `scores.csv`: customer_id, probability, risk_band and three reason codes.
  public func writeScores(to path: String) throws(ReportError) {
    try Self.writeScores(
      result.scores.scores, customerIDs: result.scores.customerIDs, bands: result.model.bands, language: language,
      to: path)
  }

  /// Writes a `scores.csv` of any model's scores (what `analyze score` writes too).
  public static func writeScores(
    _ scores: OutcomeModel.Scores, customerIDs: [String], bands: RiskBands, language: ReportLanguage, to path: String
  ) throws(ReportError) {
    // A million customers share a few thousand reasons: each is worded once, and a customer's reasons are
    // indexes into the wordings of their rank (0: none). The ranks are worded side by side.
    let ranks = ConcurrentSlots<(wordings: [String?], numbers: [Int32])>(repeating: ([nil], []), count: 3)
    DispatchQueue.concurrentPerform(iterations: 3) { r in
      var wordings: [String?] = [nil]
      var numbered: [ReasonWording: Int32] = [:]
      let numbers = scores.reasons.indices.map { i -> Int32 in
        guard let reason = scores.reasons.reason(r, of: i) else { return 0 }
        let key = ReasonWording(term: reason.term, detail: reason.detail)
        if let number = numbered[key] { return number }
        let number = Int32(wordings.count)
        wordings.append(reasonText(reason, language))
        numbered[key] = number
        return number
      }
      ranks[r] = (wordings, numbers)
    }
    let probabilities = scores.probabilities
    let bandIndexes = scores.bands
    try CSVWriter.writeFile(
      at: path,
      columns: [
        .text("customer_id") { customerIDs[$0] },
        .number("probability") { probabilities[$0] },
        .choice("risk_band", among: bands.names) { bandIndexes[$0] },
      ] + (0..<3).map { r in
        let numbers = ranks[r].numbers
        return .choice("reason_\(r + 1)", among: ranks[r].wordings) { Int(numbers[$0]) }
      },
      rowCount: customerIDs.count)
  }

  /// What the text of a reason depends on (not its contribution).
  private struct ReasonWording: Hashable {
    let term: ModelTerm
    let detail: ReasonCode.Detail
  }

  /// Writes `--export-design`: customer_id, the label and each design column as fitted.
  public func writeDesign(to path: String) throws(ReportError) {
    guard let design = result.design else { return }
    let matrix = design.matrix
    try CSVWriter.writeFile(
      at: path,
      columns: [
        .text("customer_id") { design.customerIDs[$0] },
        .integer(result.model.outcome.labelName) { design.labels[$0] ? 1 : 0 },
      ] + design.columnNames.enumerated().map { c, name in .number(name) { matrix[$0, c] } },
      rowCount: design.customerIDs.count)
  }

  /// A reason code in words: "days since last purchase high (212)", "地区：西北".
  public static func reasonText(_ reason: ReasonCode, _ language: ReportLanguage) -> String {
    let label = FeatureLabel.label(reason.term.source, language)
    switch reason.detail {
    case .high(let value): return language.pick("\(label) high (\(compact(value)))", "\(label)偏高（\(compact(value))）")
    case .low(let value): return language.pick("\(label) low (\(compact(value)))", "\(label)偏低（\(compact(value))）")
    case .missing: return language.pick("\(label) unknown", "\(label)缺失")
    case .level(let level): return language.pick("\(label): \(level)", "\(label)：\(level)")
    }
  }

  /// A number for a sentence: whole numbers bare, others to 2 decimals.
  static func compact(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e12 { return String(Int64(value)) }
    return NumberFormatting.fixed(value, digits: 2) ?? "\(value)"
  }
}
