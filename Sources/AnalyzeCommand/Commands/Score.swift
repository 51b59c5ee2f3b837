import ArgumentParser
import DataIngest
import Features
import Foundation
import Prediction
import Reports

extension Analyze {
  /// `analyze score`: a saved model applied to new data.
  struct Score: DataCommand {
    static let configuration = CommandConfiguration(
      abstract: "Apply a saved model.json (churn, propensity or segments) to data and write its scores.",
      discussion: """
        A churn or propensity model writes scores.csv (customer_id, probability, risk_band, reason_1..3); \
        a segment model writes segments.csv (customer_id, segment, segment_name, distance, second_segment, \
        second_distance). Features are built as of --as-of (default: the day after the last transaction).
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("The model.json written by analyze churn, propensity or segment.", valueName: "file"))
    var model: String

    @Option(help: ArgumentHelp("T: features use rows dated before it (default: the day after the last transaction).", valueName: "YYYY-MM-DD"))
    var asOf: DayArgument?

    @Option(help: ArgumentHelp("The regions file the model was trained with, if not the built-in China mapping.", valueName: "regions.yaml"))
    var regions: String?

    func execute(_ data: FeatureStore) throws {
      let history = data.history
      let bytes: Data
      do { bytes = try Data(contentsOf: URL(fileURLWithPath: model)) } catch {
        throw PredictionError.invalidModel(path: model, reason: "cannot be read (\(error.localizedDescription))")
      }
      let isSegmentModel = (try? JSONSerialization.jsonObject(with: bytes) as? [String: Any])?["centres"] != nil
      let folder = try OutputFolder(output.out)
      try folder.writeIngest(history.ingest)
      guard let dayAfterLast = FeatureBuilder.dayAfterLastTransaction(history) else { throw FeatureError.noTransactions }
      let features = try data.features(FeatureBuilder(asOf: asOf?.day ?? dayAfterLast))
      let classification = CustomerClassification(
        regions: try regions.map { path throws(FeatureError) in try RegionMapping.load(path: path) } ?? .china)
      var table = OutcomeStudy.table(features, history: history, classification: classification)
      if isSegmentModel {
        PurchaseBehaviour.append(to: &table, features: features)
        let segments = try SegmentModel.decode(Array(bytes))
        let assigned = try segments.assign(table)
        try SegmentReport.writeAssignment(
          assigned, names: segments.names, language: output.lang, to: "\(output.out)/segments.csv")
        print("\(assigned.customerIDs.count) customers assigned to \(segments.k) segments as of \(DayNumber.isoString(features.asOf)).")
      } else {
        let outcomeModel = try OutcomeModel.decode(bytes, path: model)
        let (rows, _) = outcomeModel.outcome.population(features, lookback: outcomeModel.lookback)
        let scores = try outcomeModel.score(table, rows: rows)
        for unknown in scores.unknownLevels {
          FileHandle.standardError.write(Data(
            "analyze: warning: \(unknown.rows) customers have \(unknown.term) = \(unknown.level), unseen in training; scored as \(DesignEncoder.otherLevel) or the reference level.\n".utf8))
        }
        try OutcomeReport.writeScores(
          scores, customerIDs: rows.map { table.customerIDs[$0] }, bands: outcomeModel.bands, language: output.lang,
          to: "\(output.out)/scores.csv")
        var counts = [Int](repeating: 0, count: outcomeModel.bands.names.count)
        for b in scores.bands { counts[b] += 1 }
        print(
          "\(rows.count) customers scored as of \(DayNumber.isoString(features.asOf)) with the \(outcomeModel.outcome) model trained as of \(outcomeModel.trainedAsOf): "
            + outcomeModel.bands.names.indices.map { "\(outcomeModel.bands.names[$0]) \(counts[$0])" }.joined(separator: " · ") + ".")
      }
      try enforceStrict(input, history.ingest)
    }
  }
}
