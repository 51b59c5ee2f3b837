import Dispatch
import Features
import LinearAlgebra
import Models

/// Why one customer's score is high: a term that pushes their log-odds up,
/// and by how much, relative to the average training customer.
public struct ReasonCode: Sendable, Hashable {
  /// How the customer differs from the average on the term.
  public enum Detail: Sendable, Hashable {
    /// A number above the training mean (the raw value, before transforms).
    case high(Double)
    /// A number below the training mean.
    case low(Double)
    /// No value.
    case missing
    /// A level of a categorical term (`(other)` for a grouped or unseen level).
    case level(String)
  }

  public let term: ModelTerm
  /// `Σ β_c · (x_c − x̄_c)` over the term's design columns, in log-odds.
  public let contribution: Double
  public let detail: Detail
}

/// Picks each customer's reason codes: the terms with the largest positive
/// contribution `β · (x − x̄)` to their log-odds, where `x̄` is the training
/// mean of the design column. A term's columns are summed (a number and its
/// missing indicator, or the dummies of one categorical column), so a term
/// appears once. Fewer than `count` reasons are given when fewer terms push
/// the score up.
public struct ReasonCoder: Sendable {
  public let encoder: DesignEncoder
  /// One coefficient per design column (0 for a column the fit dropped).
  public let coefficients: [Double]

  public init(encoder: DesignEncoder, coefficients: [Double]) {
    precondition(coefficients.count == encoder.columnNames.count, "one coefficient per design column")
    self.encoder = encoder
    self.coefficients = coefficients
  }

  /// The reasons for `rows` of `table`, whose encoded design is `design`.
  ///
  /// - Complexity: O(rows × columns), in blocks of rows so the working set stays small.
  public func reasons(table: FeatureTable, rows: [Int], design: DesignEncoder.Encoded, count: Int = 3) -> ReasonLists {
    var collector = Collector(self, table: table, count: count)
    collector.add(rows: rows[...], design: design.matrix)
    return collector.reasons
  }

  /// The reasons of rows whose design comes a block at a time (see
  /// ``DesignEncoder/encode(_:rows:blockSize:_:)``), appended in the order
  /// the blocks come; the table's columns are looked up once for them all.
  struct Collector {
    private let coder: ReasonCoder
    private let count: Int
    private let sources: [[Double]?]
    private let texts: [[String?]?]
    private(set) var reasons: ReasonLists

    init(_ coder: ReasonCoder, table: FeatureTable, count: Int) {
      self.coder = coder
      self.count = count
      let encodings = coder.encoder.encodings
      sources = encodings.map { table.numbers($0.term.source) }
      // Text only for categorical terms: a numeric column as text is a million strings nobody reads.
      texts = encodings.map { $0.term.isNumeric ? nil : DesignEncoder.levels($0.term, table) }
      reasons = ReasonLists(terms: encodings.map(\.term))
    }

    /// Appends the reasons of `rows`, whose design is `matrix` (one row each).
    mutating func add(rows: ArraySlice<Int>, design matrix: Matrix) {
      let (coder, sources, texts, count) = (coder, sources, texts, count)
      let n = rows.count
      let block = 4096
      // The blocks of rows are worked out side by side, each into its own lists, and appended in order.
      let blocks = stride(from: 0, to: n, by: block).map { $0..<min(n, $0 + block) }
      let picked = ConcurrentSlots<Picked>(repeating: Picked(), count: blocks.count)
      DispatchQueue.concurrentPerform(iterations: blocks.count) { b in
        picked[b] = coder.pick(
          rows: rows, block: blocks[b], design: matrix, count: count, sources: sources, texts: texts)
      }
      for b in blocks.indices {
        let found = picked[b]
        for i in found.ends.indices {
          let range = (i == 0 ? 0 : found.ends[i - 1])..<found.ends[i]
          reasons.append(range.lazy.map { (found.terms[$0], found.contributions[$0], found.details[$0]) })
        }
      }
    }
  }

  /// The reasons of the rows of one block: for each row, where its reasons
  /// end in the lists (strongest first).
  struct Picked: Sendable {
    var ends: [Int] = []
    var terms: [Int] = []
    var contributions: [Double] = []
    var details: [ReasonCode.Detail] = []
  }

  /// The reasons of `rows[block]` (offsets into `rows` and the design's rows).
  fileprivate func pick(
    rows: ArraySlice<Int>, block: Range<Int>, design matrix: Matrix, count: Int, sources: [[Double]?],
    texts: [[String?]?]
  ) -> Picked {
    let n = rows.count
    let first = rows.startIndex
    let terms = encoder.encodings.count
    let size = block.count
    var contribution = [Double](repeating: 0, count: size * terms)
    matrix.withUnsafeBufferPointer { x in
      for c in 0..<encoder.columnNames.count where coefficients[c] != 0 {
        let beta = coefficients[c]
        let mean = encoder.columnMeans[c]
        let t = encoder.columnTerms[c]
        let column = c * n
        for i in block { contribution[t * size + (i - block.lowerBound)] += beta * (x[column + i] - mean) }
      }
    }
    var picked = Picked()
    var best: [(Int, Double)] = []
    best.reserveCapacity(count + 1)
    for i in block {
      best.removeAll(keepingCapacity: true)
      for t in 0..<terms {
        let value = contribution[t * size + (i - block.lowerBound)]
        guard value > 0 else { continue }
        if best.count < count || value > best[best.count - 1].1 {
          let at = best.firstIndex { value > $0.1 } ?? best.count
          best.insert((t, value), at: at)
          if best.count > count { best.removeLast() }
        }
      }
      for (t, value) in best {
        picked.terms.append(t)
        picked.contributions.append(value)
        picked.details.append(detail(t, row: rows[first + i], source: sources[t], text: texts[t]))
      }
      picked.ends.append(picked.terms.count)
    }
    return picked
  }

  fileprivate func detail(_ t: Int, row: Int, source: [Double]?, text: [String?]?) -> ReasonCode.Detail {
    switch encoder.encodings[t] {
    case .numeric(let e):
      let raw = source![row]
      if raw.isNaN { return .missing }
      return e.term.transformed(raw) > e.mean ? .high(raw) : .low(raw)
    case .categorical(let e):
      let level = text![row] ?? DesignEncoder.missingLevel
      return .level(level == e.reference || e.levels.contains(level) ? level : DesignEncoder.otherLevel)
    }
  }
}
