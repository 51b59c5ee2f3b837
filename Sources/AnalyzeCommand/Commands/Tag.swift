import ArgumentParser
import DataIngest
import Features
import Foundation
import Reports
import Tagging

extension Analyze {
  /// `analyze tag`: smart tags (智能标签) from a rules file.
  struct Tag: DataCommand {
    static let configuration = CommandConfiguration(
      abstract: "Smart tags: rules over each customer's features, classes, scores and segments.",
      discussion: """
        Evaluates the rules of --rules (YAML: a tags: list of name: and when: entries; see \
        datasets/tags.yaml) for every customer known before --as-of, over the columns of features.csv \
        (built as analyze features builds them), category_<name> purchase counts for the categories \
        the rules name, and with --run the columns of scores.csv and segments.csv in that folder. \
        Writes tags.csv (customer_id, tags joined by ;), tag_counts.csv, summary.md, report.html, ingest.csv and \
        rejects.csv into --out. A rules file with an error is refused whole, with file:line:column \
        (exit status 1).
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var window: WindowOptions

    @Option(help: ArgumentHelp("The YAML file of tag rules.", valueName: "rules.yaml"))
    var rules: String

    @Option(
      name: .customLong("run"),
      help: ArgumentHelp("A folder of earlier outputs whose scores.csv and segments.csv the rules may use.", valueName: "dir"))
    var runFolder: String?

    @Option(help: "Language of the class names the rules compare with (rfm_segment, lifecycle_stage): en or zh. Independent of --lang, so a rules file means the same in every report language.")
    var classNames: ReportLanguage = .en

    @OptionGroup var classes: ClassificationOptions

    func execute(_ data: FeatureStore) throws {
      let history = data.history
      // The grammar is checked before the data is read; fields and types once the table is built.
      let ruleSet = try TagRuleSet.load(path: rules)
      let features = try data.features(window.builder(for: history))
      var table = try classes.classifiedTable(features, history: history, chineseNames: classNames == .zh).table
      var joins: [RunJoin] = []
      if let runFolder { joins = try RunOutputs.join(folder: runFolder, into: &table) }
      CategoryPurchases.append(to: &table, names: ruleSet.fieldNames, history: history, features: features)
      let tagger = try ruleSet.compile(for: table, suggesting: CategoryPurchases.fieldNames(history))
      let assignment = tagger.apply()

      let folder = try OutputFolder(output.out)
      try folder.writeIngest(history.ingest)
      try assignment.writeCSV(to: "\(output.out)/tags.csv")
      let report = TagReport(
        assignment: assignment, tagger: tagger, rulesPath: rules, asOf: DayNumber.isoString(features.asOf),
        joins: runFolder.map { folder in joins.map { $0.relative(to: folder) } } ?? joins, language: output.lang)
      try folder.write(report.countsTable, as: "tag_counts.csv")
      try folder.writeReport(markdown: report.markdown, as: "summary.md", charts: [], language: output.lang)
      print(report.consoleSummary)
      for join in joins where join.unmatched > 0 {
        FileHandle.standardError.write(Data(
          "analyze: warning: \(join.unmatched) of the \(join.rows) customers of \(join.path) are not in the data; skipped.\n".utf8))
      }
      try enforceStrict(input, history.ingest)
    }
  }
}
