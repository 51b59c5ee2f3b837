import Features

/// The design column of each level of a categorical term, looked up for
/// every row: a dictionary, with the answers for the last few strings seen
/// kept by their bits. A column's rows repeat a handful of levels, and a
/// row's string is usually the same value as one seen before (a short
/// string is its bits; a long one shares its storage), so most rows are
/// answered without hashing. Equal bits are always the same string; equal
/// strings with other bits just take the dictionary.
struct LevelIndex {
  private let columns: [String: Int]
  private var recent: [(bits: StringBits, column: Int?)] = []

  init(_ columns: [String: Int]) {
    self.columns = columns
  }

  /// The column of `level`, or `nil` when the term has no such level.
  mutating func column(of level: String) -> Int? {
    let bits = StringBits(level)
    for entry in recent where entry.bits == bits { return entry.column }
    let column = columns[level]
    if recent.count < 16 { recent.append((bits, column)) }
    return column
  }
}
