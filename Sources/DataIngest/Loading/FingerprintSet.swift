import CMemory

/// A set of 64-bit row fingerprints, for dropping exact duplicate rows.
///
/// Two rows are duplicates when their raw text (line end aside) is the same;
/// the set keeps a 64-bit hash of that text, not the text, so memory stays at
/// 8–16 bytes a row. Two different rows share a hash with probability about
/// n²/2⁶⁵ (3·10⁻⁶ for ten million rows).
struct FingerprintSet {
  // Linear probing over any number of slots (the hash is scaled to the
  // table, not masked), so a table sized for its rows wastes no half.
  private var slots: [UInt64]
  private var count = 0

  init(expectedCount: Int = 3072) {
    slots = [UInt64](repeating: 0, count: Self.capacity(for: expectedCount))
  }

  /// Slots for `count` fingerprints at three quarters full.
  private static func capacity(for count: Int) -> Int { max(4096, count / 3 * 4 + 4) }

  /// The fingerprint of a row's raw text; never 0, which marks empty slots.
  @inline(__always)
  static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let h = ByteInterner.hash(bytes, tag: 0x5EED)
    return h == 0 ? 1 : h
  }

  @inline(__always)
  private static func home(_ h: UInt64, _ capacity: Int) -> Int {
    Int(truncatingIfNeeded: h.multipliedFullWidth(by: UInt64(capacity)).high)
  }

  /// Adds a ``fingerprint(_:)``; `false` when it was already there.
  @inline(__always)
  mutating func insert(_ h: UInt64) -> Bool {
    let isNew = slots.withUnsafeMutableBufferPointer { slots in
      var slot = Self.home(h, slots.count)
      while true {
        let existing = slots[slot]
        if existing == 0 { break }
        if existing == h { return false }
        slot = slot + 1 == slots.count ? 0 : slot + 1
      }
      slots[slot] = h
      return true
    }
    guard isNew else { return false }
    count += 1
    if count * 4 > slots.count * 3 { grow() }
    return true
  }

  /// Whether `h` was added.
  @inline(__always)
  func contains(_ h: UInt64) -> Bool {
    slots.withUnsafeBufferPointer { slots in
      var slot = Self.home(h, slots.count)
      while true {
        let existing = slots[slot]
        if existing == h { return true }
        if existing == 0 { return false }
        slot = slot + 1 == slots.count ? 0 : slot + 1
      }
    }
  }

  var isEmpty: Bool { count == 0 }

  /// Empties the set, keeping its room for `expectedCount` fingerprints.
  mutating func removeAll(expectedCount: Int) {
    if slots.count < Self.capacity(for: expectedCount) {
      slots = [UInt64](repeating: 0, count: Self.capacity(for: expectedCount))
    } else {
      slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }
    count = 0
  }

  /// Starts loading the slot where `h` is looked for.
  @inline(__always)
  func prefetch(_ h: UInt64) {
    slots.withUnsafeBufferPointer { analyze_prefetch($0.baseAddress! + Self.home(h, $0.count)) }
  }

  private mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: 0, count: old.count * 2)
    count = 0
    for h in old where h != 0 { _ = insert(h) }
  }
}
