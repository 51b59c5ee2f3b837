internal import CLapack

/// Accumulates the Gram matrix `AᵀA` of a tall matrix one block of rows at a
/// time (BLAS `dsyrk` with `β = 1`), so the caller can form the rows of `A` on
/// the fly (centred columns, rows scaled by `√wᵢ`) in a cache-sized buffer
/// instead of writing out an `n × p` copy.
///
/// ```
/// A = [A₁; A₂; …],   AᵀA = Σ_b A_bᵀ A_b      (each A_b at most blockRows × p)
/// ```
///
/// Example, `XᵀWX` without the `n × p` matrix `√W·X`:
/// ```swift
/// var gram = GramAccumulator(columns: p)
/// for start in stride(from: 0, to: n, by: gram.blockRows) {
///   let m = min(gram.blockRows, n - start)
///   gram.addBlock(rows: m) { block in
///     for c in 0..<p { for i in 0..<m { block[c * gram.blockRows + i] = w[start + i].squareRoot() * x[c * n + start + i] } }
///   }
/// }
/// let xtwx = gram.gram
/// ```
///
/// The sum is the same as one `dsyrk` over the whole matrix up to rounding
/// (the additions are grouped by block).
public struct GramAccumulator: Sendable {
  /// `p`, the number of columns of `A`.
  public let columns: Int
  /// The most rows a block holds; column `c` of a block starts at offset
  /// `c * blockRows` of the buffer passed to ``addBlock(rows:_:)``.
  public let blockRows: Int
  private var block: ContiguousArray<Double>
  /// The upper triangle of the sum so far.
  private var upper: Matrix
  private var isEmpty = true

  /// Creates an empty accumulator.
  ///
  /// - Parameters:
  ///   - columns: `p`, `≥ 0`.
  ///   - blockRows: rows per block (default `4096`: a block of 8 columns
  ///     is 256 KiB and stays in the L2 cache while `dsyrk` reads it).
  public init(columns: Int, blockRows: Int = 4096) {
    precondition(columns >= 0 && blockRows >= 1, "GramAccumulator needs columns ≥ 0 and blockRows ≥ 1")
    self.columns = columns
    self.blockRows = blockRows
    block = ContiguousArray(repeating: 0, count: columns * blockRows)
    upper = Matrix.zeros(rows: columns, columns: columns)
  }

  /// Forgets the blocks added so far; the buffer is kept.
  public mutating func reset() {
    isEmpty = true
    upper.scale(by: 0)
  }

  /// Lets `body` write the first `rows` rows of the next block (element
  /// `(i, c)` at offset `c * blockRows + i`), then adds the block's Gram.
  ///
  /// ```
  /// G ← G + A_bᵀ A_b      (BLAS dsyrk, upper triangle)
  /// ```
  ///
  /// - Parameters:
  ///   - rows: how many rows `body` writes, in `0...blockRows`.
  ///   - body: fills the block; rows past `rows` are ignored.
  /// - Throws: whatever `body` throws (nothing is added then).
  /// - Complexity: O(rows · columns²) plus the cost of `body`; allocates nothing.
  public mutating func addBlock<E: Error>(
    rows: Int, _ body: (UnsafeMutableBufferPointer<Double>) throws(E) -> Void
  ) throws(E) {
    precondition(rows >= 0 && rows <= blockRows, "addBlock: \(rows) rows, the block holds \(blockRows)")
    try block.withUnsafeMutableBufferPointer { (buffer) throws(E) in try body(buffer) }
    guard rows > 0, columns > 0 else { return }
    let beta: Double = isEmpty ? 0 : 1
    let (p, ld) = (Int32(columns), Int32(blockRows))
    block.withUnsafeBufferPointer { a in
      upper.storage.withUnsafeMutableBufferPointer { g in
        cblas_dsyrk(
          CblasColMajor, CblasUpper, CblasTrans, p, Int32(rows), 1, a.baseAddress, ld, beta,
          g.baseAddress, p)
      }
    }
    isEmpty = false
  }

  /// Adds the sum of another accumulator (of the same number of columns) to
  /// this one, as if its blocks had been added here: how the sums of rows
  /// accumulated on different threads are combined.
  ///
  /// - Complexity: O(columns²).
  public mutating func add(_ other: GramAccumulator) {
    precondition(other.columns == columns, "add: \(other.columns) columns, expected \(columns)")
    guard !other.isEmpty else { return }
    other.upper.withUnsafeBufferPointer { source in
      upper.storage.withUnsafeMutableBufferPointer { target in
        for i in target.indices { target[i] += source[i] }
      }
    }
    isEmpty = false
  }

  /// The sum of the blocks' Gram matrices, both triangles filled (zeros
  /// before any block).
  ///
  /// - Complexity: O(columns²).
  public var gram: Matrix {
    var result = upper
    result.mirrorUpperTriangle()
    return result
  }
}
