import LinearAlgebra
import Models
import TestSupport
import Testing

@Suite struct ClusteringQualityTests {
  @Test(
    "silhouette, Calinski–Harabasz and Davies–Bouldin equal scikit-learn's on its labels",
    arguments: ["separated", "overlapping"])
  func matchesScikitLearn(caseName: String) throws {
    let reference = KMeansReference.shared.cases.first { $0.name == caseName }!
    let data = reference.matrix
    for fit in reference.fits {
      let context = "\(caseName) k=\(fit.k)"
      assertApproximatelyEqual(
        try ClusteringQuality.silhouetteScore(data, labels: fit.labels), fit.silhouette,
        relativeTolerance: 1e-9, "silhouette \(context)")
      assertApproximatelyEqual(
        try ClusteringQuality.calinskiHarabasz(data, labels: fit.labels), fit.calinskiHarabasz,
        relativeTolerance: 1e-9, "Calinski–Harabasz \(context)")
      assertApproximatelyEqual(
        try ClusteringQuality.daviesBouldin(data, labels: fit.labels), fit.daviesBouldin,
        relativeTolerance: 1e-9, "Davies–Bouldin \(context)")
      // scikit-learn's inertia uses its final centres, which after a
      // tolerance stop are not exactly the centroids of its final labels;
      // the centroids can only do better.
      #expect(try ClusteringQuality.inertia(data, labels: fit.labels) <= fit.inertia * (1 + 1e-12))
    }
  }

  @Test("adjusted Rand index equals scikit-learn's", arguments: ["separated", "overlapping"])
  func adjustedRand(caseName: String) throws {
    let reference = KMeansReference.shared.cases.first { $0.name == caseName }!
    for pair in reference.adjustedRand {
      let ours = try ClusteringQuality.adjustedRandIndex(
        reference.labels(pair.a), reference.labels(pair.b))
      assertApproximatelyEqual(ours, pair.ari, relativeTolerance: 1e-14, "\(pair.a) vs \(pair.b)")
    }
  }

  @Test("adjusted Rand index: renamed labels give 1, and small cases by hand")
  func adjustedRandByHand() throws {
    #expect(try ClusteringQuality.adjustedRandIndex([0, 0, 1, 1], [5, 5, 2, 2]) == 1)
    // sklearn: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714285714285714
    assertApproximatelyEqual(
      try ClusteringQuality.adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]), 0.5714285714285714)
    // sklearn: adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) = -0.5
    assertApproximatelyEqual(try ClusteringQuality.adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]), -0.5)
    #expect(throws: ModelError.self) { try ClusteringQuality.adjustedRandIndex([0], [0, 1]) }
  }

  @Test("silhouette above the exact limit scores a seeded sample, the same on every call")
  func sampledSilhouette() throws {
    let reference = KMeansReference.shared.cases[0]
    let data = reference.matrix
    let labels = reference.fits.first { $0.k == 5 }!
    let exact = try ClusteringQuality.silhouetteScore(data, labels: labels.labels)
    let sampled = try ClusteringQuality.silhouetteScore(
      data, labels: labels.labels, exactLimit: 1000, sampleSize: 1000, seed: 4)
    let again = try ClusteringQuality.silhouetteScore(
      data, labels: labels.labels, exactLimit: 1000, sampleSize: 1000, seed: 4)
    #expect(sampled == again)
    #expect(abs(sampled - exact) < 0.02)
    // A sample as large as the data is the exact score.
    assertApproximatelyEqual(
      try ClusteringQuality.silhouetteScore(
        data, labels: labels.labels, exactLimit: 10, sampleSize: reference.rows, seed: 1),
      exact, relativeTolerance: 1e-12)
  }

  @Test("measures need 2 … n − 1 clusters and matching label counts")
  func invalidLabels() {
    let data = Matrix(rows: 3, columns: 1, rowMajor: [1, 2, 3])
    #expect(throws: ModelError.self) { try ClusteringQuality.silhouetteScore(data, labels: [0, 0, 0]) }
    #expect(throws: ModelError.self) { try ClusteringQuality.calinskiHarabasz(data, labels: [0, 1, 2]) }
    #expect(throws: ModelError.shapeMismatch(what: "labels", expected: 3, actual: 2)) {
      try ClusteringQuality.daviesBouldin(data, labels: [0, 1])
    }
  }
}
