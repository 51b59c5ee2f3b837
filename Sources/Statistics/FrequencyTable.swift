import DataIngest

/// Counts and shares of the values of a categorical column, like pandas
/// `value_counts(normalize=True)`.
///
/// ```
/// count(v) = number of rows with value v
/// share(v) = count(v) / (rows − missing)        (missing cells are not in the denominator)
/// ```
///
/// Entries are sorted by count descending, ties by value ascending (Swift
/// `String` order). pandas breaks ties by first appearance instead; we sort
/// by value so the table does not depend on row order. With `top: k` the
/// k most frequent values are kept and the rest are pooled into one entry
/// named ``otherValue``, placed last.
public struct FrequencyTable: Sendable, Equatable {
  /// One distinct value with how often it occurs.
  public struct Entry: Sendable, Equatable {
    public let value: String
    public let count: Int
    /// count / non-missing rows.
    public let share: Double
    /// Whether this entry pools the values beyond `top`.
    public let isOther: Bool
  }

  /// The name of the pooled entry.
  public static let otherValue = "(other)"

  /// Distinct values, most frequent first; the pooled entry, if any, last.
  public let entries: [Entry]
  /// Number of missing (empty) cells.
  public let missing: Int
  /// Number of non-missing cells: the denominator of the shares.
  public let nonMissing: Int

  /// Counts the values of a categorical column.
  ///
  /// - Parameters:
  ///   - column: codes into its levels; ``CategoricalColumn/missing`` is a missing cell.
  ///   - top: keep at most this many values and pool the rest into
  ///     ``otherValue`` (`nil`, the default, keeps all); must be ≥ 0.
  /// - Complexity: O(rows + levels log levels).
  public init(_ column: CategoricalColumn, top: Int? = nil) {
    var counts = [Int](repeating: 0, count: column.levels.count)
    var missing = 0
    for code in column.codes {
      if code == CategoricalColumn.missing {
        missing += 1
      } else {
        counts[Int(code)] += 1
      }
    }
    self.init(levels: column.levels, counts: counts, missing: missing, top: top)
  }

  /// Counts computed labels (for example normalised genders or age bands);
  /// `nil` is a missing value.
  ///
  /// - Complexity: O(n) expected (one hash per label) + O(k log k).
  public init(_ labels: [String?], top: Int? = nil) {
    var index: [String: Int] = [:]
    var levels: [String] = []
    var counts: [Int] = []
    var missing = 0
    for label in labels {
      guard let label else {
        missing += 1
        continue
      }
      if let i = index[label] {
        counts[i] += 1
      } else {
        index[label] = levels.count
        levels.append(label)
        counts.append(1)
      }
    }
    self.init(levels: levels, counts: counts, missing: missing, top: top)
  }

  private init(levels: [String], counts: [Int], missing: Int, top: Int?) {
    precondition(top.map { $0 >= 0 } ?? true, "top must be ≥ 0")
    let nonMissing = counts.reduce(0, +)
    let denominator = Double(nonMissing)
    // Levels that never occur (possible after filtering a column) are dropped,
    // as pandas drops them for a plain object column.
    let order = levels.indices.filter { counts[$0] > 0 }.sorted { a, b in
      counts[a] != counts[b] ? counts[a] > counts[b] : levels[a] < levels[b]
    }
    let kept = top.map { Swift.min($0, order.count) } ?? order.count
    var entries = order[..<kept].map { i in
      Entry(value: levels[i], count: counts[i], share: Double(counts[i]) / denominator, isOther: false)
    }
    if kept < order.count {
      let pooled = order[kept...].reduce(0) { $0 + counts[$1] }
      entries.append(
        Entry(
          value: Self.otherValue, count: pooled, share: Double(pooled) / denominator,
          isOther: true))
    }
    self.entries = entries
    self.missing = missing
    self.nonMissing = nonMissing
  }

  /// The entry for `value`, if it is in the table.
  public func entry(for value: String) -> Entry? {
    entries.first { $0.value == value }
  }
}
