import Randomness
import LinearAlgebra
import Models

/// Customer segmentation: the design of ``SegmentDesign``, k-means on it,
/// and, with ``KChoice/automatic(_:)``, the choice of k by silhouette.
///
/// ```
/// X = standardized, weighted features of the customers with a purchase before T
/// for k in range:  fit_k = KMeans(k, initialisations, seed).fit(X)
///                  score_k = silhouette(X, fit_k.labels)    (seeded sample above 10,000 rows)
/// k* = argmax_k score_k   (ties → the smaller k);  the kept fit is fit_k*
/// ```
///
/// Silhouette is the criterion because it compares cohesion with
/// separation and is bounded, so it does not grow with k as inertia and
/// Calinski–Harabasz tend to; it is also what scikit-learn's documentation
/// uses to choose `n_clusters`. Inertia (for the elbow), Calinski–Harabasz
/// and Davies–Bouldin are computed for every k and reported next to it.
///
/// **Large data.** Above `silhouetteExactLimit` rows the silhouette of each
/// k is the exact silhouette of the same `silhouetteSampleSize` rows, drawn
/// without replacement with ``Xoshiro256StarStar`` seeded by `seed`
/// (see `ClusteringQuality.silhouetteScore`), so the choice is repeatable.
///
/// **Determinism.** Every fit uses the same `seed`; k-means and the sample are
/// deterministic, so the same table, features and seed give the same
/// segments bit for bit.
///
/// Reference: Rousseeuw 1987 (silhouette); Caliński & Harabasz 1974;
/// Davies & Bouldin 1979; Arthur & Vassilvitskii 2007 (k-means++).
public struct Segmentation: Sendable {
  /// How many segments.
  public enum KChoice: Sendable, Equatable {
    case fixed(Int)
    /// Try every k in the range and keep the best silhouette.
    case automatic(ClosedRange<Int>)
  }

  public var features: [SegmentFeature]
  public var k: KChoice
  public var seed: UInt64
  /// k-means++ restarts per k (scikit-learn's `n_init`), default 10.
  public var initialisations: Int
  /// Rows scored exactly by silhouette; above it, a sample (default 10,000).
  public var silhouetteExactLimit: Int
  /// The sample size above the limit (default 10,000).
  public var silhouetteSampleSize: Int

  public init(
    features: [SegmentFeature] = SegmentFeature.defaults, k: KChoice = .automatic(2...10), seed: UInt64 = 0,
    initialisations: Int = 10, silhouetteExactLimit: Int = 10_000, silhouetteSampleSize: Int = 10_000
  ) {
    self.features = features
    self.k = k
    self.seed = seed
    self.initialisations = initialisations
    self.silhouetteExactLimit = silhouetteExactLimit
    self.silhouetteSampleSize = silhouetteSampleSize
  }

  /// Checks the parameters' ranges.
  ///
  /// - Throws: ``FeatureError/invalidFeatureSpecification(text:reason:)`` for
  ///   no features or a weight ≤ 0, `ModelError.invalidParameter` for k.
  public func validate() throws {
    if features.isEmpty { throw FeatureError.invalidFeatureSpecification(text: "", reason: "no features to cluster on") }
    for f in features where !(f.weight > 0 && f.weight.isFinite) {
      throw FeatureError.invalidFeatureSpecification(text: f.description, reason: "the weight must be a number > 0")
    }
    switch k {
    case .fixed(let k) where k < 1:
      throw ModelError.invalidParameter(name: "k", value: "\(k)", reason: "must be at least 1")
    case .automatic(let range) where range.lowerBound < 2:
      throw ModelError.invalidParameter(
        name: "k range", value: "\(range.lowerBound)...\(range.upperBound)", reason: "must start at 2 or more (silhouette needs two segments)")
    default: break
    }
    if silhouetteSampleSize < 2 {
      throw ModelError.invalidParameter(name: "silhouetteSampleSize", value: "\(silhouetteSampleSize)", reason: "must be at least 2")
    }
  }

  /// Segments the customers of `table` with a purchase before T.
  ///
  /// - Throws: the errors of ``validate()`` and ``SegmentDesign/init(table:features:rows:)``;
  ///   ``FeatureError/tooFewCustomers(required:actual:purpose:)`` when the
  ///   population is smaller than the largest k (plus one, for the scores);
  ///   `ModelError` from k-means.
  public func fit(_ table: FeatureTable) throws -> SegmentationResult {
    try validate()
    let rows = SegmentDesign.population(of: table)
    let design = try SegmentDesign(table: table, features: features, rows: rows)
    let candidates: [Int]
    switch k {
    case .fixed(let k): candidates = [k]
    case .automatic(let range):
      // Scores need k ≤ n − 1; a range beyond the data is cut, not refused.
      candidates = Array(range.lowerBound...max(range.lowerBound, min(range.upperBound, rows.count - 1)))
    }
    let needed = candidates.count == 1 ? candidates[0] : candidates[0] + 1
    guard rows.count >= needed else {
      throw FeatureError.tooFewCustomers(required: needed, actual: rows.count, purpose: "segmenting into \(candidates[0])")
    }
    var fits: [KMeansResult] = []
    var selection: [KSelectionRow] = []
    for k in candidates {
      let fit = try KMeans(k: k, initialisations: initialisations, seed: seed).fit(design.matrix)
      fits.append(fit)
      selection.append(try score(fit, design.matrix))
    }
    // The first maximum: ties go to the smaller k, the simpler description.
    var chosen = 0
    for i in selection.indices.dropFirst() where (selection[i].silhouette ?? -.infinity) > (selection[chosen].silhouette ?? -.infinity) {
      chosen = i
    }
    let fit = fits[chosen]
    var isAutomatic = false
    if case .automatic = k { isAutomatic = true }
    return SegmentationResult(
      design: design, customerIDs: rows.map { table.customerIDs[$0] }, kMeans: fit,
      distances: fit.distances(design.matrix), kSelection: selection, isAutomatic: isAutomatic,
      seed: seed, excludedCount: table.count - rows.count)
  }

  /// The scores of one fit. Undefined scores (k = 1, or fewer distinct
  /// segments than 2) are `nil`.
  private func score(_ fit: KMeansResult, _ x: Matrix) throws -> KSelectionRow {
    let distinct = Set(fit.labels).count
    let scorable = distinct >= 2 && distinct <= x.rows - 1
    return KSelectionRow(
      k: fit.k, inertia: fit.inertia,
      silhouette: scorable
        ? try ClusteringQuality.silhouetteScore(
          x, labels: fit.labels, exactLimit: silhouetteExactLimit, sampleSize: silhouetteSampleSize, seed: seed)
        : nil,
      calinskiHarabasz: scorable ? try ClusteringQuality.calinskiHarabasz(x, labels: fit.labels) : nil,
      daviesBouldin: scorable ? try ClusteringQuality.daviesBouldin(x, labels: fit.labels) : nil,
      sizes: fit.clusterSizes)
  }
}
