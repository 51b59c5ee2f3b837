import Features
import Foundation
import LinearAlgebra

/// The outcome rate across the values of one factor: the univariate view
/// beside the model's multivariate one ("churn rate by decile of recency").
///
/// Numbers are cut into up to `bins` groups of about equal size by rank,
/// with equal values always in the same group (so a count with many zeros
/// gives fewer, larger groups); missing values form a last group. Text
/// columns get one group per level, largest first.
public struct FactorProfile: Sendable {
  public struct Group: Sendable, Hashable {
    /// `12 – 45` for a range of numbers, the level for text, `(missing)`.
    public let label: String
    public let lower: Double?
    public let upper: Double?
    public let count: Int
    public let positives: Int

    public var rate: Double { count > 0 ? Double(positives) / Double(count) : .nan }
  }

  public let term: ModelTerm
  public let groups: [Group]

  public init(term: ModelTerm, table: FeatureTable, rows: [Int], labels: [Bool], bins: Int = 10) {
    self.term = term
    if term.isNumeric, let values = table.numbers(term.source) {
      groups = Self.numericGroups(values, rows: rows, labels: labels, bins: bins)
    } else {
      let levels = DesignEncoder.levels(term, table) ?? []
      var counts: [String: (Int, Int)] = [:]
      for (i, r) in rows.enumerated() {
        let level = levels.isEmpty ? DesignEncoder.missingLevel : (levels[r] ?? DesignEncoder.missingLevel)
        let old = counts[level] ?? (0, 0)
        counts[level] = (old.0 + 1, old.1 + (labels[i] ? 1 : 0))
      }
      groups = counts.sorted {
        $0.value.0 != $1.value.0 ? $0.value.0 > $1.value.0 : $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars)
      }.map { Group(label: $0.key, lower: nil, upper: nil, count: $0.value.0, positives: $0.value.1) }
    }
  }

  private static func numericGroups(_ values: [Double], rows: [Int], labels: [Bool], bins: Int) -> [Group] {
    let kept = rows.indices.filter { !values[rows[$0]].isNaN }
    let present = RadixSort.ascendingIndices(kept.map { values[rows[$0]] }).map { kept[$0] }
    var groups: [Group] = []
    var start = 0
    let n = present.count
    for b in 1...max(bins, 1) where start < n {
      var end = max(start + 1, n * b / max(bins, 1))
      // Ties stay together: extend the group over every copy of its last value.
      while end < n, values[rows[present[end]]] == values[rows[present[end - 1]]] { end += 1 }
      if end <= start { continue }
      let slice = present[start..<end]
      let lower = values[rows[slice.first!]]
      let upper = values[rows[slice.last!]]
      let positives = slice.reduce(0) { $0 + (labels[$1] ? 1 : 0) }
      groups.append(Group(label: lower == upper ? format(lower) : "\(format(lower)) – \(format(upper))",
                          lower: lower, upper: upper, count: slice.count, positives: positives))
      start = end
    }
    let missing = rows.indices.filter { values[rows[$0]].isNaN }
    if !missing.isEmpty {
      groups.append(Group(label: DesignEncoder.missingLevel, lower: nil, upper: nil, count: missing.count,
                          positives: missing.reduce(0) { $0 + (labels[$1] ? 1 : 0) }))
    }
    return groups
  }

  /// Whole numbers without decimals, others to 3 significant digits.
  static func format(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e12 { return String(Int64(x)) }
    let magnitude = abs(x)
    let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
    return String(format: "%.\(decimals)f", x)
  }
}
