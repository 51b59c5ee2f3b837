import ArgumentParser
import Features
import Foundation
import Models
import Prediction

/// What `analyze churn` and `analyze propensity` share: dates, terms, the
/// estimator and how scores are cut.
struct ModelOptions: ParsableArguments {
  @Option(help: ArgumentHelp("T of the fit: features before it, labels in [T, T + H) (default: the day after the last transaction − H).", valueName: "YYYY-MM-DD"))
  var asOf: DayArgument?

  @Option(help: ArgumentHelp("T of the out-of-time validation model (default: as-of − H).", valueName: "YYYY-MM-DD"))
  var validateAsOf: DayArgument?

  @Option(help: ArgumentHelp("The day scores are as of (default: the day after the last transaction).", valueName: "YYYY-MM-DD"))
  var scoreAsOf: DayArgument?

  @Option(help: ArgumentHelp("The model as a formula: 'churn ~ log1p(frequency) + recency_days + C(region)'.", valueName: "formula"))
  var formula: String?

  @Option(
    parsing: .singleValue,
    help: ArgumentHelp("The model's features, comma-separated, each with its usual transform (instead of --formula).", valueName: "list"))
  var features: [String] = []

  @Option(help: ArgumentHelp("none (maximum likelihood), l2:STRENGTH (ridge, λ = 1/C) or firth.", valueName: "penalty"))
  var penalty: String = "none"

  @Flag(help: "Weigh the classes equally (scikit-learn's class_weight='balanced').")
  var balanced = false

  @Option(help: ArgumentHelp("The probability cut for accuracy, precision, recall and F1, or max-f1 (chosen on the fitting sample).", valueName: "p|max-f1"))
  var threshold: String = "max-f1"

  @Option(help: ArgumentHelp("Risk band cuts, rising, comma-separated.", valueName: "list"))
  var bands: String = "0.25,0.5,0.75"

  @Option(help: "Levels of a categorical term on less than this share of the customers are grouped into (other).")
  var rareLevelShare = 0.01

  @Option(help: ArgumentHelp("A YAML file of your own regions, as for analyze features.", valueName: "regions.yaml"))
  var regions: String?

  @Option(help: ArgumentHelp("Write the exact matrix fitted (customer_id, label, each column as used) to this CSV file.", valueName: "file"))
  var exportDesign: String?

  func validate() throws {
    _ = try estimator()
    _ = try thresholdChoice()
    _ = try riskBands()
    if formula != nil && !featureTexts.isEmpty { throw ValidationError("Give --formula or --features, not both.") }
    if let formula {
      do { _ = try ModelFormula(parsing: formula) } catch { throw ValidationError(error.description) }
    }
    guard rareLevelShare >= 0 && rareLevelShare < 0.5 else { throw ValidationError("--rare-level-share must be in [0, 0.5).") }
  }

  var featureTexts: [String] {
    features.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  func estimator() throws -> LogisticRegression {
    var model = LogisticRegression(classWeights: balanced ? .balanced : nil)
    let text = penalty.lowercased()
    if text == "none" {
      model.penalty = .none
    } else if text == "firth" {
      model.penalty = .firth
    } else if text.hasPrefix("l2:"), let strength = Double(text.dropFirst(3)), strength.isFinite, strength > 0 {
      model.penalty = .l2(strength: strength)
    } else {
      throw ValidationError("--penalty must be none, firth or l2:STRENGTH with STRENGTH > 0, not '\(penalty)'.")
    }
    return model
  }

  func thresholdChoice() throws -> ThresholdChoice {
    if threshold.lowercased() == "max-f1" { return .maximumF1 }
    guard let p = Double(threshold), p > 0, p < 1 else {
      throw ValidationError("--threshold must be a probability in (0, 1) or max-f1, not '\(threshold)'.")
    }
    return .fixed(p)
  }

  func riskBands() throws -> RiskBands {
    let cuts = bands.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard !cuts.isEmpty, cuts.allSatisfy({ $0 != nil }) else { throw ValidationError("--bands must be numbers like 0.25,0.5,0.75.") }
    do { return try RiskBands(cuts: cuts.map { $0! }) } catch { throw ValidationError(error.description) }
  }

  /// The study these options describe; the formula is resolved against the data later.
  func study(outcome: Outcome, horizon: Int, lookback: Int?) throws -> OutcomeStudy {
    OutcomeStudy(
      outcome: outcome, horizon: horizon, fitAsOf: asOf?.day, validateAsOf: validateAsOf?.day, scoreAsOf: scoreAsOf?.day,
      lookback: lookback, formula: try formula.map { try ModelFormula(parsing: $0) },
      featureNames: featureTexts.isEmpty ? nil : featureTexts, estimator: try estimator(),
      encoding: DesignEncoder.Options(rareLevelShare: rareLevelShare), threshold: try thresholdChoice(), bands: try riskBands(),
      classification: CustomerClassification(
        regions: try regions.map { path throws(FeatureError) in try RegionMapping.load(path: path) } ?? .china),
      keepDesign: exportDesign != nil)
  }
}
