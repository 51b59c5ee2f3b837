import Dispatch
import Features
import LinearAlgebra
import Models

/// Turns feature table rows into the numeric matrix a model is fitted on,
/// with the encodings learnt from the training rows and kept in the model.
///
/// - Numeric terms: the transform (see ``ModelTerm``), then standardized
///   with the training mean and population standard deviation (ddof 0), so
///   each coefficient is the change in log-odds per standard deviation. A
///   term with missing values in training also gets a 0/1 column
///   `missing(name)`; a missing value is set to the mean (0 after
///   standardizing), so the indicator's coefficient is the whole effect of
///   being missing.
/// - Categorical terms: one 0/1 column per level but the reference, which is
///   the most frequent level (ties: code point order). A missing value is the
///   level `(missing)`. Levels seen on fewer than `rareLevelCount` training
///   rows or on less than `rareLevelShare` of them are grouped into
///   `(other)`, which keeps a rare city from getting a wild coefficient.
///   When scoring, a level the training never saw also goes to `(other)`
///   (or to the reference when there is none) and is counted in
///   ``Encoded/unknownLevels``.
///
/// ```swift
/// let encoder = try DesignEncoder(fitting: formula.terms, table: table, rows: population)
/// let design = try encoder.encode(table, rows: population)   // design.matrix: rows × columnNames.count
/// ```
public struct DesignEncoder: Sendable, Codable, Equatable {
  /// How rare a level must be to be grouped into `(other)`.
  public struct Options: Sendable, Codable, Hashable {
    public var rareLevelShare: Double
    public var rareLevelCount: Int

    public init(rareLevelShare: Double = 0.01, rareLevelCount: Int = 10) {
      self.rareLevelShare = rareLevelShare
      self.rareLevelCount = rareLevelCount
    }
  }

  /// The encoding of one term.
  public enum Encoding: Sendable, Codable, Equatable {
    case numeric(NumericEncoding)
    case categorical(CategoricalEncoding)

    public var term: ModelTerm {
      switch self {
      case .numeric(let e): e.term
      case .categorical(let e): e.term
      }
    }
  }

  /// A standardized number, and whether it has a missing indicator.
  public struct NumericEncoding: Sendable, Codable, Equatable {
    public let term: ModelTerm
    /// Mean and population standard deviation of the transformed training values (1 for a constant column).
    public let mean: Double
    public let standardDeviation: Double
    public let missingIndicator: Bool
  }

  /// Dummy columns of a text column.
  public struct CategoricalEncoding: Sendable, Codable, Equatable {
    public let term: ModelTerm
    /// The level every coefficient is measured against (all dummies 0).
    public let reference: String
    /// The levels with a column of their own, in column order.
    public let levels: [String]
    /// Training levels grouped into the `(other)` column (empty: no such column).
    public let grouped: [String]

    public var hasOther: Bool { !grouped.isEmpty }
  }

  /// The label of a missing text value.
  public static let missingLevel = "(missing)"
  /// The label of the rare levels' group.
  public static let otherLevel = "(other)"

  public let encodings: [Encoding]
  /// The design's column names: `log1p(frequency)`, `missing(age)`, `C(region)[华东]`.
  public let columnNames: [String]
  /// For each column, the index of its term in ``encodings``.
  public let columnTerms: [Int]
  /// The mean of each encoded column over the training rows (what reason codes compare against).
  public private(set) var columnMeans: [Double]

  /// Learns the encodings of `terms` from `rows` of `table`.
  ///
  /// - Throws: ``PredictionError/unknownColumn(name:suggestion:)``,
  ///   ``PredictionError/invalidTerm(term:reason:)`` for a term without any
  ///   value in the rows.
  public init(fitting terms: [ModelTerm], table: FeatureTable, rows: [Int], options: Options = Options()) throws(PredictionError) {
    self = try Self.fitted(terms, table: table, rows: rows, options: options).encoder
  }

