import CKMeans
import LinearAlgebra

/// Lloyd's assignment step that recomputes, through BLAS, only the rows
/// whose nearest centre may have changed (Hamerly's bound, kept as one
/// number per row), and keeps the clusters' sums up to date by moving only
/// the rows that change cluster.
///
/// ```
/// gap(i) ≤ d(xᵢ, second-nearest centre) − d(xᵢ, own centre)         (a lower bound)
/// when centres move by δⱼ:  gap(i) −= δ_own + max_{j ≠ own} δⱼ        (triangle inequality)
/// gap(i) > slack  ⇒  the own centre is still the nearest: nothing to do
/// otherwise       ⇒  d² to every centre by dgemm (NearestCentreSearch) for
///                    the block, or for the failed rows gathered into blocks;
///                    new label; gap = d₂ − d₁;
///                    if the label changed: sums[old] −= xᵢ, sums[new] += xᵢ
/// ```
///
/// The losses of one cluster's rows are the same, so a row keeps
/// `key(i) = gap + L_own`, with `L_j` the cluster's losses summed since the
/// start, and its bound holds while `key(i) > L_own + slack`: the pass over
/// the rows only reads.
///
/// On the bench's 776,486 × 3 design about a fifth of the rows are
/// recomputed per iteration on average (all of them in the first), so an
/// iteration costs a pass over the bounds plus BLAS on that fifth, instead
/// of BLAS on every row and a pass over the data for the sums.
///
/// The labels are Lloyd's: a row is only skipped when its own centre is
/// nearer than any other by more than `slack`, far above the rounding of the
/// BLAS expansion (`slack = 10⁻⁷ · the largest row norm`), so a near tie is
/// always recomputed. The sums differ from a fresh sum by rounding only
/// (~10⁻¹⁶ relative per move), and every move happens in a fixed order, so
/// the result is the same on every run.
///
/// Reference: Hamerly, "Making k-means even faster", SDM 2010.
/// Internal kernel: assumes validated input (finite data, `k ≥ 1`).
struct BoundedAssignment {
  /// Where the rows of a searched block come from.
  private enum RowSource {
    /// Rows `from ..< from + m` of the data.
    case contiguous(from: Int)
    /// The gathered rows.
    case gathered
    /// The failed rows of the block that starts at row `from` (positions in `failed`).
    case listed(from: Int)
  }

  private var search: NearestCentreSearch
  /// Whether failed rows are searched directly (analyze_kmeans_nearest),
  /// for up to ``largestDirectColumnCount`` columns, instead of through BLAS.
  private let direct: Bool
  /// Beyond this many columns, gathering the failed rows for BLAS is cheaper.
  static let largestDirectColumnCount = 8
  /// Per row: its label, and its key, the gap when last computed plus its
  /// cluster's loss then (unknown until computed), in a ``BoundWord``.
  private var bounds: [UInt32]
  /// The bits of a ``BoundWord`` that hold the label.
  private let labelMask: UInt32
  /// Per centre j: `Σ (δⱼ + max_{i ≠ j} δᵢ)` over the centre updates so far.
  private var losses: [Double]
  private let slack: Double
  /// Positions in the current block of the rows whose bound failed (and,
  /// for the direct search, copies of the last up to a multiple of 4).
  private var failed: [Int32]
  /// Failed rows gathered into one block of the blocks' size, their squared
  /// norms and row indices. A partial last gathering is searched with the
  /// rows of earlier ones behind it (and their results ignored), so the
  /// buffers are never reallocated.
  private var gathered: Matrix
  private var gatheredNorms: [Double]
  private var gatheredRows: [Int]
  private var newLabels: [Int32]
  private var newGaps: [Double]

