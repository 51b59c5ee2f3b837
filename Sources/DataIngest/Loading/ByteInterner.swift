#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import CMemory

/// Maps byte strings (with an optional 32-bit tag) to dense codes 0, 1, 2, …
/// in order of first appearance.
///
/// Open addressing with linear probing over one arena of records, so
/// interning millions of ids costs two arrays, not a `String` per row. The
/// tag lets one table key on (customer, order id) without building the pair.
///
/// A record holds the code, the tag, the length and the bytes, and a slot
/// holds the key's upper 32 hash bits beside its record's place, so finding
/// a key reads one slot and one record: two cache misses for random keys,
/// which ``prefetchSlot(hash:)`` and ``prefetchRecord(hash:)`` can start
/// early. The table is at most 70% full; the hash is scaled to its size, so
/// a table sized for its keys wastes nothing to rounding.
struct ByteInterner {
  /// Records, each starting at a multiple of 4: code and tag (`Int32`), the
  /// length (`UInt16`; 0xFFFF and a `UInt32` for long keys), then the bytes,
  /// padded to a multiple of 4.
  private var arena: [UInt8] = []
  // Upper 32 hash bits in the high half, (record offset / 4) + 1 in the low
  // half; 0 is an empty slot.
  private var slots: [UInt64]
  /// Number of distinct keys (and codes given without one).
  private(set) var count = 0

  init(expectedCount: Int = 716) {
    slots = [UInt64](repeating: 0, count: Self.capacity(for: expectedCount))
  }

  /// Slots for `keys` keys at 70% full.
  private static func capacity(for keys: Int) -> Int { max(1024, keys / 7 * 10 + 10) }

  /// The slot where a key with upper hash bits `h` is looked for first.
  @inline(__always)
  fileprivate static func home(_ h: UInt64, _ capacity: Int) -> Int {
    Int(truncatingIfNeeded: (h &* UInt64(capacity)) >> 32)
  }

  /// Makes room for about `keys` more keys holding `keyBytes` bytes in all,
  /// so that interning them neither rehashes nor copies the arena.
  mutating func reserve(keys: Int, keyBytes: Int) {
    let capacity = Self.capacity(for: count + keys)
    if capacity > slots.count { rehash(capacity) }
    arena.reserveCapacity(arena.count + keys * 13 + keyBytes)
  }

