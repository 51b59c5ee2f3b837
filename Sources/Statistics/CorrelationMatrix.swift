import LinearAlgebra

/// Pearson correlations between numeric columns, each pair over the rows
/// where both are present (pandas `DataFrame.corr()`'s pairwise-complete rule).
///
/// With x̃ a column shifted by its own mean (for accuracy; correlation does
/// not change under a shift), m its presence mask, and x̃ set to 0 where
/// missing, every pairwise sum is one matrix product:
///
/// ```
/// N   = Mᵀ M          pairs present in both columns
/// S   = X̃ᵀ M          Σ x̃ᵢ over rows where j is present
/// Q   = (X̃∘X̃)ᵀ M      Σ x̃ᵢ² over rows where j is present
/// P   = X̃ᵀ X̃          Σ x̃ᵢ x̃ⱼ
/// rᵢⱼ = (Pᵢⱼ − SᵢⱼSⱼᵢ/Nᵢⱼ) / √((Qᵢⱼ − Sᵢⱼ²/Nᵢⱼ)(Qⱼᵢ − Sⱼᵢ²/Nᵢⱼ))
/// ```
///
/// computed by BLAS (dgemm, dsyrk). A pair with fewer than 2 common rows or
/// a constant column has no correlation (NaN), as in pandas.
///
/// - Complexity: O(n·p²) for n rows and p columns.
public struct CorrelationMatrix: Sendable, Equatable {
  public let names: [String]
  /// p × p, symmetric, 1 on the diagonal where defined.
  public let values: Matrix
  /// Rows used for each pair.
  public let pairCounts: Matrix

  public init(columns: [(name: String, values: [Double])]) {
    names = columns.map(\.name)
    let p = columns.count
    let n = columns.first?.values.count ?? 0
    precondition(columns.allSatisfy { $0.values.count == n }, "columns must have equal length")
    var shifted = Matrix.zeros(rows: n, columns: p)
    var squared = Matrix.zeros(rows: n, columns: p)
    var mask = Matrix.zeros(rows: n, columns: p)
    for (j, column) in columns.enumerated() {
      let present = column.values.filter { !$0.isNaN }
      let mean = present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count)
      for (i, x) in column.values.enumerated() where !x.isNaN {
        shifted[i, j] = x - mean
        squared[i, j] = (x - mean) * (x - mean)
        mask[i, j] = 1
      }
    }
    let counts = mask.gram()
    let sums = Matrix.product(shifted, mask, transposeA: true)
    let squares = Matrix.product(squared, mask, transposeA: true)
    let products = shifted.gram()
    var r = Matrix.zeros(rows: p, columns: p)
    for i in 0..<p {
      for j in 0..<p {
        let count = counts[i, j]
        guard count >= 2 else {
          r[i, j] = .nan
          continue
        }
        let covariance = products[i, j] - sums[i, j] * sums[j, i] / count
        let varianceI = squares[i, j] - sums[i, j] * sums[i, j] / count
        let varianceJ = squares[j, i] - sums[j, i] * sums[j, i] / count
        let denominator = (varianceI * varianceJ).squareRoot()
        if denominator > 0 {
          r[i, j] = i == j ? 1 : max(-1, min(1, covariance / denominator))
        } else {
          r[i, j] = .nan
        }
      }
    }
    values = r
    pairCounts = counts
  }

  /// The correlation of columns `a` and `b`, by name.
  public func correlation(_ a: String, _ b: String) -> Double? {
    guard let i = names.firstIndex(of: a), let j = names.firstIndex(of: b) else { return nil }
    return values[i, j]
  }
}
