import DataIngest
import Features
import LinearAlgebra

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bench peers' churn design (`design()` in `peers/common.py`), built
/// from our own features:
///
/// ```
/// churn ~ log1p(recency_days) + log1p(frequency) + log1p(max(monetary_total, 0))
///         + log1p(tenure_days) + orders_90d + discount_share + events_complaint
/// ```
///
/// over the churn population (customers with an order before T), complete
/// cases only. `discount_share` and `events_complaint` are left out when the
/// data have no discount column or no complaint events, as the peers do.
/// Exact duplicate rows are kept, as the peers keep them (the generator
/// writes a few: an order line repeated, two identical complaints on a day),
/// so the matrix is the one the peers' pipelines build.
struct LogitDesign {
  /// The peers' term names, without the intercept.
  var names: [String]
  /// `n × names.count`, without an intercept column (the fit adds it).
  var matrix: Matrix
  /// The churn label, 0 or 1.
  var outcome: [Double]
  /// Rows of the churn population left out for a missing value.
  var excluded: Int

  /// Loads `folder`, builds the features as of `asOf` with labels over
  /// `[asOf, asOf + horizon)`, and keeps the complete cases; the history is
  /// released before returning.
  static func load(folder: String, asOf: Int32, horizon: Int) throws -> LogitDesign {
    let history = try PurchaseHistoryLoader.load(
      try DataSource.folder(folder), options: IngestOptions(keepDuplicates: [.transactions, .events]))
    let features = try FeatureBuilder(asOf: asOf, horizon: horizon).build(history)
    guard let churn = features.churn else {
      throw BenchmarkError.noChurnLabels(asOf: DayNumber.isoString(asOf), horizon: horizon)
    }
    var terms: [(String, [Double])] = [
      ("log1p_recency_days", features.recencyDays.map(log1p)),
      ("log1p_frequency", features.frequency.map(log1p)),
      // `x < 0 ? 0 : x` keeps NaN, as numpy's maximum does.
      ("log1p_monetary_total_pos", features.monetaryTotal.map { log1p($0 < 0 ? 0 : $0) }),
      ("log1p_tenure_days", features.tenureDays.map(log1p)),
      ("orders_90d", features.orders90d),
    ]
    if let discountShare = features.discountShare { terms.append(("discount_share", discountShare)) }
    if let complaints = features.events.first(where: { $0.type == "complaint" }) {
      terms.append(("events_complaint", complaints.counts))
    }
    let population = churn.indices.filter { !churn[$0].isNaN }
    let complete = population.filter { i in terms.allSatisfy { $0.1[i].isFinite } }
    return LogitDesign(
      names: terms.map(\.0),
      matrix: Matrix(columns: terms.map { term in complete.map { term.1[$0] } }),
      outcome: complete.map { churn[$0] },
      excluded: population.count - complete.count)
  }

  /// Writes the design as the peers fit it (a column of ones first) and the
  /// outcome to `design.npy` and `outcome.npy` in `folder`.
  func save(to folder: String) throws(BenchmarkError) {
    var columns = [[Double](repeating: 1, count: matrix.rows)]
    for j in 0..<matrix.columns { columns.append(matrix.column(j)) }
    try NumPyFile.save(columns, to: "\(folder)/design.npy")
    try NumPyFile.save([outcome], to: "\(folder)/outcome.npy")
  }
}
