import LinearAlgebra

/// A fitted k-means clustering: centres, labels, inertia and how the fit went.
///
/// **Canonical cluster order.** Restarts and seeds number clusters
/// arbitrarily, so the result renumbers them: cluster 0 is the largest;
/// clusters of equal size are ordered by their centre coordinates
/// (lexicographically, ascending). Empty clusters (only possible when the data
/// hold fewer than `k` distinct rows) come last. The same fit therefore always
/// prints the same labels, and label 0 means "the biggest segment".
///
/// `Codable`, so a result can be stored and compared byte for byte
/// (the determinism tests encode it to JSON).
public struct KMeansResult: Sendable, Equatable, Codable {
  /// The `k` centres in the data's coordinates, `centres[j][f]` = feature `f`
  /// of cluster `j`.
  public let centres: [[Double]]
  /// The cluster (`0..<k`) of every row of the fitted data.
  public let labels: [Int32]
  /// The number of rows in each cluster (non-increasing).
  public let clusterSizes: [Int]
  /// The sum of squared distances of the rows to their centres,
  /// `Σᵢ ‖xᵢ − c_{label(i)}‖²`, of the best restart.
  public let inertia: Double
  /// Iterations (mini-batch: steps) of the best restart.
  public let iterations: Int
  /// Whether the best restart met its stopping rule before the iteration limit.
  public let converged: Bool
  /// The inertia of every restart, in restart order.
  public let restartInertias: [Double]
  /// The index of the restart that was kept.
  public let bestRestart: Int
  /// Statistical trouble met during the fit (empty if none).
  public let diagnostics: [KMeansDiagnostic]

  /// The number of clusters.
  public var k: Int { centres.count }

  /// The centres as a `k × p` matrix.
  public var centreMatrix: Matrix {
    Matrix(rows: centres.count, columns: centres.first?.count ?? 0, rowMajor: Array(centres.joined()))
  }

  /// Builds the canonical result from a run in centred coordinates, padding
  /// with empty clusters when the run had fewer than `k` centres.
  init(
    canonicalising run: ClusteringRun, k: Int, columns p: Int, columnMeans: [Double],
    restartInertias: [Double], bestRestart: Int, diagnostics: [KMeansDiagnostic]
  ) {
    let found = run.centres.rows
    var centres: [[Double]] = (0..<found).map { j in
      (0..<p).map { f in run.centres[j, f] + columnMeans[f] }
    }
    var sizes = [Int](repeating: 0, count: found)
    for label in run.labels { sizes[Int(label)] += 1 }
    let order = (0..<found).sorted { a, b in
      if sizes[a] != sizes[b] { return sizes[a] > sizes[b] }
      if centres[a] != centres[b] { return centres[a].lexicographicallyPrecedes(centres[b]) }
      return a < b
    }
    var newLabel = [Int32](repeating: 0, count: found)
    for (position, old) in order.enumerated() { newLabel[old] = Int32(position) }
    centres = order.map { centres[$0] }
    sizes = order.map { sizes[$0] }
    for _ in found..<k {
      centres.append(centres[0])
      sizes.append(0)
    }
    self.centres = centres
    self.labels = run.labels.map { newLabel[Int($0)] }
    self.clusterSizes = sizes
    self.inertia = run.inertia
    self.iterations = run.iterations
    self.converged = run.converged
    self.restartInertias = restartInertias
    self.bestRestart = bestRestart
    self.diagnostics = diagnostics
  }

  /// Assigns each row of `data` to its nearest centre.
  ///
  /// ```
  /// label(x) = argminⱼ ‖x − cⱼ‖²   (ties → the lowest j; blocked dgemm)
  /// ```
  ///
  /// Rows and centres are shifted by the centres' mean before the BLAS
  /// expansion, for accuracy far from the origin.
  ///
  /// - Parameter data: an `m × p` matrix with the fitted column count (a
  ///   different count is a programmer error and traps).
  /// - Returns: `m` labels in `0..<k`.
  /// - Complexity: O(m · k · p).
  public func predict(_ data: Matrix) -> [Int32] {
    nearestCentres(data, wantSecond: false).nearest
  }

  /// The nearest and second-nearest centre of each row of `data`, with the
  /// Euclidean distances to them (useful to flag customers between segments).
  ///
  /// ```
  /// nearest(x) = argminⱼ ‖x − cⱼ‖,   second(x) = argmin_{j ≠ nearest} ‖x − cⱼ‖
  /// ```
  ///
  /// - Parameter data: an `m × p` matrix with the fitted column count (traps otherwise).
  /// - Returns: labels and distances; with `k == 1` the second label is `-1`
  ///   and its distance `+∞`.
  /// - Complexity: O(m · k · p).
  public func distances(_ data: Matrix) -> KMeansDistances {
    nearestCentres(data, wantSecond: true)
  }

  private func nearestCentres(_ data: Matrix, wantSecond: Bool) -> KMeansDistances {
    let p = centres.first?.count ?? 0
    precondition(data.columns == p, "KMeansResult: data have \(data.columns) columns, fitted \(p)")
    let m = data.rows
    let k = centres.count
    // Shift rows and centres by the centres' mean.
    var shift = [Double](repeating: 0, count: p)
    for c in centres { for f in 0..<p { shift[f] += c[f] } }
    for f in 0..<p { shift[f] /= Double(k) }
    var shiftedCentres = Matrix.zeros(rows: k, columns: p)
    for j in 0..<k { for f in 0..<p { shiftedCentres[j, f] = centres[j][f] - shift[f] } }
    var shiftedData = data
    shiftedData.withUnsafeMutableBufferPointer { x in
      for f in 0..<p { for r in 0..<m { x[f * m + r] -= shift[f] } }
    }
    let blocks = RowBlocks(shiftedData, blockSize: 4096, centre: false)
    var search = NearestCentreSearch(blocks: blocks, k: k)
    search.setCentres(shiftedCentres)
    var nearest = [Int32](repeating: 0, count: m)
    var nearestDistance = [Double](repeating: 0, count: m)
    var second = [Int32](repeating: -1, count: wantSecond ? m : 0)
    var secondDistance = [Double](repeating: .infinity, count: wantSecond ? m : 0)
    nearest.withUnsafeMutableBufferPointer { lp in
      nearestDistance.withUnsafeMutableBufferPointer { dp in
        second.withUnsafeMutableBufferPointer { sp in
          secondDistance.withUnsafeMutableBufferPointer { sdp in
            for b in 0..<blocks.blockCount {
              let rows = blocks.blocks[b].rows
              let range = blocks.start(ofBlock: b)..<(blocks.start(ofBlock: b) + rows)
              search.assign(
                block: blocks.blocks[b], rowNorms: blocks.squaredNorms[b], centres: shiftedCentres,
                labels: UnsafeMutableBufferPointer(rebasing: lp[range]),
                distances: UnsafeMutableBufferPointer(rebasing: dp[range]),
                second: wantSecond
                  ? (
                    UnsafeMutableBufferPointer(rebasing: sp[range]),
                    UnsafeMutableBufferPointer(rebasing: sdp[range])
                  ) : nil)
            }
          }
        }
      }
    }
    return KMeansDistances(
      nearest: nearest, nearestDistance: nearestDistance.map { $0.squareRoot() },
      second: second, secondDistance: secondDistance.map { $0.squareRoot() })
  }
}
