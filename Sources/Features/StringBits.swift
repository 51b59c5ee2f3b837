/// The 16 bytes of a `String` value. Equal bits are always equal strings: a
/// short string is its bits, and a long one points at its storage, which
/// cannot change while a string holding it lives. So whatever was found for
/// one string serves every string with the same bits, without hashing or
/// normalizing the text, as long as the strings looked at are still held
/// (a freed string's address may come back with other text). Equal strings
/// may have other bits (the same text in two allocations): those just miss.
///
/// A column of a million rows repeats a few dozen values, mostly short, so
/// most rows are answered this way:
///
/// ```swift
/// var seen: [StringBits: Int] = [:]
/// for level in column { seen[StringBits(level), default: 0] += 1 }
/// let (counts, missing) = StringBits.counts(column)   // [String: Int], nils
/// ```
public struct StringBits: Hashable, Sendable {
  private let low: UInt64
  private let high: UInt64

  public init(_ string: String) {
    (low, high) = withUnsafeBytes(of: string) { raw in
      (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }
  }

  /// How many times each string occurs in `values` (at `rows`, or all of
  /// them), and how many are `nil`: the same as counting them in a
  /// `[String: Int]`, with the strings hashed once per distinct bits rather
  /// than once per value. Past `distinctBits` different bits (long strings
  /// each in their own storage) the rest are counted as strings.
  public static func counts(_ values: [String?], rows: [Int]? = nil, distinctBits: Int = 4096) -> (counts: [String: Int], missing: Int) {
    var byBits: [StringBits: (string: String, count: Int)] = [:]
    var counts: [String: Int] = [:]
    var missing = 0
    func count(_ value: String?) {
      guard let value else {
        missing += 1
        return
      }
      let bits = StringBits(value)
      if let index = byBits.index(forKey: bits) {
        byBits.values[index].count += 1
      } else if byBits.count < distinctBits {
        byBits[bits] = (value, 1)
      } else {
        counts[value, default: 0] += 1
      }
    }
    if let rows {
      for r in rows { count(values[r]) }
    } else {
      for value in values { count(value) }
    }
    for (string, count) in byBits.values { counts[string, default: 0] += count }
    return (counts, missing)
  }
}
