/// The nearest centre of listed rows of a block and the gap to the
/// second-nearest, from the differences `x − c` directly, four rows at a
/// time in vector registers. For a few columns this is several times
/// cheaper than BLAS (``NearestCentreSearch``), whose gathering, packing and
/// bookkeeping outweigh an inner dimension of 2 or 3.
///
/// ```
/// d²(i, j) = Σ_f (x_if − c_jf)²
/// label(i) = argminⱼ d²(i, j)                   (ties → the lowest j)
/// gap(i)   = √d²(i, second) − √d²(i, label)     (+∞ when k = 1)
/// ```
///
/// The centre's index rides in the lowest bits of each squared distance
/// (`⌈log₂ k⌉` bits of the significand), so the nearest and second-nearest
/// are two vector minima, with no separate label to carry. Distances closer
/// than `2^bits` units in the last place count as tied and go to the lower
/// index; the gap moves by as little, far below the bound's slack (see
/// ``BoundedAssignment``). The differences are exact where the expansion
/// `‖x‖² − 2·x·c + ‖c‖²` rounds: a row equal to a centre is at distance 0.
///
/// Internal kernel: assumes finite data and `k ≥ 1`.
enum DirectCentreSearch {
  /// The largest column count searched directly; wider data go through BLAS.
  static let largestColumnCount = 8

  /// Finds the nearest centre and the gap of the rows `list[0 ..< count]`
  /// of a column-major block, writing `labels[q]` and `gaps[q]` for row `list[q]`.
  ///
  /// - Parameters:
  ///   - x: the block: column `f` is `x[f·stride ..< (f + 1)·stride]`.
  ///   - columns: `p`, `1 ... largestColumnCount`.
  ///   - list: row positions in the block, readable up to `count` rounded up
  ///     to a multiple of 4 (the caller pads it with any valid position).
  ///   - centres: the `k × p` centres, column-major (`centres[f·k + j]`).
  ///   - labels, gaps: room for `count` rounded up to a multiple of 4.
  /// - Complexity: O(count · k · p).
  static func nearest(
    _ x: UnsafePointer<Double>, stride: Int, columns p: Int, list: UnsafePointer<Int32>, count: Int,
    centres: UnsafePointer<Double>, k: Int, labels: UnsafeMutablePointer<Int32>, gaps: UnsafeMutablePointer<Double>
  ) {
    // A constant p per case: the loops over the columns unroll and the
    // columns of four rows stay in registers.
    switch p {
    case 1: nearest(x, stride, Columns1.self, list, count, centres, k, labels, gaps)
    case 2: nearest(x, stride, Columns2.self, list, count, centres, k, labels, gaps)
    case 3: nearest(x, stride, Columns3.self, list, count, centres, k, labels, gaps)
    case 4: nearest(x, stride, Columns4.self, list, count, centres, k, labels, gaps)
    case 5: nearest(x, stride, Columns5.self, list, count, centres, k, labels, gaps)
    case 6: nearest(x, stride, Columns6.self, list, count, centres, k, labels, gaps)
    case 7: nearest(x, stride, Columns7.self, list, count, centres, k, labels, gaps)
    default:
      precondition(p == largestColumnCount, "DirectCentreSearch: \(p) columns")
      nearest(x, stride, Columns8.self, list, count, centres, k, labels, gaps)
    }
  }

  private static func nearest<Width: ColumnCount>(
    _ x: UnsafePointer<Double>, _ stride: Int, _: Width.Type, _ list: UnsafePointer<Int32>, _ count: Int,
    _ centres: UnsafePointer<Double>, _ k: Int, _ labels: UnsafeMutablePointer<Int32>,
    _ gaps: UnsafeMutablePointer<Double>
  ) {
    let p = Width.value
    let bits = UInt64(Int.bitWidth - Swift.max(k - 1, 1).leadingZeroBitCount)
    let keep = SIMD4<UInt64>(repeating: ~((1 << bits) &- 1))
    withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: p) { rows in
      var q = 0
      while q < count {
        let r0 = Int(list[q])
        let r1 = Int(list[q &+ 1])
        let r2 = Int(list[q &+ 2])
        let r3 = Int(list[q &+ 3])
        for f in 0..<p {
          let column = x + f &* stride
          rows[f] = SIMD4(column[r0], column[r1], column[r2], column[r3])
        }
        var best = SIMD4<Double>(repeating: .infinity)
        var next = best
        for j in 0..<k {
          var d = SIMD4<Double>(repeating: 0)
          for f in 0..<p {
            let diff = rows[f] - centres[f &* k &+ j]
            d += diff * diff
          }
          let tagged = unsafeBitCast(
            unsafeBitCast(d, to: SIMD4<UInt64>.self) & keep | SIMD4(repeating: UInt64(j)), to: SIMD4<Double>.self)
          // next = min(next, max(best, tagged)); best = min(best, tagged)
          let upper = best.replacing(with: tagged, where: best .< tagged)
          next = next.replacing(with: upper, where: upper .< next)
          best = best.replacing(with: tagged, where: tagged .< best)
        }
        UnsafeMutableRawPointer(gaps + q).storeBytes(of: next.squareRoot() - best.squareRoot(), as: SIMD4<Double>.self)
        UnsafeMutableRawPointer(labels + q).storeBytes(
          of: SIMD4<Int32>(truncatingIfNeeded: unsafeBitCast(best, to: SIMD4<UInt64>.self) & ~keep), as: SIMD4<Int32>.self)
        q &+= 4
      }
    }
  }
}

/// A column count known when the code is compiled, so that loops over the
/// columns unroll (``DirectCentreSearch`` is specialised for each).
protocol ColumnCount { static var value: Int { get } }
enum Columns1: ColumnCount { static var value: Int { 1 } }
enum Columns2: ColumnCount { static var value: Int { 2 } }
enum Columns3: ColumnCount { static var value: Int { 3 } }
enum Columns4: ColumnCount { static var value: Int { 4 } }
enum Columns5: ColumnCount { static var value: Int { 5 } }
enum Columns6: ColumnCount { static var value: Int { 6 } }
enum Columns7: ColumnCount { static var value: Int { 7 } }
enum Columns8: ColumnCount { static var value: Int { 8 } }
