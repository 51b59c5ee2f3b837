import ArgumentParser
import DataIngest
import Features

/// T and H: the day features are taken as of, and the label window after it.
struct WindowOptions: ParsableArguments {
  @Option(help: ArgumentHelp("T: features use rows dated before it (default: the day after the last transaction).", valueName: "YYYY-MM-DD"))
  var asOf: DayArgument?

  @Option(help: ArgumentHelp("H: labels look at purchases in [T, T + H), when the data reach that far.", valueName: "days"))
  var horizon: Int?

  func validate() throws {
    if let horizon, horizon < 1 { throw ValidationError("--horizon must be at least 1 day.") }
  }

  /// The feature builder for `history`, with `defaultHorizon` when none was given.
  func builder(for history: PurchaseHistory, defaultHorizon: Int? = nil) throws -> FeatureBuilder {
    guard let dayAfterLast = FeatureBuilder.dayAfterLastTransaction(history) else { throw FeatureError.noTransactions }
    return FeatureBuilder(asOf: asOf?.day ?? dayAfterLast, horizon: horizon ?? defaultHorizon)
  }
}
