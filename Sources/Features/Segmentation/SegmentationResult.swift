import LinearAlgebra
import Models

/// A fitted segmentation: the design, the kept k-means fit, every customer's
/// segment and distances, and the scores of every k tried.
public struct SegmentationResult: Sendable {
  public let design: SegmentDesign
  /// Customer id per design row.
  public let customerIDs: [String]
  /// The kept fit: segment 0 is the largest (see `KMeansResult`).
  public let kMeans: KMeansResult
  /// Nearest (= segment) and second-nearest centre per design row, with distances in standardized units.
  public let distances: KMeansDistances
  /// One row per k tried, ascending.
  public let kSelection: [KSelectionRow]
  /// Whether k was chosen by silhouette (`--k auto`) rather than given.
  public let isAutomatic: Bool
  public let seed: UInt64
  /// Rows of the feature table left out (no purchase before T).
  public let excludedCount: Int

  public init(
    design: SegmentDesign, customerIDs: [String], kMeans: KMeansResult, distances: KMeansDistances,
    kSelection: [KSelectionRow], isAutomatic: Bool, seed: UInt64, excludedCount: Int
  ) {
    self.design = design
    self.customerIDs = customerIDs
    self.kMeans = kMeans
    self.distances = distances
    self.kSelection = kSelection
    self.isAutomatic = isAutomatic
    self.seed = seed
    self.excludedCount = excludedCount
  }

  /// The number of segments.
  public var k: Int { kMeans.k }
  /// Segment per design row.
  public var labels: [Int32] { kMeans.labels }
  /// The k-selection row of the kept k.
  public var chosen: KSelectionRow { kSelection.first { $0.k == k }! }

  /// The adjusted Rand index between the segments and known labels (for
  /// example the simulation's `truth.csv`), over the customers in both.
  ///
  /// - Parameter truth: the known label of each customer.
  /// - Returns: the index and the number of customers compared; `nil` when
  ///   fewer than two customers are in both.
  public func adjustedRandIndex(against truth: SegmentTruth) -> (index: Double, customers: Int)? {
    var a: [Int32] = []
    var b: [Int32] = []
    for (i, id) in customerIDs.enumerated() {
      if let t = truth.label(of: id) {
        a.append(t)
        b.append(labels[i])
      }
    }
    guard a.count >= 2, let index = try? ClusteringQuality.adjustedRandIndex(a, b) else { return nil }
    return (index, a.count)
  }
}
