import CKMeans
import LinearAlgebra

/// Lloyd's assignment step that recomputes only the rows whose nearest
/// centre may have changed (Hamerly's bound, kept as one number per row),
/// and keeps the clusters' sums up to date by moving only the rows that
/// change cluster.
///
/// ```
/// gap(i) ≤ d(xᵢ, second-nearest centre) − d(xᵢ, own centre)         (a lower bound)
/// when centres move by δⱼ:  gap(i) −= δ_own + max_{j ≠ own} δⱼ        (triangle inequality)
/// gap(i) > slack  ⇒  the own centre is still the nearest: nothing to do
/// otherwise       ⇒  d² to every centre; new label; gap = d₂ − d₁;
///                    if the label changed: sums[old] −= xᵢ, sums[new] += xᵢ
/// ```
///
/// The losses of one cluster's rows are the same, so a row keeps
/// `key(i) = gap + L_own`, with `L_j` the cluster's losses summed since the
/// start, and its bound holds while `key(i) > L_own + slack`. Key and label
/// share 32 bits (``BoundWord``), so the pass over the bounds reads 4 bytes
/// a row, eight rows a step (`analyze_kmeans_failing`).
///
/// The rows that fail are searched by direct differences for up to
/// ``largestDirectColumnCount`` columns (`analyze_kmeans_search`: the failed
/// rows of a block, loaded into the cache a few groups ahead), or
/// for wider data gathered into blocks for BLAS `dgemm`
/// (``NearestCentreSearch``), whose packing then pays off.
///
/// On the bench's 776,486-row designs about a fifth of the rows fail per
/// iteration on average (half of them in the first), and about one in ten
/// of those changes cluster.
///
/// The labels are Lloyd's: a row is only skipped when its own centre is
/// nearer than any other by more than `slack = 10⁻⁷ · the largest row
/// norm`, far above the rounding of the distances, so a near tie is always
/// recomputed. The sums differ from a fresh sum by rounding only (~10⁻¹⁶
/// relative per move), and the moves happen in row order, so the result is
/// the same on every run.
///
/// Reference: Hamerly, "Making k-means even faster", SDM 2010.
/// Internal kernel: assumes validated input (finite data, `k ≥ 1`, fewer
/// than 2³¹ rows).
struct BoundedAssignment {
  /// Beyond this many columns, gathering the failed rows for BLAS is cheaper
  /// than searching them directly.
  static let largestDirectColumnCount = 8

  /// Whether failed rows are searched directly rather than through BLAS.
  private let direct: Bool
  /// Per row: its label and its key (unknown until computed), in a ``BoundWord``.
  private var bounds: [UInt32]
  /// The bits of a ``BoundWord`` that hold the label.
  private let labelMask: UInt32
  /// Per centre j: `Σ (δⱼ + max_{i ≠ j} δᵢ)` over the centre updates so far.
  private var losses: [Double]
  private let slack: Double
  /// Positions in the current block of the rows whose bound failed (and,
  /// for the direct search, copies of the last up to a multiple of 4).
  private var failed: [Int32]
  /// The rows whose label changed in the current search, as offsets from
  /// a first row, and their labels before.
  private var changedRows: [Int32]
  private var changedFrom: [Int32]
  /// For wider data: the failed rows gathered for BLAS.
  private var gathered: GatheredSearch?

  /// Buffers for `blocks` and `k` centres. Every row starts with its label
  /// and bound from k-means++'s nearest seeds (``Seeding/nearest``,
  /// `analyze_kmeans_start`), in place of a first ``assign``, or with label
  /// 0 and an unknown bound when `seeds` is `nil`.
  ///
  /// - Complexity: O(n) time and memory for the bounds, plus O(blockSize · (k + p)) memory.
  init(blocks: RowBlocks, k: Int, seeds: NearestSeeds?) {
    precondition(blocks.rows <= Int(Int32.max), "BoundedAssignment: \(blocks.rows) rows")
    direct = blocks.columns <= Self.largestDirectColumnCount
    let mask: UInt32 = (1 << UInt32(BoundWord.labelBits(k: k))) - 1
    labelMask = mask
    if let seeds {
      precondition(seeds.labels.count == blocks.rows, "BoundedAssignment: \(seeds.labels.count) seeds' rows, \(blocks.rows) rows")
      bounds = [UInt32](unsafeUninitializedCapacity: blocks.rows) { w, count in
        seeds.closest.withUnsafeBufferPointer { d in
          seeds.second.withUnsafeBufferPointer { s in
            seeds.labels.withUnsafeBufferPointer { l in
              analyze_kmeans_start(d.baseAddress!, s.baseAddress!, l.baseAddress!, blocks.rows, mask, w.baseAddress!)
            }
          }
        }
        count = blocks.rows
      }
    } else {
      bounds = [UInt32](repeating: BoundWord.unknown(label: 0, mask: mask), count: blocks.rows)
    }
    losses = [Double](repeating: 0, count: k)
    let largest = blocks.squaredNorms.reduce(0) { Swift.max($0, $1.max() ?? 0) }
    slack = 1e-7 * largest.squareRoot()
    let size = Swift.max(1, Swift.min(blocks.blockSize, blocks.rows))
    failed = [Int32](repeating: 0, count: size + 3)
    changedRows = [Int32](repeating: 0, count: size + 3)
    changedFrom = [Int32](repeating: 0, count: size + 3)
    gathered = direct ? nil : GatheredSearch(blocks: blocks, k: k)
  }