  /// Learns the encodings of `terms` from `rows` of `table`, and returns
  /// them with those rows encoded: what a fit needs, for one encoding of
  /// the rows instead of two.
  ///
  /// - Throws: what ``init(fitting:table:rows:options:)`` throws.
  public static func fitted(
    _ terms: [ModelTerm], table: FeatureTable, rows: [Int], options: Options = Options()
  ) throws(PredictionError) -> (encoder: DesignEncoder, training: Encoded) {
    try ModelFormula(terms: terms).validate(against: table)
    // Each term's encoding on a core of its own: they read only their column.
    let fitted = ConcurrentSlots<Result<Encoding, PredictionError>?>(repeating: nil, count: terms.count)
    DispatchQueue.concurrentPerform(iterations: terms.count) { t in
      let term = terms[t]
      do throws(PredictionError) {
        fitted[t] =
          .success(
            term.isNumeric
              ? .numeric(try Self.fitNumeric(term, values: table.numbers(term.source)!, rows: rows))
              : .categorical(try Self.fitCategorical(term, values: Self.levels(term, table)!, rows: rows, options: options)))
      } catch {
        fitted[t] = .failure(error)
      }
    }
    // The first term's error, as when they were fitted in turn.
    var encodings: [Encoding] = []
    for t in terms.indices { encodings.append(try fitted[t]!.get()) }
    var names: [String] = []
    var owners: [Int] = []
    for (t, encoding) in encodings.enumerated() {
      for name in Self.columnNames(encoding) {
        names.append(name)
        owners.append(t)
      }
    }
    var encoder = DesignEncoder(encodings: encodings, columnNames: names, columnTerms: owners)
    let training = try encoder.encode(table, rows: rows)
    let n = rows.count
    let means = ConcurrentSlots<Double>(repeating: 0, count: names.count)
    DispatchQueue.concurrentPerform(iterations: names.count) { c in
      means[c] = training.matrix.withUnsafeBufferPointer { x in x[(c * n)..<((c + 1) * n)].reduce(0, +) } / Double(max(n, 1))
    }
    encoder.columnMeans = (0..<names.count).map { means[$0] }
    return (encoder, training)
  }

  private init(encodings: [Encoding], columnNames: [String], columnTerms: [Int]) {
    self.encodings = encodings
    self.columnNames = columnNames
    self.columnTerms = columnTerms
    columnMeans = []
  }

  /// The encoded rows.
  public struct Encoded: Sendable {
    /// `rows.count × columnNames.count`, column-major.
    public let matrix: Matrix
    /// Per categorical term, the levels the training never saw and how many rows had each.
    public let unknownLevels: [(term: String, level: String, rows: Int)]
  }

  /// Encodes `rows` of `table` with the learnt encodings.
  ///
  /// - Throws: ``PredictionError/unknownColumn(name:suggestion:)`` when the
  ///   table lacks a term's column, ``PredictionError/invalidTerm(term:reason:)``
  ///   when the column has the other kind (text/number).
  public func encode(_ table: FeatureTable, rows: [Int]) throws(PredictionError) -> Encoded {
    var matrix: Matrix? = nil
    let unknown = try encode(table, rows: rows, blockSize: max(rows.count, 1)) { _, block in matrix = block }
    return Encoded(matrix: matrix ?? Matrix(rows: 0, columns: columnNames.count, columnMajor: []), unknownLevels: unknown)
  }

  /// Encodes `rows` of `table` a block of `blockSize` rows at a time, handing
  /// each block's matrix (and where it starts in `rows`) to `body`: the same
  /// rows as one ``encode(_:rows:)`` gives, each row encoded on its own,
  /// without an n × p matrix in memory.
  ///
  /// - Returns: the levels the training never saw, over all the rows, as ``Encoded/unknownLevels``.
  /// - Throws: what ``encode(_:rows:)`` throws.
  public func encode(
    _ table: FeatureTable, rows: [Int], blockSize: Int, _ body: (_ start: Int, _ block: Matrix) -> Void
  ) throws(PredictionError) -> [(term: String, level: String, rows: Int)] {
    try ModelFormula(terms: encodings.map(\.term)).validate(against: table)
    // Per term: the numbers, or the text with each level's column (-1: the reference).
    let numbers = encodings.map { table.numbers($0.term.source) }
    var texts: [[String?]?] = []
    var indexes: [LevelIndex] = []
    for encoding in encodings {
      guard case .categorical(let e) = encoding else {
        texts.append(nil)
        indexes.append(LevelIndex([:]))
        continue
      }
      texts.append(Self.levels(e.term, table))
      var index: [String: Int] = [e.reference: -1]
      for (j, level) in e.levels.enumerated() { index[level] = j }
      for level in e.grouped { index[level] = e.levels.count }
      indexes.append(LevelIndex(index))
    }
    // Where each term's columns start.
    var firstColumns: [Int] = []
    for t in encodings.indices { firstColumns.append(columnTerms.firstIndex(of: t) ?? 0) }
    let width = columnNames.count
    let (levelTexts, levelIndexes, starts) = (texts, indexes, firstColumns)
    let unseen = ConcurrentSlots<[String: Int]>(repeating: [:], count: encodings.count)
    for start in stride(from: 0, to: rows.count, by: max(blockSize, 1)) {
      let block = rows[start..<min(rows.count, start + max(blockSize, 1))]
      let storage = [Double](unsafeUninitializedCapacity: block.count * width) { buffer, initialized in
        // Each term fills its own columns, on a core of its own: every element is written once.
        nonisolated(unsafe) let design = buffer
        DispatchQueue.concurrentPerform(iterations: encodings.count) { t in
          var index = levelIndexes[t]
          unseen.update(t) { unseen in
            encodeTerm(
              t, rows: block, numbers: numbers[t], texts: levelTexts[t], index: &index, unseen: &unseen,
              into: design.baseAddress.map { $0 + starts[t] * block.count })
          }
        }
        initialized = block.count * width
      }
      body(start, Matrix(rows: block.count, columns: width, columnMajor: storage))
    }
    var unknown: [(term: String, level: String, rows: Int)] = []
    for (t, encoding) in encodings.enumerated() {
      let order = unseen[t].sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
      for (level, count) in order { unknown.append((encoding.term.source, level, count)) }
    }
    return unknown
  }

