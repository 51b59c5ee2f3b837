import ArgumentParser
import DataIngest
import Features
import Foundation
import Reports

extension Analyze {
  /// `analyze features`: one row per customer, as of a day.
  struct FeaturesCommand: DataCommand {
    static let configuration = CommandConfiguration(
      commandName: "features",
      abstract: "Customer features as of a date: RFM and the data contract's features, labels, attributes.",
      discussion: """
        Writes features.csv (one row per customer known before --as-of), summary.md, ingest.csv \
        and rejects.csv into --out. With --horizon and data reaching as-of + horizon − 1, adds the \
        labels churn and purchase. Missing values are empty cells.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var window: WindowOptions

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
        _ = try classification()
      } catch let error as FeatureError {
        throw ValidationError(error.description)
      }
    }

    /// The classification rules the options describe (range checks live in the library).
    func classification() throws -> CustomerClassification {
      CustomerClassification(
        tiers: try ValueTierThresholds(a: tierA, b: tierB),
        lifecycle: try LifecycleRules(
          newWithinDays: newWithinDays, lapsedAfterDays: lapsedAfterDays, atRiskMultiple: atRiskMultiple,
          atRiskDays: atRiskDays),
        regions: try regions.map { path throws(FeatureError) in try RegionMapping.load(path: path) } ?? .china,
        chineseNames: output.lang == .zh)
    }

    func execute(_ history: PurchaseHistory) throws {
      let folder = try OutputFolder(output.out)
      try folder.writeIngest(history.ingest)
      let features = try window.builder(for: history).build(history)
      if window.horizon != nil && features.churn == nil {
        FileHandle.standardError.write(Data(
          "analyze: no labels: the data end before as-of + horizon − 1; features only.\n".utf8))
      }
      var table = FeatureTable(features, history: history)
      let unknownProvinces = try classification().append(to: &table, features: features)
      try table.writeCSV(to: "\(output.out)/features.csv")
      let report = FeaturesReport(
        features: features, table: table, ingest: history.ingest, unknownProvinces: unknownProvinces,
        language: output.lang)
      try folder.write(text: report.markdown, as: "summary.md")
      print(report.consoleSummary)
      try enforceStrict(input, history.ingest)
    }
  }
}