  /// Records how far each centre moved from `old` to `new` (both `k × p`),
  /// for the next pass's bounds.
  ///
  /// - Complexity: O(k² + k · p).
  mutating func centresMoved(from old: Matrix, to new: Matrix) {
    let k = old.rows
    let moves = (0..<k).map { j in
      (0..<old.columns).reduce(0.0) { s, f in
        let d = new[j, f] - old[j, f]
        return s + d * d
      }.squareRoot()
    }
    for j in 0..<k {
      var largestOther = 0.0
      for i in 0..<k where i != j { largestOther = Swift.max(largestOther, moves[i]) }
      losses[j] += moves[j] + largestOther
    }
  }

  /// Assigns every row to its nearest centre of `centres`, updating `labels`;
  /// with `moving`, each row that changes cluster is also moved between
  /// `sums` (`k × p`, row-major) and `counts`.
  ///
  /// - Returns: the number of rows whose label changed.
  /// - Complexity: O(n) plus O(r · k · p) for the r rows recomputed.
  mutating func assign(
    blocks: RowBlocks, centres: Matrix, labels: inout [Int32], sums: inout [Double], counts: inout [Int],
    moving: Bool
  ) -> Int {
    let thresholds = losses.map { BoundWord.thresholdWord($0 + slack, mask: labelMask) }
    gathered?.setCentres(centres)
    var changed = 0
    // Applies the moves of a search whose changed rows are listed from row `first`.
    func apply(_ moved: Int, from first: Int) {
      changed += moved
      applyMoves(moved, from: first, blocks: blocks, labels: &labels, sums: &sums, counts: &counts, moving: moving)
    }
    for b in 0..<blocks.blockCount {
      let (m, start) = (blocks.blocks[b].rows, blocks.start(ofBlock: b))
      let count = failingRows(start: start, rows: m, thresholds: thresholds)
      guard let gathered else {
        if count > 0 { apply(searchDirectly(blocks, block: b, count: count, centres: centres), from: start) }
        continue
      }
      if GatheredSearch.searchesWhole(failed: count, of: m) {
        // The rows gathered so far come first, for the moves to follow row order.
        if let moved = gathered.finish(bounds: &self) { apply(moved, from: 0) }
        apply(gathered.searchWhole(blocks, block: b, bounds: &self), from: 0)
      } else if let moved = gathered.add(blocks, block: b, failed: failed, count: count, bounds: &self) {
        apply(moved, from: 0)
      }
    }
    if let moved = gathered?.finish(bounds: &self) { apply(moved, from: 0) }
    return changed
  }

  /// Lists the rows `start ..< start + m` (block-relative) whose bound no
  /// longer holds (`analyze_kmeans_failing`).
  ///
  /// - Returns: the number of failed rows, listed first in `failed`.
  private mutating func failingRows(start: Int, rows m: Int, thresholds: [Int32]) -> Int {
    let (mask, k) = (labelMask, losses.count)
    return bounds.withUnsafeBufferPointer { w in
      thresholds.withUnsafeBufferPointer { limit in
        failed.withUnsafeMutableBufferPointer { fl in
          analyze_kmeans_failing(w.baseAddress! + start, m, limit.baseAddress!, k, mask, fl.baseAddress!)
        }
      }
    }
  }

