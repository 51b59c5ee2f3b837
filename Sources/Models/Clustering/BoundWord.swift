/// One row's label and bound key in 32 bits, for ``BoundedAssignment``: the
/// pass that checks every row's bound then reads 4 bytes a row instead of
/// 12 (a `Double` key and an `Int32` label), and that pass is limited by
/// memory, not arithmetic.
///
/// ```
/// word = bits(Float(key) − 1 ulp, lowest `labelBits` bits cleared) | label
/// ```
///
/// The key is only ever rounded down (and thresholds, ``threshold(_:)``,
/// up), so a bound that holds in 32 bits holds exactly; the price is a
/// row recomputed now and then whose margin is within a few millionths of
/// the key. Keys are `≥ 0` (a gap plus summed losses) or unknown.
///
/// The C kernels make the same words (`analyze_kmeans_search`,
/// `analyze_kmeans_start`; tested equal) and read them as signed integers
/// (`analyze_kmeans_failing`, against ``thresholdWord(_:mask:)``):
/// non-negative Floats order as their bit patterns, unknown keys are negative.
enum BoundWord {
  /// The number of low bits that hold a label in `0 ..< k`.
  static func labelBits(k: Int) -> Int { Int.bitWidth - Swift.max(k - 1, 1).leadingZeroBitCount }

  /// The word of an unknown key (the bound never holds) with label `label`.
  @inline(__always)
  static func unknown(label: Int32, mask: UInt32) -> UInt32 {
    (-Float.infinity).bitPattern & ~mask | UInt32(truncatingIfNeeded: label)
  }

  /// The word of `key` (a NaN or negative key is stored as unknown) and `label`.
  @inline(__always)
  static func word(key: Double, label: Int32, mask: UInt32) -> UInt32 {
    guard key >= 0 else { return unknown(label: label, mask: mask) }
    // `Float(key)` is within one unit in the last place of `key`: one unit
    // lower is below it (no branch on which way it rounded; 0 becomes a
    // NaN, which never holds), and clearing low bits of a positive Float
    // lowers it further.
    return (Float(key).bitPattern &- 1) & ~mask | UInt32(truncatingIfNeeded: label)
  }

  /// The label stored in `word`.
  @inline(__always)
  static func label(_ word: UInt32, mask: UInt32) -> Int { Int(word & mask) }

  /// The key stored in `word`: at most the key stored, `-∞` when unknown.
  @inline(__always)
  static func key(_ word: UInt32, mask: UInt32) -> Float { Float(bitPattern: word & ~mask) }

  /// The word a row's word must exceed, as signed integers, for its key to
  /// exceed `limit ≥ 0`: non-negative Floats order as their bit patterns,
  /// and unknown keys are negative.
  static func thresholdWord(_ limit: Double, mask: UInt32) -> Int32 {
    Int32(bitPattern: threshold(limit).bitPattern | mask)
  }

  /// `limit` rounded up to a `Float`, to compare with ``key(_:mask:)``.
  static func threshold(_ limit: Double) -> Float {
    var rounded = Float(limit)
    if Double(rounded) < limit { rounded = rounded.nextUp }
    return rounded
  }
}
