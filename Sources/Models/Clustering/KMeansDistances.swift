/// For each row: its nearest and second-nearest k-means centre and the
/// Euclidean distances to them (``KMeansResult/distances(_:)``).
///
/// ```
/// margin(i) = secondDistance[i] − nearestDistance[i]   (small → between two segments)
/// ```
public struct KMeansDistances: Sendable, Equatable, Codable {
  /// The nearest centre of each row (what ``KMeansResult/predict(_:)`` returns).
  public let nearest: [Int32]
  /// `‖xᵢ − c_{nearest(i)}‖`.
  public let nearestDistance: [Double]
  /// The second-nearest centre of each row; `-1` when `k == 1`.
  public let second: [Int32]
  /// `‖xᵢ − c_{second(i)}‖`; `+∞` when `k == 1`.
  public let secondDistance: [Double]
}
