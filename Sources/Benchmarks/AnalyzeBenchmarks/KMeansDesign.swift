import DataIngest
import Features
import LinearAlgebra

/// A k-means input built by `analyze segment`'s own code
/// (``SegmentDesign``): the customers with a purchase before T, on the
/// features of ``KMeansFeatures``, log1p-transformed and standardized with
/// the population standard deviation.
///
/// The default design is loaded as `analyze segment` loads (exact duplicate
/// rows dropped), so it is the matrix `analyze segment --as-of T
/// --export-design` writes; the log RFM design as ``LogitDesign`` loads,
/// with exact duplicate rows kept, so its rows are the ones the peers'
/// pipelines cluster.
struct KMeansDesign {
  /// `n × p`, standardized.
  var matrix: Matrix
  /// The design's column names.
  var names: [String]

  /// Loads `folder` and builds the design of `features` as of `asOf`; the
  /// history is released before returning.
  static func load(folder: String, asOf: Int32, features: KMeansFeatures) throws -> KMeansDesign {
    let keepDuplicates: Set<TableKind> = features == .recencyFrequencyMonetary ? [.transactions, .events] : []
    let history = try PurchaseHistoryLoader.load(
      try DataSource.folder(folder), options: IngestOptions(keepDuplicates: keepDuplicates))
    let customers = try FeatureBuilder(asOf: asOf).build(history)
    var table = FeatureTable(customers, history: history)
    let chosen: [SegmentFeature]
    switch features {
    case .segmentDefault:
      PurchaseBehaviour.append(to: &table, features: customers)
      chosen = SegmentFeature.defaults
    case .recencyFrequencyMonetary:
      chosen = SegmentFeature.recencyFrequencyMonetary
    }
    let design = try SegmentDesign(table: table, features: chosen, rows: SegmentDesign.population(of: table))
    return KMeansDesign(matrix: design.matrix, names: design.columns.map(\.name))
  }

  /// Writes the matrix to `design.npy` in `folder`.
  func save(to folder: String) throws(BenchmarkError) {
    try NumPyFile.save((0..<matrix.columns).map { matrix.column($0) }, to: "\(folder)/design.npy")
  }
}

/// Which features the `kmeans` benchmark clusters (`--features`).
enum KMeansFeatures: String {
  /// `analyze segment`'s default: log1p(purchases_per_year) and
  /// log1p(purchase_value_avg) (``SegmentFeature/defaults``), the design the
  /// issue's speed target names.
  case segmentDefault = "default"
  /// log1p(recency_days), log1p(frequency) and log1p(max(monetary_total, 0)),
  /// the design the bench peers cluster (`fit_models` in `peers/common.py`;
  /// ``SegmentFeature/recencyFrequencyMonetary``).
  case recencyFrequencyMonetary = "rfm"
}