  /// Searches the `count` failed rows of block `b` directly and stores
  /// their bounds (`analyze_kmeans_search`).
  ///
  /// - Returns: the number of rows whose label changed, listed (as offsets
  ///   from the block's first row) in `changedRows`.
  private mutating func searchDirectly(_ blocks: RowBlocks, block b: Int, count: Int, centres: Matrix) -> Int {
    let block = blocks.blocks[b]
    for q in count..<((count + 3) & ~3) { failed[q] = failed[count - 1] }
    let mask = labelMask
    return block.withUnsafeBufferPointer { x in
      centres.withUnsafeBufferPointer { c in
        failed.withUnsafeBufferPointer { fl in
          bounds.withUnsafeMutableBufferPointer { w in
            losses.withUnsafeBufferPointer { loss in
              changedRows.withUnsafeMutableBufferPointer { cr in
                changedFrom.withUnsafeMutableBufferPointer { cf in
                  analyze_kmeans_search(
                    x.baseAddress!, block.rows, block.columns, fl.baseAddress!, count, blocks.start(ofBlock: b),
                    c.baseAddress!, centres.rows, loss.baseAddress!, mask, w.baseAddress!, cr.baseAddress!,
                    cf.baseAddress!)
                }
              }
            }
          }
        }
      }
    }
  }

  /// Stores the bounds of `m` rows searched through BLAS: row
  /// `rows[q]` got `newLabels[q]` and `newGaps[q]`.
  ///
  /// - Returns: the number of rows whose label changed, listed in `changedRows`.
  fileprivate mutating func store(
    rows: UnsafeBufferPointer<Int>, count m: Int, newLabels: UnsafeBufferPointer<Int32>,
    newGaps: UnsafeBufferPointer<Double>
  ) -> Int {
    let mask = labelMask
    var changed = 0
    losses.withUnsafeBufferPointer { loss in
      bounds.withUnsafeMutableBufferPointer { w in
        changedRows.withUnsafeMutableBufferPointer { cr in
          changedFrom.withUnsafeMutableBufferPointer { cf in
            for q in 0..<m {
              let i = rows[q]
              let old = Int32(truncatingIfNeeded: BoundWord.label(w[i], mask: mask))
              let new = newLabels[q]
              w[i] = BoundWord.word(key: newGaps[q] + loss[Int(new)], label: new, mask: mask)
              guard new != old else { continue }
              cr[changed] = Int32(truncatingIfNeeded: i)
              cf[changed] = old
              changed &+= 1
            }
          }
        }
      }
    }
    return changed
  }

  /// Gives the `moved` rows of `changedRows` (offsets from row `first`)
  /// their new labels and, with `moving`, moves them from their old
  /// cluster's sum and count to their new one's, in list order.
  private func applyMoves(
    _ moved: Int, from first: Int, blocks: RowBlocks, labels: inout [Int32], sums: inout [Double],
    counts: inout [Int], moving: Bool
  ) {
    let (p, mask) = (blocks.columns, labelMask)
    bounds.withUnsafeBufferPointer { w in
      labels.withUnsafeMutableBufferPointer { lp in
        sums.withUnsafeMutableBufferPointer { sum in
          counts.withUnsafeMutableBufferPointer { size in
            for e in 0..<moved {
              let i = first &+ Int(changedRows[e])
              let (old, new) = (Int(changedFrom[e]), BoundWord.label(w[i], mask: mask))
              lp[i] = Int32(truncatingIfNeeded: new)
              guard moving else { continue }
              size[old] &-= 1
              size[new] &+= 1
              let b = i / blocks.blockSize
              let position = i &- b &* blocks.blockSize
              blocks.blocks[b].withUnsafeBufferPointer { x in
                let m = blocks.blocks[b].rows
                for f in 0..<p {
                  let v = x[f &* m &+ position]
                  sum[old &* p &+ f] -= v
                  sum[new &* p &+ f] += v
                }
              }
            }
          }
        }
      }
    }
  }
}

/// The failed rows of wide data (more than
/// ``BoundedAssignment/largestDirectColumnCount`` columns) searched through
/// BLAS: a block most of whose rows failed is searched whole (always in the
/// first pass); otherwise the failed rows of successive blocks are gathered
/// into one block of the blocks' size, searched when it is full. A partial
/// last gathering is searched with the rows of earlier ones behind it (and
/// their results ignored), so the buffers are never reallocated. A class:
/// its searches store their results in the assignment that holds it.
private final class GatheredSearch {
  private var search: NearestCentreSearch
  private var centres = Matrix.zeros(rows: 0, columns: 0)
  private var gathered: Matrix
  private var gatheredNorms: [Double]
  private var gatheredRows: [Int]
  private var filled = 0
  /// Row indices of a block searched whole.
  private var blockRows: [Int]
  private var newLabels: [Int32]
  private var newGaps: [Double]