  /// Writes the columns of term `t` for `rows`, one after another, from `design`
  /// (`nil` only when there is no column at all), counting the levels training never saw in `unseen`.
  private func encodeTerm(
    _ t: Int, rows: ArraySlice<Int>, numbers: [Double]?, texts: [String?]?, index: inout LevelIndex,
    unseen: inout [String: Int], into design: UnsafeMutablePointer<Double>?
  ) {
    var at = 0
    func put(_ value: Double) {
      design![at] = value
      at += 1
    }
    switch encodings[t] {
    case .numeric(let e):
      let values = numbers!
      for r in rows {
        let x = e.term.transformed(values[r])
        put(x.isNaN ? 0 : (x - e.mean) / e.standardDeviation)
      }
      if e.missingIndicator {
        for r in rows { put(values[r].isNaN ? 1 : 0) }
      }
    case .categorical(let e):
      let values = texts!
      let width = e.levels.count + (e.hasOther ? 1 : 0)
      for _ in 0..<(width * rows.count) { put(0) }
      for (i, r) in rows.enumerated() {
        let level = values[r] ?? Self.missingLevel
        var j = index.column(of: level)
        if j == nil {
          unseen[level, default: 0] += 1
          j = e.hasOther ? e.levels.count : -1
        }
        if let j, j >= 0 { design![j * rows.count + i] = 1 }
      }
    }
  }

  // MARK: - Implementation details

  private static func fitNumeric(_ term: ModelTerm, values: [Double], rows: [Int]) throws(PredictionError) -> NumericEncoding {
    // Transformed once for both sums (a logarithm costs more than the memory, which goes before the design comes).
    let transformed = rows.map { term.transformed(values[$0]) }
    var sum = 0.0
    var present = 0
    for t in transformed where !t.isNaN {
      sum += t
      present += 1
    }
    guard present > 0 else { throw .invalidTerm(term: term.description, reason: "it has no value for any customer of the population") }
    let mean = sum / Double(present)
    var squares = 0.0
    for t in transformed where !t.isNaN { squares += (t - mean) * (t - mean) }
    let sd = (squares / Double(present)).squareRoot()
    return NumericEncoding(term: term, mean: mean, standardDeviation: sd > 0 ? sd : 1, missingIndicator: present < rows.count)
  }

  private static func fitCategorical(
    _ term: ModelTerm, values: [String?], rows: [Int], options: Options
  ) throws(PredictionError) -> CategoricalEncoding {
    var (counts, missing) = StringBits.counts(values, rows: rows)
    if missing > 0 { counts[missingLevel, default: 0] += missing }
    guard !counts.isEmpty else { throw .invalidTerm(term: term.description, reason: "the population is empty") }
    let byFrequency = counts.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars)
    }
    let floor = max(Double(options.rareLevelCount), options.rareLevelShare * Double(rows.count))
    var common = byFrequency.filter { Double($0.value) >= floor }.map(\.key)
    var rare = byFrequency.filter { Double($0.value) < floor }.map(\.key)
    if common.isEmpty {
      // Every level is rare (a tiny sample): keep them all rather than one lump.
      common = rare
      rare = []
    }
    let ordered = { (levels: [String]) in levels.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } }
    return CategoricalEncoding(term: term, reference: common[0], levels: ordered(Array(common.dropFirst())), grouped: ordered(rare))
  }

  private static func columnNames(_ encoding: Encoding) -> [String] {
    switch encoding {
    case .numeric(let e):
      return [e.term.description] + (e.missingIndicator ? ["missing(\(e.term.source))"] : [])
    case .categorical(let e):
      return (e.levels + (e.hasOther ? [otherLevel] : [])).map { "\(e.term.description)[\($0)]" }
    }
  }

  /// A categorical term's values as text: a text column as it is, a number
  /// written without a trailing `.0` when whole (`3`, not `3.0`).
  static func levels(_ term: ModelTerm, _ table: FeatureTable) -> [String?]? {
    if let text = table.text(term.source) { return text }
    return table.numbers(term.source).map { numbers in
      numbers.map { x in
        if x.isNaN { return nil }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
      }
    }
  }
}
