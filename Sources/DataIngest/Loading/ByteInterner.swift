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
/// interning millions of ids costs a few arrays, not a `String` per row. The
/// tag lets one table key on (customer, order id) without building the pair.
///
/// A slot holds a key's code, length and 24 hash bits, and a short key
/// (untagged, at most 8 bytes: most customer ids) itself, so finding a short
/// key reads one slot, one cache miss for random keys, which
/// ``prefetchSlot(hash:)`` can start early. A longer key is checked against
/// its record, a second miss, which ``prefetchRecord(_:tag:hash:)`` can start. The
/// table is at most 70% full; the hash is scaled to its size, so a table
/// sized for its keys wastes nothing to rounding.
struct ByteInterner {
  /// Records in code order, each starting at a multiple of 4: the tag
  /// (`Int32`), the length (`UInt16`; 0xFFFF and a `UInt32` for long keys),
  /// then the bytes, padded to a multiple of 4.
  private var arena: [UInt8] = []
  /// Two words a slot. The first: the hash's top 24 bits, the length (8 bits,
  /// ``long`` unless the key is short), and code + 1 (32 bits); 0 is an empty
  /// slot. The second: a short key's bytes, zero-padded (little-endian), or
  /// where a long key's record starts, divided by 4.
  private var slots: [UInt64]

  /// The length a slot gives a key that is not short.
  fileprivate static let long: UInt64 = 0xFF

  /// Number of distinct keys.
  private(set) var count = 0

  init(expectedCount: Int = 716) {
    slots = [UInt64](repeating: 0, count: 2 * Self.capacity(for: expectedCount))
  }

  /// Slots for `keys` keys at 70% full.
  private static func capacity(for keys: Int) -> Int { max(1024, keys / 7 * 10 + 10) }

  /// The slot where a key with hash `hash` is looked for first.
  @inline(__always)
  fileprivate static func home(_ hash: UInt64, _ capacity: Int) -> Int {
    Int(truncatingIfNeeded: ((hash >> 32) &* UInt64(capacity)) >> 32)
  }

  /// Makes room for about `keys` more keys holding `keyBytes` bytes in all,
  /// so that interning them neither rehashes nor copies the arena.
  mutating func reserve(keys: Int, keyBytes: Int) {
    let capacity = Self.capacity(for: count + keys)
    if 2 * capacity > slots.count { rehash(capacity) }
    arena.reserveCapacity(arena.count + keys * 9 + keyBytes)
  }

