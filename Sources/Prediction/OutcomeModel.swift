import Features
import Foundation
import Models

/// A fitted churn or propensity model kept for later (`model.json`):
/// everything needed to score new data — the formula, the encodings with
/// their levels and standardization, the coefficients — and what it was
/// trained on.
///
/// ```swift
/// let model = try OutcomeModel.load(path: "out/churn/model.json")
/// let scores = try model.score(table, rows: Array(0..<table.count))
/// ```
public struct OutcomeModel: Sendable, Codable {
  /// The file format this code writes and reads.
  public static let currentFormatVersion = 1
  /// The value of ``model``, which tells this file from a segment model.
  public static let modelName = "logistic-regression"

  public let model: String
  public let formatVersion: Int
  public let outcome: Outcome
  public let formula: ModelFormula
  /// H of the label the model was fitted on.
  public let horizon: Int
  public let lookback: Int?
  /// T of the training features (ISO date).
  public let trainedAsOf: String
  public let encoder: DesignEncoder
  public let regression: LogisticRegressionResult
  /// Probabilities at or above it count as positive in accuracy, precision, recall and F1.
  public let threshold: Double
  public let bands: RiskBands
  public let training: TrainingFingerprint
  /// The `analyze` version that wrote the model.
  public let toolVersion: String

  public init(
    outcome: Outcome, formula: ModelFormula, horizon: Int, lookback: Int?, trainedAsOf: String, encoder: DesignEncoder,
    regression: LogisticRegressionResult, threshold: Double, bands: RiskBands, training: TrainingFingerprint,
    toolVersion: String
  ) {
    model = Self.modelName
    formatVersion = Self.currentFormatVersion
    self.outcome = outcome
    self.formula = formula
    self.horizon = horizon
    self.lookback = lookback
    self.trainedAsOf = trainedAsOf
    self.encoder = encoder
    self.regression = regression
    self.threshold = threshold
    self.bands = bands
    self.training = training
    self.toolVersion = toolVersion
  }

  /// Scores of some customers: probability, band and reasons.
  public struct Scores: Sendable {
    public let rows: [Int]
    public let probabilities: [Double]
    public let bands: [Int]
    public let reasons: ReasonLists
    /// Levels the training never saw, per term, with their row counts.
    public let unknownLevels: [(term: String, level: String, rows: Int)]
  }

  /// Scores `rows` of `table`, a block of rows at a time: the same numbers
  /// as from their whole design, without that n × p matrix in memory.
  ///
  /// - Throws: ``PredictionError/unknownColumn(name:suggestion:)`` when the
  ///   table lacks a column the model uses.
  public func score(_ table: FeatureTable, rows: [Int], reasons count: Int = 3) throws(PredictionError) -> Scores {
    var probabilities: [Double] = []
    probabilities.reserveCapacity(rows.count)
    var reasons = ReasonCoder.Collector(
      ReasonCoder(encoder: encoder, coefficients: regression.inputCoefficients), table: table, count: count)
    let unknownLevels = try encoder.encode(table, rows: rows, blockSize: 1 << 16) { start, block in
      probabilities += regression.predictProbabilities(for: block)
      reasons.add(rows: rows[start..<(start + block.rows)], design: block)
    }
    return Scores(
      rows: rows, probabilities: probabilities, bands: probabilities.map(bands.band(of:)), reasons: reasons.reasons,
      unknownLevels: unknownLevels)
  }

  /// `model.json`: pretty-printed, keys sorted, ending with a line feed.
  public func jsonBytes() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return Array(try encoder.encode(self)) + [10]
  }

  /// Reads `model.json`.
  ///
  /// - Throws: ``PredictionError/newerModelFormat(path:version:supported:)``
  ///   for a file from a newer `analyze`, ``PredictionError/invalidModel(path:reason:)``
  ///   for anything else that is not a model this code can use.
  public static func load(path: String) throws(PredictionError) -> OutcomeModel {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw .invalidModel(path: path, reason: "cannot be read (\(error.localizedDescription))")
    }
    return try decode(data, path: path)
  }

  /// Reads a model file's bytes; `path` names it in errors.
  public static func decode(_ data: Data, path: String) throws(PredictionError) -> OutcomeModel {
    struct Header: Decodable {
      let model: String?
      let formatVersion: Int?
    }
    guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
      throw .invalidModel(path: path, reason: "not a JSON object")
    }
    guard header.model == modelName else {
      throw .invalidModel(path: path, reason: header.model.map { "it holds a \($0) model" } ?? "it is not a churn or propensity model.json")
    }
    guard let version = header.formatVersion else { throw .invalidModel(path: path, reason: "no formatVersion") }
    guard version <= currentFormatVersion else {
      throw .newerModelFormat(path: path, version: version, supported: currentFormatVersion)
    }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    let model: OutcomeModel
    do { model = try decoder.decode(OutcomeModel.self, from: data) } catch {
      throw .invalidModel(path: path, reason: "\(error)")
    }
    guard model.regression.inputColumnCount == model.encoder.columnNames.count,
      model.encoder.columnMeans.count == model.encoder.columnNames.count
    else {
      throw .invalidModel(path: path, reason: "its coefficients do not match its \(model.encoder.columnNames.count) design columns")
    }
    return model
  }
}
