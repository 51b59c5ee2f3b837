import LinearAlgebra

/// The matrix a segmentation clusters: the population's rows of a feature
/// table, transformed, standardized and weighted column by column (see
/// ``SegmentColumn``).
///
/// The population is every row with a recency, that is every customer with
/// at least one purchase before T; prospects and refund-only customers have
/// no place on the recency axis and are left out (and counted by the caller).
///
/// Standardization uses the population standard deviation (ddof 0), as
/// scikit-learn's `StandardScaler` and the peer pipelines do; a constant
/// column gets a standard deviation of 1, as there. Missing numbers in a
/// feature the user added (`interpurchase_days_avg` of one-order customers)
/// take the median of the column's transformed values, so one sparse
/// feature does not drop customers; the counts are kept in ``imputed``.
public struct SegmentDesign: Sendable {
  /// The features asked for, resolved.
  public let features: [SegmentFeature]
  /// The design's columns with their scaling (one per numeric feature, one per level of a text feature).
  public let columns: [SegmentColumn]
  /// The feature table rows in the design, ascending.
  public let rows: [Int]
  /// `rows.count × columns.count`, standardized and weighted.
  public let matrix: Matrix
  /// Missing values filled with the median, per source column (only columns that had some).
  public let imputed: [(name: String, count: Int)]

  /// The rows of `table` in the segmentation population: those with a recency.
  public static func population(of table: FeatureTable) -> [Int] {
    guard let recency = table.numbers("recency_days") else { return [] }
    return recency.indices.filter { !recency[$0].isNaN }
  }

  /// Fits the scaling on `rows` of `table` and builds the matrix.
  ///
  /// - Throws: ``FeatureError/unknownColumn(name:known:)`` for a feature the
  ///   table lacks, ``FeatureError/emptyColumn(name:)`` for one with no value.
  public init(table: FeatureTable, features: [SegmentFeature], rows: [Int]) throws(FeatureError) {
    var columns: [SegmentColumn] = []
    var imputed: [(String, Int)] = []
    for feature in features {
      switch feature.transform {
      case .log, .raw:
        guard let values = table.numbers(feature.name) else {
          throw .unknownColumn(name: feature.name, known: table.columns.map(\.name))
        }
        let t = rows.map { SegmentColumn.transformed(values[$0], feature.transform) }
        let present = t.filter { !$0.isNaN }
        guard !present.isEmpty else { throw .emptyColumn(name: feature.name) }
        let fill = Self.median(present)
        if present.count < t.count { imputed.append((feature.name, t.count - present.count)) }
        let filled = t.map { $0.isNaN ? fill : $0 }
        let (mean, sd) = Self.meanAndStandardDeviation(filled)
        let name = feature.transform == .log
          ? (feature.name == "monetary_total" ? "log1p_monetary_total_pos" : "log1p_\(feature.name)")
          : feature.name
        columns.append(SegmentColumn(
          name: name, source: feature.name, transform: feature.transform, level: nil, fill: fill,
          mean: mean, standardDeviation: sd > 0 ? sd : 1, weight: feature.weight))
      case .oneHot:
        guard let values = table.text(feature.name) else {
          throw .unknownColumn(name: feature.name, known: table.columns.map(\.name))
        }
        // Levels sorted by code point, so the design's columns do not depend on row order.
        let levels = Set(rows.compactMap { values[$0] }).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        guard !levels.isEmpty else { throw .emptyColumn(name: feature.name) }
        for level in levels {
          columns.append(SegmentColumn(
            name: "\(feature.name)=\(level)", source: feature.name, transform: .oneHot, level: level, fill: 0,
            mean: 0, standardDeviation: 1, weight: feature.weight))
        }
      }
    }
    self.features = features
    self.columns = columns
    self.rows = rows
    self.imputed = imputed
    self.matrix = try Self.matrix(columns: columns, table: table, rows: rows)
  }

  /// Applies a fitted scaling to `rows` of `table`: the design of new
  /// customers in the space of the fitted one.
  ///
  /// - Throws: ``FeatureError/unknownColumn(name:known:)`` when a source
  ///   column is missing, or has the other kind (number/text).
  public static func matrix(columns: [SegmentColumn], table: FeatureTable, rows: [Int]) throws(FeatureError) -> Matrix {
    var storage = [Double]()
    storage.reserveCapacity(rows.count * columns.count)
    for column in columns {
      if column.transform == .oneHot {
        guard let values = table.text(column.source) else {
          throw .unknownColumn(name: column.source, known: table.columns.map(\.name))
        }
        for r in rows { storage.append(column.scaled(text: values[r])) }
      } else {
        guard let values = table.numbers(column.source) else {
          throw .unknownColumn(name: column.source, known: table.columns.map(\.name))
        }
        for r in rows { storage.append(column.scaled(number: values[r])) }
      }
    }
    return Matrix(rows: rows.count, columns: columns.count, columnMajor: storage)
  }

  /// Mean and population standard deviation (two passes, for accuracy).
  static func meanAndStandardDeviation(_ values: [Double]) -> (mean: Double, standardDeviation: Double) {
    guard !values.isEmpty else { return (0, 0) }
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    let ss = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (mean, (ss / n).squareRoot())
  }

  /// The median (mean of the two middle values for an even count); `.nan` when empty.
  static func median(_ values: [Double]) -> Double {
    var present = values.filter { !$0.isNaN }
    guard !present.isEmpty else { return .nan }
    let m = present.count / 2
    let upper = select(m, in: &present)
    guard present.count % 2 == 0 else { return upper }
    // Everything before the m-th order statistic is at most it: the (m − 1)-th is their largest.
    return (present[..<m].max()! + upper) / 2
  }

  /// The `k`-th smallest of `values` (0-based), as `values.sorted()[k]`,
  /// in linear expected time: `values` is partitioned around it in place
  /// (smaller before, larger after). Three-way partitions keep the many
  /// equal values of counts and days from slowing it down.
  static func select(_ k: Int, in values: inout [Double]) -> Double {
    values.withUnsafeMutableBufferPointer { a in
      var low = 0
      var high = a.count - 1
      var rounds = 0
      while low < high {
        rounds += 1
        if rounds > 64 {
          // Unlucky pivots: sort what is left.
          a[low...high].sort()
          return a[k]
        }
        let middle = low + (high - low) / 2
        let pivot = medianOfThree(a[low], a[middle], a[high])
        // a[low..<less] < pivot, a[less..<i] == pivot, a[greater+1...high] > pivot.
        var less = low
        var i = low
        var greater = high
        while i <= greater {
          if a[i] < pivot {
            a.swapAt(i, less)
            less += 1
            i += 1
          } else if a[i] > pivot {
            a.swapAt(i, greater)
            greater -= 1
          } else {
            i += 1
          }
        }
        if k < less {
          high = less - 1
        } else if k > greater {
          low = greater + 1
        } else {
          return pivot
        }
      }
      return a[k]
    }
  }

  private static func medianOfThree(_ x: Double, _ y: Double, _ z: Double) -> Double {
    max(min(x, y), min(max(x, y), z))
  }
}
