import Foundation
import LinearAlgebra

/// The scikit-learn reference of Fixtures/kmeans_reference.json
/// (regenerate with Fixtures/make_kmeans_reference.py).
struct KMeansReference: Decodable {
  struct Fit: Decodable {
    let k: Int
    let inertia: Double
    let iterations: Int
    let labels: [Int32]
    let silhouette: Double
    let calinskiHarabasz: Double
    let daviesBouldin: Double
  }
  struct Pair: Decodable {
    let a: String
    let b: String
    let ari: Double
  }
  struct Case: Decodable {
    let name: String
    let rows: Int
    let columns: Int
    let data: [[Double]]
    let truth: [Int32]
    let fits: [Fit]
    let adjustedRand: [Pair]

    var matrix: Matrix {
      Matrix(rows: rows, columns: columns, rowMajor: Array(data.joined()))
    }

    /// "truth" or "k<number>" → labels.
    func labels(_ name: String) -> [Int32] {
      if name == "truth" { return truth }
      let k = Int(name.dropFirst())!
      return fits.first { $0.k == k }!.labels
    }
  }
  let sklearn: String
  let cases: [Case]

  static let shared: KMeansReference = {
    let url = Bundle.module.url(
      forResource: "Fixtures/kmeans_reference", withExtension: "json")!
    return try! JSONDecoder().decode(KMeansReference.self, from: Data(contentsOf: url))
  }()
}
