import Dispatch
import LinearAlgebra

/// The rows of a tall design cut into up to eight contiguous chunks of whole
/// blocks, for passes that run on several cores: each chunk keeps its own
/// sums, and the sums are added in chunk order afterwards.
///
/// ```
/// blocks = ⌈n / blockRows⌉,  chunks = min(8, blocks)
/// chunk c = blocks [⌊c·blocks/chunks⌋, ⌊(c+1)·blocks/chunks⌋), rows clipped to n
/// ```
///
/// The chunks depend on `n` only, never on the number of cores, so every sum
/// (and every result built on one) is the same on any machine.
struct RowChunks: Sendable {
  /// Rows per block: a block of `√W·X` with 8 columns is 256 KiB and stays
  /// in the L2 cache while BLAS `dsyrk` reads it.
  static let blockRows = 4096
  /// The most chunks a pass is cut into.
  static let maxChunks = 8

  /// The rows of each chunk, in order.
  let ranges: [Range<Int>]

  init(rows n: Int) {
    let blockRows = Self.blockRows
    let blocks = (n + blockRows - 1) / blockRows
    let count = max(1, min(Self.maxChunks, blocks))
    ranges = (0..<count).map { c in
      min(n, c * blocks / count * blockRows)..<min(n, (c + 1) * blocks / count * blockRows)
    }
  }

  var count: Int { ranges.count }

  /// Calls `body` with each chunk's index, concurrently when there are several.
  func forEach(_ body: @Sendable (Int) -> Void) {
    concurrentlyForEach(count, body)
  }
}

/// Calls `body` with `0..<count`, on all cores when `count > 1`
/// (`DispatchQueue.concurrentPerform` returns when every call is done), with
/// OpenBLAS on one thread per call meanwhile: the cores are already busy.
func concurrentlyForEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
  if count == 1 {
    body(0)
  } else if count > 1 {
    BLASThreads.serial { DispatchQueue.concurrentPerform(iterations: count, execute: body) }
  }
}
