/// A set of 64-bit row fingerprints, for dropping exact duplicate rows.
///
/// Two rows are duplicates when their raw text (line end aside) is the same;
/// the set keeps a 64-bit hash of that text, not the text, so memory stays at
/// 8–16 bytes a row. Two different rows share a hash with probability about
/// n²/2⁶⁵ (3·10⁻⁶ for ten million rows).
struct FingerprintSet {
  private var slots: [UInt64]
  private var mask: Int
  private var count = 0

  init(expectedCount: Int = 4096) {
    var capacity = 4096
    while capacity * 3 < expectedCount * 4 { capacity <<= 1 }
    slots = [UInt64](repeating: 0, count: capacity)
    mask = capacity - 1
  }

  /// Adds the fingerprint of `bytes`; `false` when it was already there.
  @inline(__always)
  mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var h = ByteInterner.hash(bytes, tag: 0x5EED)
    if h == 0 { h = 1 }
    var slot = Int(truncatingIfNeeded: h >> 7) & mask
    while true {
      let existing = slots[slot]
      if existing == 0 { break }
      if existing == h { return false }
      slot = (slot + 1) & mask
    }
    slots[slot] = h
    count += 1
    if count * 4 > slots.count * 3 { grow() }
    return true
  }

  private mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: 0, count: old.count * 2)
    mask = slots.count - 1
    for h in old where h != 0 {
      var slot = Int(truncatingIfNeeded: h >> 7) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = h
    }
  }
}