  /// The code of `bytes`, added when new; `isNew` tells which.
  @inline(__always)
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32 = 0) -> (code: Int32, isNew: Bool) {
    intern(bytes, tag: tag, hash: Self.hash(bytes, tag: tag))
  }

  /// ``intern(_:tag:)`` with the key's hash computed beforehand, perhaps on
  /// another thread: ``hash(_:tag:)``, or any other function of the key
  /// that every call on this interner uses.
  @inline(__always)
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32, hash: UInt64) -> (code: Int32, isNew: Bool) {
    let (slot, found) = withView { $0.probe(bytes, tag: tag, hash: hash) }
    if found >= 0 { return (found, false) }
    let code = Int32(count)
    let record = arena.count
    precondition(record / 4 < Int(UInt32.max), "an interner holds at most 16 GiB of keys")
    appendRecord(code: code, tag: tag, bytes)
    slots.withUnsafeMutableBufferPointer { $0[slot] = (hash >> 32) << 32 | UInt64(record / 4 + 1) }
    count += 1
    if count * 10 > slots.count * 7 { grow() }
    return (code, true)
  }

  /// Appends the record of a new key to the arena.
  @inline(__always)
  private mutating func appendRecord(code: Int32, tag: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
    let long = bytes.count >= 0xFFFF
    let header = long ? 14 : 10
    let size = (header + bytes.count + 3) & ~3
    // Most keys are short: the record is built on the stack and appended at once.
    var short: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    let fits = size <= MemoryLayout.size(ofValue: short)
    withUnsafeMutableBytes(of: &short) { record in
      guard fits else { return }
      record.storeBytes(of: code, toByteOffset: 0, as: Int32.self)
      record.storeBytes(of: tag, toByteOffset: 4, as: Int32.self)
      record.storeBytes(of: UInt16(bytes.count), toByteOffset: 8, as: UInt16.self)
      if let base = bytes.baseAddress { (record.baseAddress! + header).copyMemory(from: base, byteCount: bytes.count) }
      arena.append(contentsOf: UnsafeRawBufferPointer(rebasing: record[0..<size]))
    }
    guard !fits else { return }
    let record = arena.count
    arena.append(contentsOf: repeatElement(0, count: size))
    arena.withUnsafeMutableBytes { arena in
      arena.storeBytes(of: code, toByteOffset: record, as: Int32.self)
      arena.storeBytes(of: tag, toByteOffset: record + 4, as: Int32.self)
      arena.storeBytes(of: long ? 0xFFFF : UInt16(bytes.count), toByteOffset: record + 8, as: UInt16.self)
      if long { arena.storeBytes(of: UInt32(bytes.count), toByteOffset: record + 10, as: UInt32.self) }
      if let base = bytes.baseAddress { (arena.baseAddress! + record + header).copyMemory(from: base, byteCount: bytes.count) }
    }
  }

  /// The code of `bytes` if it was interned.
  func find(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32 = 0) -> Int32? {
    let code = withView { $0.find(bytes, tag: tag, hash: Self.hash(bytes, tag: tag)) }
    return code >= 0 ? code : nil
  }

  /// Starts loading the slot where a key with this hash is looked for.
  @inline(__always)
  func prefetchSlot(hash: UInt64) { withView { $0.prefetchSlot(hash: hash) } }

  /// Starts loading the record of the first slot with this hash's bits, when
  /// there is one; the slots should have been prefetched a little earlier.
  @inline(__always)
  func prefetchRecord(hash: UInt64) { withView { $0.prefetchRecord(hash: hash) } }

  /// Interns the keys of `other`, none of which may be here yet, in their
  /// order. Both must use ``hash(_:tag:)``.
  mutating func append(_ other: ByteInterner) {
    other.forEachKey { key, tag in
      precondition(intern(key, tag: tag).isNew, "an appended key is already interned")
    }
  }

  /// All keys as strings, by code.
  func strings() -> [String] {
    var strings: [String] = []
    strings.reserveCapacity(count)
    forEachKey { key, _ in strings.append(String(decoding: key, as: UTF8.self)) }
    return strings
  }

  /// Calls `body` with each key and its tag, in code order.
  private func forEachKey(_ body: (UnsafeBufferPointer<UInt8>, Int32) -> Void) {
    arena.withUnsafeBytes { arena in
      var record = 0
      while record < arena.count {
        let tag = arena.load(fromByteOffset: record + 4, as: Int32.self)
        let (start, length) = View.key(arena, record)
        body(UnsafeBufferPointer(start: arena.baseAddress!.assumingMemoryBound(to: UInt8.self) + start, count: length), tag)
        record = (start + length + 3) & ~3
      }
    }
  }

  /// Runs `body` with a read-only view of the table, which other threads may
  /// share while nothing interns.
  func withView<R>(_ body: (View) -> R) -> R {
    slots.withUnsafeBufferPointer { slots in
      arena.withUnsafeBytes { arena in body(View(slots: slots, arena: arena)) }
    }
  }

  /// The table as raw buffers, valid inside ``withView(_:)`` only.
  struct View {
    let slots: UnsafeBufferPointer<UInt64>
    let arena: UnsafeRawBufferPointer

    /// Whether no key is interned.
    var isEmpty: Bool { arena.isEmpty }

    /// Where the key of the record at `record` starts in `arena`, and its length.
    @inline(__always)
    static func key(_ arena: UnsafeRawBufferPointer, _ record: Int) -> (start: Int, length: Int) {
      let short = arena.load(fromByteOffset: record + 8, as: UInt16.self)
      if short != 0xFFFF { return (record + 10, Int(short)) }
      return (record + 14, Int(arena.loadUnaligned(fromByteOffset: record + 10, as: UInt32.self)))
    }

    /// See ``ByteInterner/prefetchSlot(hash:)``.
    @inline(__always)
    func prefetchSlot(hash: UInt64) {
      analyze_prefetch(slots.baseAddress! + ByteInterner.home(hash >> 32, slots.count))
    }

    /// See ``ByteInterner/prefetchRecord(hash:)``.
    @inline(__always)
    func prefetchRecord(hash: UInt64) {
      let h = hash >> 32
      var slot = ByteInterner.home(h, slots.count)
      while true {
        let entry = slots[slot]
        if entry == 0 { return }
        if entry >> 32 == h {
          analyze_prefetch(arena.baseAddress! + Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) * 4 - 4)
          return
        }
        slot = slot + 1 == slots.count ? 0 : slot + 1
      }
    }

    /// The code of the key, or -1; `hash` as for ``ByteInterner/intern(_:tag:hash:)``.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32, hash: UInt64) -> Int32 {
      probe(bytes, tag: tag, hash: hash).code
    }

    /// The code of the key, or -1 and the empty slot where it would go.
    @inline(__always)
    func probe(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32, hash: UInt64) -> (slot: Int, code: Int32) {
      let h = hash >> 32
      var slot = ByteInterner.home(h, slots.count)
      while true {
        let entry = slots[slot]
        if entry == 0 { return (slot, -1) }
        if entry >> 32 == h {
          let record = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) * 4 - 4
          let (start, length) = Self.key(arena, record)
          if arena.load(fromByteOffset: record + 4, as: Int32.self) == tag, length == bytes.count,
            Self.equal(arena.baseAddress! + start, bytes)
          {
            return (slot, arena.load(fromByteOffset: record, as: Int32.self))
          }
        }
        slot = slot + 1 == slots.count ? 0 : slot + 1
      }
    }

    /// Whether the `bytes.count` bytes at `stored` equal `bytes`; a word at a time.
    @inline(__always)
    private static func equal(_ stored: UnsafeRawPointer, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      guard let base = bytes.baseAddress else { return true }
      let key = UnsafeRawPointer(base)
      let n = bytes.count
      var i = 0
      while i + 8 <= n {
        if stored.loadUnaligned(fromByteOffset: i, as: UInt64.self) != key.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
          return false
        }
        i += 8
      }
      while i < n {
        if stored.load(fromByteOffset: i, as: UInt8.self) != base[i] { return false }
        i += 1
      }
      return true
    }
  }

  private mutating func grow() { rehash(slots.count * 2) }

  private mutating func rehash(_ capacity: Int) {
    let old = slots
    slots = [UInt64](repeating: 0, count: capacity)
    slots.withUnsafeMutableBufferPointer { table in
      for entry in old where entry != 0 {
        // Only 32 bits of the hash are kept; they are enough to place keys
        // while the table has fewer than 2^32 slots.
        var slot = Self.home(entry >> 32, capacity)
        while table[slot] != 0 { slot = slot + 1 == capacity ? 0 : slot + 1 }
        table[slot] = entry
      }
    }
  }

  /// A fast 64-bit hash of `bytes` and `tag`, in the manner of wyhash:
  /// 16 bytes per 64×64→128-bit multiply, whose halves are folded together.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32) -> UInt64 {
    let secret0: UInt64 = 0xA076_1D64_78BD_642F
    let secret1: UInt64 = 0xE703_7ED1_A0B4_28DB
    var seed = secret0 ^ UInt64(UInt32(bitPattern: tag)) &* secret1
    let n = bytes.count
    var a: UInt64 = 0
    var b: UInt64 = 0
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      // Overlapping loads cover a short key without reading past it.
      if n >= 16 {
        var i = 0
        while i + 16 < n {
          seed = fold(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ secret1,
            raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self) ^ seed)
          i += 16
        }
        a = raw.loadUnaligned(fromByteOffset: n - 16, as: UInt64.self)
        b = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      } else if n >= 8 {
        a = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        b = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      } else if n >= 4 {
        a = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        b = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
      } else if n > 0 {
        a = UInt64(base[0]) << 16 | UInt64(base[n >> 1]) << 8 | UInt64(base[n - 1])
      }
    }
    return fold(secret1 ^ UInt64(n), fold(a ^ secret1, b ^ seed))
  }

  /// The two halves of the 128-bit product, xor-ed.
  @inline(__always)
  static func fold(_ x: UInt64, _ y: UInt64) -> UInt64 {
    let product = x.multipliedFullWidth(by: y)
    return product.high ^ product.low
  }

}
