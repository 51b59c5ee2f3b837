import ArgumentParser
import DataIngest
import Features

/// The rules that classify customers (value tier, lifecycle stage, region),
/// shared by the commands that build the classified feature table.
struct ClassificationOptions: ParsableArguments {
  @Option(help: ArgumentHelp("A YAML file of your own regions (sales territories) to replace the built-in China mapping.", valueName: "regions.yaml"))
  var regions: String?

  @Option(help: "Value tier A: the customers making up this share of the total value.")
  var tierA = 0.8

  @Option(help: "Value tier B: up to this cumulative share; the rest is C.")
  var tierB = 0.95

  @Option(help: "Lifecycle: a customer whose first purchase is at most this many days old is new.")
  var newWithinDays = 30.0

  @Option(help: "Lifecycle: no purchase for more than this many days is lapsed.")
  var lapsedAfterDays = 365.0

  @Option(help: "Lifecycle: at risk when the days since the last purchase exceed this multiple of the customer's own average gap.")
  var atRiskMultiple = 2.0

  @Option(help: "Lifecycle: at risk for one-time buyers after this many days.")
  var atRiskDays = 90.0

  func validate() throws {
    do {
      _ = try classification(chineseNames: false)
    } catch let error as FeatureError {
      throw ValidationError(error.description)
    }
  }

  /// The classification rules the options describe (range checks live in the library).
  func classification(chineseNames: Bool) throws -> CustomerClassification {
    CustomerClassification(
      tiers: try ValueTierThresholds(a: tierA, b: tierB),
      lifecycle: try LifecycleRules(
        newWithinDays: newWithinDays, lapsedAfterDays: lapsedAfterDays, atRiskMultiple: atRiskMultiple,
        atRiskDays: atRiskDays),
      regions: try regions.map { path throws(FeatureError) in try RegionMapping.load(path: path) } ?? .china,
      chineseNames: chineseNames)
  }

  /// What `features.csv` holds: the features and attributes of `history`,
  /// then the classification columns, with class names in Chinese or English.
  /// - Returns: the table, and the provinces the region mapping does not know.
  func classifiedTable(_ features: CustomerFeatures, history: PurchaseHistory, chineseNames: Bool) throws
    -> (table: FeatureTable, unknownProvinces: [(name: String, count: Int)])
  {
    var table = FeatureTable(features, history: history)
    let unknownProvinces = try classification(chineseNames: chineseNames).append(to: &table, features: features)
    return (table, unknownProvinces)
  }
}