  init(blocks: RowBlocks, k: Int) {
    search = NearestCentreSearch(blocks: blocks, k: k)
    let size = Swift.max(1, Swift.min(blocks.blockSize, blocks.rows))
    gathered = Matrix.zeros(rows: size, columns: blocks.columns)
    gatheredNorms = [Double](repeating: 0, count: size)
    gatheredRows = [Int](repeating: 0, count: size)
    blockRows = [Int](repeating: 0, count: size)
    newLabels = [Int32](repeating: 0, count: size)
    newGaps = [Double](repeating: 0, count: size)
  }

  /// Whether a block with `count` of its `m` rows failed is searched whole:
  /// past 30%, that is cheaper than gathering.
  static func searchesWhole(failed count: Int, of m: Int) -> Bool { count * 10 > m * 3 }

  /// The centres of the next searches.
  func setCentres(_ centres: Matrix) {
    search.setCentres(centres)
    self.centres = centres
  }

  /// Searches every row of block `b` and stores their bounds in `bounds`.
  ///
  /// - Returns: the number of rows whose label changed, listed in the
  ///   assignment's changed rows as row indices.
  func searchWhole(_ blocks: RowBlocks, block b: Int, bounds: inout BoundedAssignment) -> Int {
    let (m, start) = (blocks.blocks[b].rows, blocks.start(ofBlock: b))
    for r in 0..<m { blockRows[r] = start + r }
    return searchBlock(blocks.blocks[b], rows: m, norms: blocks.squaredNorms[b], rowIndices: blockRows, bounds: &bounds)
  }

  /// Gathers the `count` failed rows of block `b` (`failed`, positions in
  /// the block), searching the gathered block when it fills.
  ///
  /// - Returns: as ``searchWhole(_:block:bounds:)`` when a search was made, else `nil`.
  func add(_ blocks: RowBlocks, block b: Int, failed: [Int32], count: Int, bounds: inout BoundedAssignment) -> Int? {
    // The block fills the gathered block at most once: it has no more rows.
    var moved: Int?
    var taken = 0
    while taken < count {
      let take = Swift.min(count - taken, gathered.rows - filled)
      gather(blocks, block: b, failed: failed, taken..<(taken + take))
      taken += take
      if filled == gathered.rows {
        moved = searchBlock(gathered, rows: filled, norms: gatheredNorms, rowIndices: gatheredRows, bounds: &bounds)
        filled = 0
      }
    }
    return moved
  }

  /// Searches the rows gathered and not yet searched.
  ///
  /// - Returns: as ``add(_:block:failed:count:bounds:)``.
  func finish(bounds: inout BoundedAssignment) -> Int? {
    guard filled > 0 else { return nil }
    defer { filled = 0 }
    return searchBlock(gathered, rows: filled, norms: gatheredNorms, rowIndices: gatheredRows, bounds: &bounds)
  }

  private func searchBlock(
    _ block: Matrix, rows m: Int, norms: [Double], rowIndices: [Int], bounds: inout BoundedAssignment
  ) -> Int {
    newLabels.withUnsafeMutableBufferPointer { nl in
      newGaps.withUnsafeMutableBufferPointer { ng in
        search.assignWithGaps(block: block, rowNorms: norms, centres: centres, labels: nl, gaps: ng)
      }
    }
    return rowIndices.withUnsafeBufferPointer { rows in
      newLabels.withUnsafeBufferPointer { nl in
        newGaps.withUnsafeBufferPointer { ng in
          bounds.store(rows: rows, count: m, newLabels: nl, newGaps: ng)
        }
      }
    }
  }

  /// Copies the failed rows `list` of block `b` into the gathered block.
  private func gather(_ blocks: RowBlocks, block b: Int, failed: [Int32], _ list: Range<Int>) {
    let m = blocks.blocks[b].rows
    let size = gathered.rows
    let start = blocks.start(ofBlock: b)
    let first = filled
    blocks.blocks[b].withUnsafeBufferPointer { x in
      blocks.squaredNorms[b].withUnsafeBufferPointer { xn in
        failed.withUnsafeBufferPointer { fl in
          gathered.withUnsafeMutableBufferPointer { g in
            gatheredNorms.withUnsafeMutableBufferPointer { gn in
              gatheredRows.withUnsafeMutableBufferPointer { gr in
                // Column by column, so every write is sequential.
                for f in 0..<blocks.columns {
                  let from = x.baseAddress! + f &* m
                  let to = g.baseAddress! + (f &* size &+ first &- list.lowerBound)
                  for q in list { to[q] = from[Int(fl[q])] }
                }
                for q in list {
                  gn[first &+ q &- list.lowerBound] = xn[Int(fl[q])]
                  gr[first &+ q &- list.lowerBound] = start &+ Int(fl[q])
                }
              }
            }
          }
        }
      }
    }
    filled += list.count
  }
}
