import ArgumentParser
import DataIngest
import Features
import Prediction

extension Analyze {
  /// `analyze churn`: who will stop buying, why, and how sure the model is.
  struct Churn: DataCommand {
    static let configuration = CommandConfiguration(
      abstract: "Churn model: logistic regression on customer features, validated out of time, with a factor report and scores.",
      discussion: """
        With no dates, fits on the last complete horizon (as-of = the day after the last transaction − H), \
        validates out of time (a model fitted as of as-of − H scores the customers as of as-of), and scores \
        every current customer for the next H days. Writes coefficients.csv, metrics.csv, calibration.csv, \
        lift.csv, validation.csv, scores.csv, model.json, report.md with its charts (roc.svg, \
        odds_ratios.svg, and with a validation calibration.svg and gains.svg) and report.html into --out.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var model: ModelOptions

    @Option(help: ArgumentHelp("H: a customer churns when they place no order in [T, T + H).", valueName: "days"))
    var horizon = 90

    @Option(help: ArgumentHelp("Only customers whose last purchase is at most this many days before T.", valueName: "days"))
    var lookback: Int?

    func validate() throws {
      if horizon < 1 { throw ValidationError("--horizon must be at least 1 day.") }
      if let lookback, lookback < 1 { throw ValidationError("--lookback must be at least 1 day.") }
    }

    func execute(_ data: FeatureStore) throws {
      try runOutcomeStudy(
        data, input: input, output: output, model: model,
        study: try model.study(outcome: .churn, horizon: horizon, lookback: lookback))
    }
  }

  /// `analyze propensity`: who will buy (a category, a channel, anything) in the next H days.
  struct Propensity: DataCommand {
    static let configuration = CommandConfiguration(
      abstract: "Purchase-probability model: the same machinery as churn, for buying in the next H days.",
      discussion: """
        The population is every known customer, buyers or not. --category or --channel narrows the \
        outcome to purchases of one category or through one channel. Outputs as analyze churn.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var model: ModelOptions

    @Option(help: ArgumentHelp("H: the outcome is a purchase in [T, T + H).", valueName: "days"))
    var horizon = 30

    @Option(help: "Only purchases of this category count.")
    var category: String?

    @Option(help: "Only purchases through this channel count.")
    var channel: String?

    func validate() throws {
      if horizon < 1 { throw ValidationError("--horizon must be at least 1 day.") }
      if category != nil && channel != nil { throw ValidationError("Give --category or --channel, not both.") }
    }

    func execute(_ data: FeatureStore) throws {
      let filter: PurchaseFilter? = category.map { .category($0) } ?? channel.map { .channel($0) }
      try runOutcomeStudy(
        data, input: input, output: output, model: model,
        study: try model.study(outcome: .purchase(filter), horizon: horizon, lookback: nil))
    }
  }
}