  /// Buffers for `blocks` and `k` centres; every row starts unknown.
  ///
  /// - Complexity: O(n) memory for the bounds, plus O(blockSize · (k + p)).
  init(blocks: RowBlocks, k: Int) {
    search = NearestCentreSearch(blocks: blocks, k: k)
    direct = blocks.columns <= Self.largestDirectColumnCount
    labelMask = (1 << UInt32(BoundWord.labelBits(k: k))) - 1
    bounds = [UInt32](repeating: BoundWord.unknown(label: 0, mask: labelMask), count: blocks.rows)
    losses = [Double](repeating: 0, count: k)
    let largest = blocks.squaredNorms.reduce(0) { Swift.max($0, $1.max() ?? 0) }
    slack = 1e-7 * largest.squareRoot()
    let size = Swift.max(1, Swift.min(blocks.blockSize, blocks.rows))
    failed = [Int32](repeating: 0, count: size + 3)
    gathered = Matrix.zeros(rows: size, columns: blocks.columns)
    gatheredNorms = [Double](repeating: 0, count: size)
    gatheredRows = [Int](repeating: 0, count: size)
    newLabels = [Int32](repeating: 0, count: size + 3)
    newGaps = [Double](repeating: 0, count: size + 3)
  }

  /// Takes every row's label and gap to its second-nearest centre from an
  /// assignment made elsewhere (``Seeding/assignment``), in place of a first ``assign``.
  ///
  /// - Complexity: O(n).
  mutating func start(labels: [Int32], gaps: [Double]) {
    precondition(gaps.count == bounds.count && labels.count == bounds.count, "start: \(gaps.count) gaps for \(bounds.count) rows")
    let mask = labelMask
    for i in bounds.indices { bounds[i] = BoundWord.word(key: gaps[i], label: labels[i], mask: mask) }
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
  /// - Complexity: O(n) plus O(r · k · p) through BLAS for the r rows recomputed.
  mutating func assign(
    blocks: RowBlocks, centres: Matrix, labels: inout [Int32], sums: inout [Double], counts: inout [Int],
    moving: Bool
  ) -> Int {
    search.setCentres(centres)
    let thresholds = losses.map { BoundWord.thresholdWord($0 + slack, mask: labelMask) }
    var changed = 0
    var filled = 0
    for b in 0..<blocks.blockCount {
      let m = blocks.blocks[b].rows
      let start = blocks.start(ofBlock: b)
      if direct {
        // The rows searched are read soon after the bounds: start loading them now.
        blocks.blocks[b].withUnsafeBufferPointer { x in
          analyze_kmeans_prefetch(x.baseAddress!, x.count)
        }
      }
      let count = failingRows(start: start, rows: m, thresholds: thresholds)
      if direct {
        if count > 0 {
          changed += searchListed(
            blocks, block: b, count: count, centres: centres, labels: &labels, sums: &sums, counts: &counts,
            moving: moving)
        }
        continue
      }
      if count * 10 > m * 3 {
        // Most of the block failed (always in the first pass): searching it
        // whole is cheaper than gathering.
        changed += recompute(
          blocks.blocks[b], rows: m, norms: blocks.squaredNorms[b], source: .contiguous(from: start),
          centres: centres, labels: &labels, sums: &sums, counts: &counts, moving: moving)
        continue
      }
      var taken = 0
      while taken < count {
        let take = Swift.min(count - taken, gathered.rows - filled)
        gather(blocks, block: b, failed: taken..<(taken + take), at: filled)
        filled += take
        taken += take
        if filled == gathered.rows {
          changed += recompute(
            gathered, rows: filled, norms: gatheredNorms, source: .gathered, centres: centres, labels: &labels,
            sums: &sums, counts: &counts, moving: moving)
          filled = 0
        }
      }
    }
    if filled > 0 {
      changed += recompute(
        gathered, rows: filled, norms: gatheredNorms, source: .gathered, centres: centres, labels: &labels,
        sums: &sums, counts: &counts, moving: moving)
    }
    return changed
  }

  /// Lists the rows `start ..< start + m` (block-relative) whose bound no
  /// longer holds.
  ///
  /// No data-dependent branch: every row is written to the list, whose
  /// length only grows for rows that failed.
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


  /// Copies the listed failed rows of block `b` into the gathered block from row `at`.
  private mutating func gather(_ blocks: RowBlocks, block b: Int, failed list: Range<Int>, at first: Int) {
    let m = blocks.blocks[b].rows
    let size = gathered.rows
    let start = blocks.start(ofBlock: b)
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
  }

  /// Searches `block` through BLAS and, for its first `m` rows, stores each
  /// row's label and gap and (with `moving`) moves the rows whose cluster
  /// changed between the sums.
  private mutating func recompute(
    _ block: Matrix, rows m: Int, norms: [Double], source: RowSource, centres: Matrix, labels: inout [Int32],
    sums: inout [Double], counts: inout [Int], moving: Bool
  ) -> Int {
    newLabels.withUnsafeMutableBufferPointer { nl in
      newGaps.withUnsafeMutableBufferPointer { ng in
        search.assignWithGaps(block: block, rowNorms: norms, centres: centres, labels: nl, gaps: ng)
      }
    }
    return store(block, rows: m, source: source, labels: &labels, sums: &sums, counts: &counts, moving: moving)
  }

  /// Searches the `count` failed rows of block `b` directly (analyze_kmeans_nearest)
  /// and stores their labels and gaps as ``recompute(_:rows:norms:source:centres:labels:sums:counts:moving:)`` does.
  private mutating func searchListed(
    _ blocks: RowBlocks, block b: Int, count: Int, centres: Matrix, labels: inout [Int32], sums: inout [Double],
    counts: inout [Int], moving: Bool
  ) -> Int {
    let block = blocks.blocks[b]
    for q in count..<((count + 3) & ~3) { failed[q] = failed[count - 1] }
    block.withUnsafeBufferPointer { x in
      centres.withUnsafeBufferPointer { c in
        failed.withUnsafeBufferPointer { fl in
          newLabels.withUnsafeMutableBufferPointer { nl in
            newGaps.withUnsafeMutableBufferPointer { ng in
              analyze_kmeans_nearest(
                x.baseAddress!, block.rows, block.columns, fl.baseAddress!, count, c.baseAddress!, centres.rows,
                nl.baseAddress!, ng.baseAddress!)
            }
          }
        }
      }
    }
    return store(
      block, rows: count, source: .listed(from: blocks.start(ofBlock: b)), labels: &labels, sums: &sums,
      counts: &counts, moving: moving)
  }

  /// For the first `m` searched rows (`newLabels`, `newGaps`), whose values
  /// are in `block`, in row order: stores each row's key and label and
  /// (with `moving`) moves the rows whose cluster changed between the sums.
  ///
  /// - Returns: the number of rows whose label changed.
  private mutating func store(
    _ block: Matrix, rows m: Int, source: RowSource, labels: inout [Int32], sums: inout [Double],
    counts: inout [Int], moving: Bool
  ) -> Int {
    let p = block.columns
    let stride = block.rows
    let mask = labelMask
    var changed = 0
    gatheredRows.withUnsafeBufferPointer { gr in
      failed.withUnsafeBufferPointer { fl in
        newGaps.withUnsafeBufferPointer { ng in
          newLabels.withUnsafeBufferPointer { nl in
            losses.withUnsafeBufferPointer { loss in
              bounds.withUnsafeMutableBufferPointer { w in
                labels.withUnsafeMutableBufferPointer { lp in
                  sums.withUnsafeMutableBufferPointer { sum in
                    counts.withUnsafeMutableBufferPointer { size in
                      block.withUnsafeBufferPointer { x in
                        /// Stores searched row `q`, row `i` of the data at `position` in `block`.
                        @inline(__always) func update(_ q: Int, row i: Int, at position: Int) {
                          let old = BoundWord.label(w[i], mask: mask)
                          let new = Int(truncatingIfNeeded: nl[q])
                          w[i] = BoundWord.word(key: ng[q] + loss[new], label: nl[q], mask: mask)
                          guard new != old else { return }
                          changed &+= 1
                          lp[i] = nl[q]
                          guard moving else { return }
                          size[old] &-= 1
                          size[new] &+= 1
                          for f in 0..<p {
                            let v = x[f &* stride &+ position]
                            sum[old &* p &+ f] -= v
                            sum[new &* p &+ f] += v
                          }
                        }
                        switch source {
                        case .contiguous(let from):
                          for q in 0..<m { update(q, row: from &+ q, at: q) }
                        case .gathered:
                          for q in 0..<m { update(q, row: gr[q], at: q) }
                        case .listed(let from):
                          for q in 0..<m { update(q, row: from &+ Int(fl[q]), at: Int(fl[q])) }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return changed
  }
}
