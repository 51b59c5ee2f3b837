import Features
import LinearAlgebra

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
      let (coder, sources, texts) = (coder, sources, texts)
      let encoder = coder.encoder
      let coefficients = coder.coefficients
      let n = rows.count
      let first = rows.startIndex
      let terms = encoder.encodings.count
      let block = 4096
      var contribution = [Double](repeating: 0, count: block * terms)
      matrix.withUnsafeBufferPointer { x in
        for start in stride(from: 0, to: n, by: block) {
          let end = min(n, start + block)
          for i in 0..<(contribution.count) { contribution[i] = 0 }
          for c in 0..<encoder.columnNames.count where coefficients[c] != 0 {
            let beta = coefficients[c]
            let mean = encoder.columnMeans[c]
            let t = encoder.columnTerms[c]
            let column = c * n
            for i in start..<end { contribution[t * block + (i - start)] += beta * (x[column + i] - mean) }
          }
          var best: [(Int, Double)] = []
          best.reserveCapacity(count + 1)
          for i in start..<end {
            best.removeAll(keepingCapacity: true)
            for t in 0..<terms {
              let value = contribution[t * block + (i - start)]
              guard value > 0 else { continue }
              if best.count < count || value > best[best.count - 1].1 {
                let at = best.firstIndex { value > $0.1 } ?? best.count
                best.insert((t, value), at: at)
                if best.count > count { best.removeLast() }
              }
            }
            reasons.append(best.lazy.map { t, value in
              (t, value, coder.detail(t, row: rows[first + i], source: sources[t], text: texts[t]))
            })
          }
        }
      }
    }
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
