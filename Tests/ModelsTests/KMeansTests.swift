import Foundation
import LinearAlgebra
import Models
import TestSupport
import Testing

@Suite struct KMeansTests {
  // MARK: - Fidelity against scikit-learn

  @Test(
    "best inertia over 10 restarts is within 0.1% of scikit-learn's for k = 2…8",
    arguments: ["separated", "overlapping"])
  func inertiaMatchesScikitLearn(caseName: String) throws {
    let reference = KMeansReference.shared.cases.first { $0.name == caseName }!
    let data = reference.matrix
    for fit in reference.fits {
      let result = try KMeans(k: fit.k, initialisations: 10, seed: 0).fit(data)
      #expect(
        result.inertia <= fit.inertia * 1.001,
        "\(caseName) k=\(fit.k): ours \(result.inertia), scikit-learn \(fit.inertia)")
      #expect(result.labels.count == reference.rows)
      #expect(result.restartInertias.count == 10)
      #expect(result.inertia == result.restartInertias.min())
      // The reported inertia is the objective of the reported labels and centres.
      var objective = 0.0
      for (i, label) in result.labels.enumerated() {
        for f in 0..<data.columns {
          let d = data[i, f] - result.centres[Int(label)][f]
          objective += d * d
        }
      }
      assertApproximatelyEqual(objective, result.inertia, relativeTolerance: 1e-9)
      // Moving each centre to its cluster's centroid can only lower it.
      #expect(try ClusteringQuality.inertia(data, labels: result.labels) <= result.inertia * (1 + 1e-12))
    }
  }

  @Test("five well-separated segments are recovered (ARI against the simulated truth)")
  func recoversSimulatedSegments() throws {
    let reference = KMeansReference.shared.cases.first { $0.name == "separated" }!
    let result = try KMeans(k: 5, seed: 7).fit(reference.matrix)
    let ari = try ClusteringQuality.adjustedRandIndex(reference.truth, result.labels)
    #expect(ari > 0.98)
    #expect(result.converged)
    #expect(result.diagnostics.isEmpty)
  }

  // MARK: - Determinism

  @Test("the same data, k and seed give byte-identical JSON, serial or parallel")
  func deterministic() throws {
    let data = KMeansReference.shared.cases[1].matrix
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let first = try encoder.encode(KMeans(k: 6, seed: 11).fit(data))
    let second = try encoder.encode(KMeans(k: 6, seed: 11).fit(data))
    let serial = try encoder.encode(KMeans(k: 6, seed: 11, parallelRestarts: false).fit(data))
    let smallBlocks = try encoder.encode(KMeans(k: 6, seed: 11, blockSize: 100).fit(data))
    #expect(first == second)
    #expect(first == serial)
    let a = try JSONDecoder().decode(KMeansResult.self, from: first)
    let b = try JSONDecoder().decode(KMeansResult.self, from: smallBlocks)
    #expect(a.labels == b.labels)
    assertApproximatelyEqual(a.inertia, b.inertia, relativeTolerance: 1e-12)
    let other = try KMeans(k: 6, seed: 12).fit(data)
    #expect(other.restartInertias != a.restartInertias)
  }

  @Test("labels are canonical: clusters ordered by size, largest first")
  func canonicalOrder() throws {
    let data = KMeansReference.shared.cases[0].matrix
    let result = try KMeans(k: 5, seed: 3).fit(data)
    #expect(result.clusterSizes == result.clusterSizes.sorted(by: >))
    var counts = [Int](repeating: 0, count: 5)
    for label in result.labels { counts[Int(label)] += 1 }
    #expect(counts == result.clusterSizes)
    #expect(result.predict(data) == result.labels)
  }

  // MARK: - Hand-worked example

  @Test("four points, k = 2: centres, labels, inertia and distances by hand")
  func handWorked() throws {
    // (0,0), (0,2) and (10,0), (10,2): centres (0,1) and (10,1); every point is
    // at distance 1 from its centre, so inertia = 4·1² = 4.
    let data = Matrix(rows: 4, columns: 2, rowMajor: [0, 0, 10, 0, 0, 2, 10, 2])
    let result = try KMeans(k: 2, initialisations: 3, seed: 1).fit(data)
    #expect(result.inertia == 4)
    #expect(result.clusterSizes == [2, 2])
    // Equal sizes: the centre with the smaller first coordinate is cluster 0.
    #expect(result.centres == [[0, 1], [10, 1]])
    #expect(result.labels == [0, 1, 0, 1])
    #expect(result.converged)
    let query = Matrix(rows: 2, columns: 2, rowMajor: [4, 1, 9, 1])
    let d = result.distances(query)
    #expect(d.nearest == [0, 1])
    #expect(d.second == [1, 0])
    assertApproximatelyEqual(d.nearestDistance, [4, 1])
    assertApproximatelyEqual(d.secondDistance, [6, 9])
  }

  // MARK: - Trouble is reported, not thrown

  @Test("duplicate rows with k above the distinct count: a diagnostic and empty clusters")
  func fewerDistinctPointsThanK() throws {
    let rows: [Double] = [1, 1, 1, 1, 5, 5, 5, 5, 5, 5, 9, 9]
    let data = Matrix(rows: 6, columns: 2, rowMajor: rows.enumerated().map { i, v in i % 2 == 0 ? v : -v })
    let result = try KMeans(k: 4, seed: 0).fit(data)
    #expect(result.diagnostics.contains(.fewerDistinctPointsThanK(found: 3, k: 4)))
    #expect(result.clusterSizes == [3, 2, 1, 0])
    #expect(result.inertia == 0)
    #expect(result.centres.count == 4)
    let sameRow = try KMeans(k: 3, seed: 0).fit(Matrix(rows: 5, columns: 1, rowMajor: [2, 2, 2, 2, 2]))
    #expect(sameRow.diagnostics.contains(.fewerDistinctPointsThanK(found: 1, k: 3)))
    #expect(sameRow.diagnostics.contains(.constantColumn(index: 0)))
    #expect(sameRow.labels == [0, 0, 0, 0, 0])
  }

  @Test("a constant column is reported and does not change the clustering")
  func constantColumn() throws {
    let reference = KMeansReference.shared.cases[0]
    var columns = (0..<3).map { reference.matrix.column($0) }
    columns.insert([Double](repeating: 3.5, count: reference.rows), at: 1)
    let withConstant = try KMeans(k: 5, seed: 2).fit(Matrix(columns: columns))
    let without = try KMeans(k: 5, seed: 2).fit(reference.matrix)
    #expect(withConstant.diagnostics == [.constantColumn(index: 1)])
    #expect(withConstant.labels == without.labels)
    #expect(withConstant.centres.allSatisfy { $0[1] == 3.5 })
  }

  @Test("non-convergence is reported when the iteration limit is too low")
  func notConverged() throws {
    let data = KMeansReference.shared.cases[1].matrix
    let result = try KMeans(k: 8, initialisations: 1, maxIterations: 1, seed: 0).fit(data)
    #expect(!result.converged)
    #expect(result.iterations == 1)
    #expect(result.diagnostics.contains { if case .notConverged = $0 { true } else { false } })
  }

  // MARK: - Validation

  @Test("hyper-parameters and data are checked at the public edge")
  func validation() {
    let data = Matrix(rows: 3, columns: 1, rowMajor: [1, 2, 3])
    #expect(throws: ModelError.invalidParameter(name: "k", value: "0", reason: "must be at least 1")) {
      try KMeans(k: 0).fit(data)
    }
    #expect(throws: ModelError.tooFewSamples(required: 4, actual: 3)) { try KMeans(k: 4).fit(data) }
    #expect(throws: ModelError.self) { try KMeans(k: 2, tolerance: -1).validate() }
    #expect(throws: ModelError.self) { try KMeans(k: 2, algorithm: .miniBatch(batchSize: 0)).validate() }
    #expect(throws: ModelError.invalidValue(column: "1", row: 1, value: .infinity)) {
      try KMeans(k: 2).fit(Matrix(rows: 3, columns: 1, rowMajor: [1, .infinity, 3]))
    }
  }

  // MARK: - Mini-batch

  @Test("mini-batch mode stays close to Lloyd on the separated case")
  func miniBatch() throws {
    let reference = KMeansReference.shared.cases[0]
    let fit = reference.fits.first { $0.k == 5 }!
    let model = KMeans(k: 5, initialisations: 3, seed: 0, algorithm: .miniBatch(batchSize: 256))
    let result = try model.fit(reference.matrix)
    #expect(result.inertia <= fit.inertia * 1.05)
    #expect(result.labels.count == reference.rows)
    #expect(try model.fit(reference.matrix) == result)
  }
}
