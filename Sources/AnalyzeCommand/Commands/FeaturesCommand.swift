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
        Writes features.csv (one row per customer known before --as-of), summary.md with its charts \
        (value_tiers.svg, lifecycle.svg, rfm_segments.svg), report.html, ingest.csv \
        and rejects.csv into --out. With --horizon and data reaching as-of + horizon − 1, adds the \
        labels churn and purchase. Missing values are empty cells.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var window: WindowOptions

    @OptionGroup var classes: ClassificationOptions

    func execute(_ data: FeatureStore) throws {
      let history = data.history
      let folder = try OutputFolder(output.out)
      try folder.writeIngest(history.ingest)
      let features = try data.features(window.builder(for: history))
      if window.horizon != nil && features.churn == nil {
        FileHandle.standardError.write(Data(
          "analyze: no labels: the data end before as-of + horizon − 1; features only.\n".utf8))
      }
      let (table, unknownProvinces) = try classes.classifiedTable(
        features, history: history, chineseNames: output.lang == .zh)
      try table.writeCSV(to: "\(output.out)/features.csv")
      let report = FeaturesReport(
        features: features, table: table, ingest: history.ingest, unknownProvinces: unknownProvinces,
        language: output.lang)
      try folder.writeReport(markdown: report.markdown, as: "summary.md", charts: report.charts, language: output.lang)
      print(report.consoleSummary)
      try enforceStrict(input, history.ingest)
    }
  }
}
