import DataIngest
import Features
import LinearAlgebra

/// The bench peers' k-means input (`fit_models` in `peers/common.py`),
/// built by `analyze segment`'s own code: the customers with a purchase
/// before T, on log1p(recency_days), log1p(frequency) and
/// log1p(max(monetary_total, 0)), standardized with the population standard
/// deviation (``SegmentFeature/recencyFrequencyMonetary``).
///
/// Loaded as ``LogitDesign`` loads, with exact duplicate rows kept, so the
/// rows are the ones the peers' pipelines cluster.
struct KMeansDesign {
  /// `n × 3`, standardized.
  var matrix: Matrix
  /// The design's column names.
  var names: [String]

  /// Loads `folder` and builds the design as of `asOf`; the history is released before returning.
  static func load(folder: String, asOf: Int32) throws -> KMeansDesign {
    let history = try PurchaseHistoryLoader.load(
      try DataSource.folder(folder), options: IngestOptions(keepDuplicates: [.transactions, .events]))
    let features = try FeatureBuilder(asOf: asOf).build(history)
    let table = FeatureTable(features, history: history)
    let design = try SegmentDesign(
      table: table, features: SegmentFeature.recencyFrequencyMonetary, rows: SegmentDesign.population(of: table))
    return KMeansDesign(matrix: design.matrix, names: design.columns.map(\.name))
  }

  /// Writes the matrix to `design.npy` in `folder`.
  func save(to folder: String) throws(BenchmarkError) {
    try NumPyFile.save((0..<matrix.columns).map { matrix.column($0) }, to: "\(folder)/design.npy")
  }
}
