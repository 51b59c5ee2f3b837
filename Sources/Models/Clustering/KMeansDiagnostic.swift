/// Statistical trouble met while fitting k-means: reported on the result,
/// never thrown (the statsmodels/scikit-learn warning habit made a value).
///
/// Reports print ``description``; a strict caller can refuse a result whose
/// `diagnostics` is not empty.
public enum KMeansDiagnostic: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  /// Cluster `cluster` (before canonical relabelling: the seeding index) lost
  /// all its points at Lloyd iteration `iteration` (1-based) of restart
  /// `restart` (0-based) and was re-seeded at the point farthest from its
  /// centre.
  case emptyClusterReseeded(restart: Int, cluster: Int, iteration: Int)
  /// The data hold only `found` distinct points, fewer than `k`; the clusters
  /// `found..<k` of the result are empty (size 0, centre copied from cluster 0).
  case fewerDistinctPointsThanK(found: Int, k: Int)
  /// The best restart stopped at `iterations` without its centres moving
  /// less than the tolerance; `lastShift` is the final total squared shift
  /// `Σⱼ ‖cⱼ⁽ⁱ⁾ − cⱼ⁽ⁱ⁻¹⁾‖²` and `tolerance` the (absolute) limit it was held to.
  case notConverged(iterations: Int, lastShift: Double, tolerance: Double)
  /// Column `index` (0-based) has zero variance: it adds the same amount to
  /// every distance and does not influence the clustering.
  case constantColumn(index: Int)

  public var description: String {
    switch self {
    case let .emptyClusterReseeded(restart, cluster, iteration):
      return "Cluster \(cluster) became empty at iteration \(iteration) of restart \(restart + 1) "
        + "and was re-seeded at the point farthest from its centre."
    case let .fewerDistinctPointsThanK(found, k):
      return "The data hold only \(found) distinct points, fewer than k = \(k), "
        + "so \(k - found) of the clusters are empty; duplicate rows are the usual cause."
    case let .notConverged(iterations, lastShift, tolerance):
      return "k-means stopped after \(iterations) iterations without converging "
        + "(centre shift \(lastShift) > tolerance \(tolerance)); raise maxIterations."
    case let .constantColumn(index):
      return "Column \(index + 1) is constant, so it does not influence the clustering."
    }
  }
}
