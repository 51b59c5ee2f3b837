/// The fit of one `k` tried by a segmentation: what `k_selection.csv` holds.
///
/// Silhouette, Calinski–Harabasz and Davies–Bouldin are `nil` at `k = 1`,
/// where they are undefined.
public struct KSelectionRow: Sendable, Equatable, Codable {
  public let k: Int
  /// Within-segment sum of squares (falls with k; read for its elbow).
  public let inertia: Double
  /// Mean silhouette, exact or on a seeded sample (higher is better).
  public let silhouette: Double?
  /// Variance ratio (higher is better).
  public let calinskiHarabasz: Double?
  /// Average worst similarity to another segment (lower is better).
  public let daviesBouldin: Double?
  /// Customers per segment, largest first.
  public let sizes: [Int]

  public init(k: Int, inertia: Double, silhouette: Double?, calinskiHarabasz: Double?, daviesBouldin: Double?, sizes: [Int]) {
    self.k = k
    self.inertia = inertia
    self.silhouette = silhouette
    self.calinskiHarabasz = calinskiHarabasz
    self.daviesBouldin = daviesBouldin
    self.sizes = sizes
  }
}