  /// The code of `bytes`, added when new; `isNew` tells which.
  @inline(__always)
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32 = 0) -> (code: Int32, isNew: Bool) {
    intern(bytes, tag: tag, hash: Self.hash(bytes, tag: tag))
  }

  /// ``intern(_:tag:)`` with the key's ``hash(_:tag:)`` computed beforehand,
  /// perhaps on another thread.
  @inline(__always)
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32, hash: UInt64) -> (code: Int32, isNew: Bool) {
    let key = View.Key(bytes, tag: tag, hash: hash)
    let (slot, found) = withView { $0.probe(key) }
    if found >= 0 { return (found, false) }
    precondition(count < Int(UInt32.max) - 1, "an interner holds fewer than 2^32 - 1 keys")
    let code = Int32(truncatingIfNeeded: count)
    let record = arena.count
    appendRecord(tag: tag, bytes)
    count += 1
    slots.withUnsafeMutableBufferPointer {
      $0[2 * slot] = key.meta | UInt64(UInt32(bitPattern: code) &+ 1)
      $0[2 * slot + 1] = key.isShort ? key.inline : UInt64(record / 4)
    }
    // Twice the slots: two words a slot.
    if count * 10 > slots.count / 2 * 7 { rehash(slots.count) }
    return (code, true)
  }

  /// Appends the record of a new key to the arena.
  @inline(__always)
  private mutating func appendRecord(tag: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
    let long = bytes.count >= 0xFFFF
    let header = long ? 10 : 6
    let size = (header + bytes.count + 3) & ~3
    // Most keys are short: the record is built on the stack and appended at once.
    var short: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    let fits = size <= MemoryLayout.size(ofValue: short)
    withUnsafeMutableBytes(of: &short) { record in
      guard fits else { return }
      record.storeBytes(of: tag, toByteOffset: 0, as: Int32.self)
      record.storeBytes(of: UInt16(bytes.count), toByteOffset: 4, as: UInt16.self)
      if let base = bytes.baseAddress { (record.baseAddress! + header).copyMemory(from: base, byteCount: bytes.count) }
      arena.append(contentsOf: UnsafeRawBufferPointer(rebasing: record[0..<size]))
    }
    guard !fits else { return }
    let record = arena.count
    arena.append(contentsOf: repeatElement(0, count: size))
    arena.withUnsafeMutableBytes { arena in
      arena.storeBytes(of: tag, toByteOffset: record, as: Int32.self)
      arena.storeBytes(of: long ? 0xFFFF : UInt16(bytes.count), toByteOffset: record + 4, as: UInt16.self)
      if long { arena.storeBytes(of: UInt32(bytes.count), toByteOffset: record + 6, as: UInt32.self) }
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

  /// Starts loading the record of a long key, which a lookup reads beside
  /// its slot; nothing for a short key. The slots should have been
  /// prefetched a little earlier.
  @inline(__always)
  func prefetchRecord(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32, hash: UInt64) {
    withView { $0.prefetchRecord(bytes, tag: tag, hash: hash) }
  }

  /// Interns the keys of `other`, none of which may be here yet, in their
  /// order.
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
        let (tag, key) = View.key(arena, record)
        body(key, tag)
        record = View.end(of: key, in: arena)
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

    /// A key as its slot would hold it.
    struct Key {
      let bytes: UnsafeBufferPointer<UInt8>
      let tag: Int32
      let hash: UInt64
      /// The first word of its slot, without the code.
      let meta: UInt64
      /// The second word of its slot.
      let inline: UInt64
      var isShort: Bool { meta & (ByteInterner.long << 32) != ByteInterner.long << 32 }

      /// Whether a slot holds the key itself: untagged, at most 8 bytes.
      @inline(__always)
      static func isShort(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32) -> Bool { tag == 0 && bytes.count <= 8 }

      @inline(__always)
      init(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32, hash: UInt64) {
        self.bytes = bytes
        self.tag = tag
        self.hash = hash
        let isShort = Self.isShort(bytes, tag: tag)
        var inline: UInt64 = 0
        if isShort, let base = bytes.baseAddress {
          if bytes.count == 8 {
            inline = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
          } else {
            withUnsafeMutableBytes(of: &inline) { $0.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
          }
        }
        self.inline = inline
        meta = (hash >> 40) << 40 | (isShort ? UInt64(bytes.count) : ByteInterner.long) << 32
      }
    }

    /// Whether no key is interned.
    var isEmpty: Bool { arena.isEmpty }

    /// The tag and key of the record at byte `record` of `arena`.
    @inline(__always)
    static func key(_ arena: UnsafeRawBufferPointer, _ record: Int) -> (tag: Int32, key: UnsafeBufferPointer<UInt8>) {
      let tag = arena.load(fromByteOffset: record, as: Int32.self)
      let short = arena.load(fromByteOffset: record + 4, as: UInt16.self)
      let (start, length) =
        short != 0xFFFF
        ? (record + 6, Int(short)) : (record + 10, Int(arena.loadUnaligned(fromByteOffset: record + 6, as: UInt32.self)))
      let base = arena.baseAddress!.assumingMemoryBound(to: UInt8.self) + start
      return (tag, UnsafeBufferPointer(start: base, count: length))
    }

    /// Where the record after the one holding `key` starts in `arena`.
    @inline(__always)
    static func end(of key: UnsafeBufferPointer<UInt8>, in arena: UnsafeRawBufferPointer) -> Int {
      let end = UnsafeRawPointer(key.baseAddress!) - arena.baseAddress! + key.count
      return (end + 3) & ~3
    }

    /// See ``ByteInterner/prefetchSlot(hash:)``.
    @inline(__always)
    func prefetchSlot(hash: UInt64) {
      analyze_prefetch(slots.baseAddress! + 2 * ByteInterner.home(hash, slots.count / 2))
    }

    /// See ``ByteInterner/prefetchRecord(_:tag:hash:)``.
    @inline(__always)
    func prefetchRecord(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32, hash: UInt64) {
      // Reading the slot of a short key would only wait for it.
      guard !Key.isShort(bytes, tag: tag) else { return }
      let capacity = slots.count / 2
      var slot = ByteInterner.home(hash, capacity)
      while true {
        let meta = slots[2 * slot]
        if meta == 0 { return }
        if meta >> 40 == hash >> 40 && (meta >> 32) & ByteInterner.long == ByteInterner.long {
          analyze_prefetch(arena.baseAddress! + Int(slots[2 * slot + 1]) * 4)
          return
        }
        slot = slot + 1 == capacity ? 0 : slot + 1
      }
    }

    /// The code of the key, or -1; `hash` is its ``ByteInterner/hash(_:tag:)``.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32, hash: UInt64) -> Int32 {
      probe(Key(bytes, tag: tag, hash: hash)).code
    }

    /// The code of the key, or -1 and the empty slot where it would go.
    @inline(__always)
    func probe(_ key: Key) -> (slot: Int, code: Int32) {
      let capacity = slots.count / 2
      var slot = ByteInterner.home(key.hash, capacity)
      while true {
        let meta = slots[2 * slot]
        if meta == 0 { return (slot, -1) }
        if meta & ~0xFFFF_FFFF == key.meta {
          let code = Int32(truncatingIfNeeded: meta & 0xFFFF_FFFF) - 1
          if key.isShort {
            if slots[2 * slot + 1] == key.inline { return (slot, code) }
          } else {
            let stored = Self.key(arena, Int(slots[2 * slot + 1]) * 4)
            if stored.tag == key.tag && stored.key.count == key.bytes.count && Self.equal(stored.key, key.bytes) {
              return (slot, code)
            }
          }
        }
        slot = slot + 1 == capacity ? 0 : slot + 1
      }
    }

    /// Whether two byte strings of one length are equal; a word at a time.
    @inline(__always)
    private static func equal(_ stored: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      guard let base = bytes.baseAddress, let storedBase = stored.baseAddress else { return true }
      let key = UnsafeRawPointer(base)
      let other = UnsafeRawPointer(storedBase)
      let n = bytes.count
      var i = 0
      while i + 8 <= n {
        if other.loadUnaligned(fromByteOffset: i, as: UInt64.self) != key.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
          return false
        }
        i += 8
      }
      while i < n {
        if storedBase[i] != base[i] { return false }
        i += 1
      }
      return true
    }
  }

  /// Places every key anew in a table of `capacity` slots, twice as many
  /// when they would be more than 70% full. The slots keep 24 hash bits
  /// only, so the keys are hashed again from their records.
  private mutating func rehash(_ capacity: Int) {
    var capacity = capacity
    while count * 10 > capacity * 7 { capacity *= 2 }
    var table = [UInt64](repeating: 0, count: 2 * capacity)
    arena.withUnsafeBytes { arena in
      table.withUnsafeMutableBufferPointer { table in
        var record = 0
        for code in 0..<count {
          let (tag, bytes) = View.key(arena, record)
          let key = View.Key(bytes, tag: tag, hash: Self.hash(bytes, tag: tag))
          var slot = Self.home(key.hash, capacity)
          while table[2 * slot] != 0 { slot = slot + 1 == capacity ? 0 : slot + 1 }
          table[2 * slot] = key.meta | UInt64(code + 1)
          table[2 * slot + 1] = key.isShort ? key.inline : UInt64(record / 4)
          record = View.end(of: bytes, in: arena)
        }
      }
    }
    slots = table
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
