#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps byte strings (with an optional 32-bit tag) to dense codes 0, 1, 2, …
/// in order of first appearance.
///
/// Open addressing with linear probing over one arena of bytes, so interning
/// millions of ids costs a few arrays, not a `String` per row. The tag lets
/// one table key on (customer, order id) without building the pair.
struct ByteInterner {
  private var arena: [UInt8] = []
  private var offsets: [Int] = [0]
  private var tags: [Int32] = []
  // Each slot holds the key's upper 32 hash bits in its high half and
  // code + 1 in its low half (0: empty), so a probe passes over other keys
  // without touching the per-code arrays: for random keys, a cache miss less.
  private var slots: [UInt64]
  private var mask: Int
  /// Number of distinct keys.
  private(set) var count = 0

  init(expectedCount: Int = 1024) {
    var capacity = 1024
    while capacity < expectedCount * 2 { capacity <<= 1 }
    slots = [UInt64](repeating: 0, count: capacity)
    mask = capacity - 1
    offsets.reserveCapacity(expectedCount + 1)
    tags.reserveCapacity(expectedCount)
  }

  /// The code of `bytes`, added when new; `isNew` tells which.
  @inline(__always)
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32 = 0) -> (code: Int32, isNew: Bool) {
    let h = Self.hash(bytes, tag: tag) >> 32
    let (slot, found) = probe(bytes, tag: tag, hash: h)
    if found >= 0 { return (found, false) }
    let code = Int32(count)
    slots.withUnsafeMutableBufferPointer { $0[slot] = h << 32 | UInt64(UInt32(code) + 1) }
    arena.append(contentsOf: bytes)
    offsets.append(arena.count)
    tags.append(tag)
    count += 1
    if count * 2 > slots.count { grow() }
    return (code, true)
  }

  /// The code of `bytes` if it was interned.
  func find(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32 = 0) -> Int32? {
    let code = probe(bytes, tag: tag, hash: Self.hash(bytes, tag: tag) >> 32).code
    return code >= 0 ? code : nil
  }

  /// The code of the key whose upper hash bits are `h`, or -1 and the empty
  /// slot where it would go.
  @inline(__always)
  private func probe(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32, hash h: UInt64) -> (slot: Int, code: Int32) {
    slots.withUnsafeBufferPointer { table in
      var slot = Int(truncatingIfNeeded: h) & mask
      while true {
        let entry = table[slot]
        if entry == 0 { return (slot, -1) }
        if entry >> 32 == h {
          let code = Int32(truncatingIfNeeded: entry) - 1
          if matches(Int(code), bytes, tag) { return (slot, code) }
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// The key of `code` as a string.
  func string(_ code: Int32) -> String {
    let i = Int(code)
    return arena[offsets[i]..<offsets[i + 1]].withUnsafeBufferPointer {
      String(decoding: $0, as: UTF8.self)
    }
  }

  /// All keys as strings, by code.
  func strings() -> [String] { (0..<count).map { string(Int32($0)) } }

  @inline(__always)
  private func matches(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ tag: Int32) -> Bool {
    offsets.withUnsafeBufferPointer { offsets in
      let start = offsets[code]
      let length = offsets[code + 1] - start
      guard length == bytes.count, tags.withUnsafeBufferPointer({ $0[code] }) == tag else { return false }
      return arena.withUnsafeBufferPointer { a in
        length == 0 || memcmp(a.baseAddress! + start, bytes.baseAddress!, length) == 0
      }
    }
  }

  private mutating func grow() {
    let old = slots
    let capacity = old.count * 2
    mask = capacity - 1
    slots = [UInt64](repeating: 0, count: capacity)
    slots.withUnsafeMutableBufferPointer { table in
      for entry in old where entry != 0 {
        // Only 32 bits of the hash are kept; they are enough to place keys
        // while the table has fewer than 2^32 slots.
        var slot = Int(entry >> 32) & mask
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = entry
      }
    }
  }

  /// A fast 64-bit hash of `bytes` and `tag` (multiply–xorshift over 8-byte words).
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(UInt32(bitPattern: tag)) &* 0xFF51_AFD7_ED55_8CCD
    h ^= UInt64(bytes.count)
    var i = 0
    let n = bytes.count
    guard let base = bytes.baseAddress else { return mix(h) }
    let raw = UnsafeRawPointer(base)
    while i + 8 <= n {
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = mix(h ^ word) &* 0x9FB2_1C65_1E98_DF25
      i += 8
    }
    if i < n {
      var word: UInt64 = 0
      var shift: UInt64 = 0
      while i < n {
        word |= UInt64(base[i]) << shift
        shift += 8
        i += 1
      }
      h = mix(h ^ word) &* 0x9FB2_1C65_1E98_DF25
    }
    return mix(h)
  }

  @inline(__always)
  static func mix(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
