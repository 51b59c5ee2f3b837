import ArgumentParser
import DataIngest
import Features
import Foundation
import Reports
import Statistics

extension Analyze {
  /// `analyze describe`: what is in a new export, with every row accounted for.
  struct Describe: DataCommand {
    static let configuration = CommandConfiguration(
      abstract: "Describe a data set: distributions, customer mix, monthly trend, cohorts, correlations.",
      discussion: """
        Writes summary.md with its charts (monthly_trend.svg, cohort_retention.svg), report.html \
        (the summary with the charts in one page) and CSV tables into --out: overview, numeric_summary, categorical, \
        monthly, cohort_retention, interpurchase_days, correlation, age_bands, gender, plus \
        ingest.csv (rows read, accepted, rejected, duplicates per file) and rejects.csv.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Categorical columns list this many values; the rest are pooled as (other).")
    var top = 10

    func validate() throws {
      guard top >= 1 else { throw ValidationError("--top must be at least 1.") }
    }

    func execute(_ data: FeatureStore) throws {
      let history = data.history
      let folder = try OutputFolder(output.out)
      try folder.writeIngest(history.ingest)
      let report = DescribeReport(
        description: DataDescription(history, top: top), ingest: history.ingest, language: output.lang)
      for (name, table) in report.tables { try folder.write(table, as: name) }
      try folder.writeReport(markdown: report.markdown, as: "summary.md", charts: report.charts, language: output.lang)
      let d = report.description
      print(
        "\(d.transactionRows) transactions, \(d.orders) orders, \(d.customersWithOrders) customers with orders; "
          + "repeat-purchase rate \(NumberFormatting.fixed(d.repeatPurchase.repeatRate * 100, digits: 1) ?? "–")%.")
      let rejected = history.ingest.files.reduce(0) { $0 + $1.rejected }
      let duplicates = history.ingest.files.reduce(0) { $0 + $1.duplicates }
      print("Rows rejected: \(rejected), duplicates dropped: \(duplicates). Wrote \(output.out)/summary.md")
      try enforceStrict(input, history.ingest)
    }
  }
}
