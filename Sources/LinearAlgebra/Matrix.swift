/// A dense matrix of `Double` stored in column-major order.
///
/// Element `(r, c)` lives at offset `c * rows + r` of the storage, which is the
/// layout BLAS and LAPACK expect with `CblasColMajor` / `LAPACK_COL_MAJOR`, so
/// no wrapper ever transposes or copies to change layout.
///
/// ```
/// storage = [a₀₀, a₁₀, …, a₍rows−1₎₀,  a₀₁, a₁₁, …]   // column after column
/// ```
///
/// `Matrix` is a value type with copy-on-write storage. Dimension mismatches
/// and out-of-range indices are programmer errors and trap.
public struct Matrix: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// Column-major elements; `(r, c)` is at `c * rows + r`.
  @usableFromInline var storage: ContiguousArray<Double>

  /// Creates a matrix from column-major elements.
  ///
  /// ```
  /// self[r, c] == columnMajor[c * rows + r]
  /// ```
  ///
  /// - Parameters:
  ///   - rows: the number of rows, `≥ 0`.
  ///   - columns: the number of columns, `≥ 0`.
  ///   - columnMajor: `rows * columns` elements, column after column.
  /// - Complexity: O(`rows * columns`).
  public init<S: Sequence<Double>>(rows: Int, columns: Int, columnMajor: S) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    let storage = ContiguousArray(columnMajor)
    precondition(
      storage.count == rows * columns,
      "Matrix(rows: \(rows), columns: \(columns)) needs \(rows * columns) elements, got \(storage.count)")
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// Creates a matrix from row-major elements, the order in which a matrix
  /// is usually written down (convenient in tests).
  ///
  /// ```
  /// self[r, c] == rowMajor[r * columns + c]
  /// ```
  ///
  /// - Parameters:
  ///   - rows: the number of rows, `≥ 0`.
  ///   - columns: the number of columns, `≥ 0`.
  ///   - rowMajor: `rows * columns` elements, row after row.
  /// - Complexity: O(`rows * columns`).
  public init(rows: Int, columns: Int, rowMajor: [Double]) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    precondition(
      rowMajor.count == rows * columns,
      "Matrix(rows: \(rows), columns: \(columns)) needs \(rows * columns) elements, got \(rowMajor.count)")
    var storage = ContiguousArray<Double>(repeating: 0, count: rows * columns)
    for r in 0..<rows {
      for c in 0..<columns {
        storage[c * rows + r] = rowMajor[r * columns + c]
      }
    }
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// Creates a matrix whose columns are the given arrays.
  ///
  /// ```
  /// self[r, c] == columns[c][r]
  /// ```
  ///
  /// - Parameter columns: the columns, all of the same length. An empty array
  ///   gives a 0×0 matrix.
  /// - Complexity: O(`rows * columns`).
  public init(columns: [[Double]]) {
    let rows = columns.first?.count ?? 0
    precondition(
      columns.allSatisfy { $0.count == rows }, "Matrix(columns:) needs columns of equal length")
    self.init(rows: rows, columns: columns.count, columnMajor: columns.joined())
  }

  /// Creates a matrix filled with zeros.
  ///
  /// - Parameters:
  ///   - rows: the number of rows, `≥ 0`.
  ///   - columns: the number of columns, `≥ 0`.
  /// - Returns: the `rows × columns` zero matrix.
  /// - Complexity: O(`rows * columns`).
  public static func zeros(rows: Int, columns: Int) -> Matrix {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    return Matrix(
      rows: rows, columns: columns,
      columnMajor: repeatElement(0.0, count: rows * columns))
  }

  /// Creates the identity matrix.
  ///
  /// ```
  /// I[r, c] = 1 if r == c else 0
  /// ```
  ///
  /// - Parameter size: the number of rows and columns, `≥ 0`.
  /// - Returns: the `size × size` identity.
  /// - Complexity: O(`size²`).
  public static func identity(size: Int) -> Matrix {
    var result = Matrix.zeros(rows: size, columns: size)
    for i in 0..<size { result.storage[i * size + i] = 1 }
    return result
  }

  /// Accesses the element in row `row` and column `column` (both 0-based).
  ///
  /// - Complexity: O(1), or O(`rows * columns`) for a write to shared storage.
  @inlinable
  public subscript(row: Int, column: Int) -> Double {
    get {
      precondition(row >= 0 && row < rows, "row \(row) out of range 0..<\(rows)")
      precondition(column >= 0 && column < columns, "column \(column) out of range 0..<\(columns)")
      return storage[column * rows + row]
    }
    set {
      precondition(row >= 0 && row < rows, "row \(row) out of range 0..<\(rows)")
      precondition(column >= 0 && column < columns, "column \(column) out of range 0..<\(columns)")
      storage[column * rows + row] = newValue
    }
  }

  /// Returns a copy of one column.
  ///
  /// - Parameter index: the 0-based column index.
  /// - Returns: the `rows` elements of that column, top to bottom.
  /// - Complexity: O(`rows`).
  public func column(_ index: Int) -> [Double] {
    precondition(index >= 0 && index < columns, "column \(index) out of range 0..<\(columns)")
    return Array(storage[(index * rows)..<((index + 1) * rows)])
  }

  /// The elements in column-major order (`(r, c)` at `c * rows + r`), as a copy.
  ///
  /// - Complexity: O(`rows * columns`).
  public var columnMajorElements: [Double] { Array(storage) }

  /// Calls `body` with a pointer to the elements in **column-major** order.
  ///
  /// ```
  /// buffer[c * rows + r] == self[r, c]
  /// ```
  ///
  /// Meant for hot loops in other modules. The pointer must not escape `body`.
  ///
  /// - Parameter body: a closure receiving the `rows * columns` elements.
  /// - Returns: whatever `body` returns.
  /// - Throws: whatever `body` throws.
  /// - Complexity: O(1) plus the cost of `body`.
  @inlinable
  public func withUnsafeBufferPointer<R, E: Error>(
    _ body: (UnsafeBufferPointer<Double>) throws(E) -> R
  ) throws(E) -> R {
    try storage.withUnsafeBufferPointer(body)
  }

  /// Calls `body` with a mutable pointer to the elements in **column-major**
  /// order, so other modules can fill or update a matrix without allocating.
  ///
  /// ```
  /// buffer[c * rows + r] ≡ self[r, c]
  /// ```
  ///
  /// The pointer must not escape `body`. The shape cannot change.
  ///
  /// - Parameter body: a closure receiving the `rows * columns` elements.
  /// - Returns: whatever `body` returns.
  /// - Throws: whatever `body` throws.
  /// - Complexity: O(1) plus the cost of `body`; O(`rows * columns`) if the
  ///   storage is shared and must be copied first.
  @inlinable
  public mutating func withUnsafeMutableBufferPointer<R, E: Error>(
    _ body: (inout UnsafeMutableBufferPointer<Double>) throws(E) -> R
  ) throws(E) -> R {
    try storage.withUnsafeMutableBufferPointer(body)
  }
}

extension Matrix: CustomStringConvertible {
  /// The matrix written row by row, for test failures and debugging.
  public var description: String {
    var lines: [String] = []
    for r in 0..<rows {
      let row = (0..<columns).map { c in "\(storage[c * rows + r])" }
      lines.append("[" + row.joined(separator: ", ") + "]")
    }
    return "Matrix \(rows)×\(columns)\n" + lines.joined(separator: "\n")
  }
}
