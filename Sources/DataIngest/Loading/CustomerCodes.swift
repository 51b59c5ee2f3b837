/// The customer ids a file adds to those known before it, numbered after
/// them in order of first appearance. The parsing threads look ids up among
/// the known ones, which stay unchanged while the file loads.
struct CustomerCodes {
  private let knownCount: Int
  private var added = ByteInterner(expectedCount: 1 << 12)

  init(knownCount: Int) { self.knownCount = knownCount }

  /// The index of a customer id: `knownCode` when parsing found it among the
  /// known ids (≥ 0), else that of the added id, added when new. `hash` is
  /// `ByteInterner.hash(bytes, tag: 0)`.
  @inline(__always)
  mutating func code(knownCode: Int32, _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
    knownCode >= 0 ? knownCode : Int32(knownCount) + added.intern(bytes, tag: 0, hash: hash).code
  }

  /// Makes room for about `keys` more ids of `keyBytes` bytes in all.
  mutating func reserve(_ keys: Int, keyBytes: Int) { added.reserve(keys: keys, keyBytes: keyBytes) }

  /// Starts loading what looking up an id not among the known ones reads:
  /// the slot for row `far` of `cells`, the record for row `near`.
  @inline(__always)
  func prefetch(_ cells: CustomerCells, slotOf far: Int, recordOf near: Int) {
    if cells.known[far] < 0 { added.prefetchSlot(hash: cells.hash[far]) }
    if cells.known[near] < 0 { added.prefetchRecord(cells.text[near], tag: 0, hash: cells.hash[near]) }
  }

  /// Whether the id is already known or added.
  func contains(knownCode: Int32, _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
    knownCode >= 0 || added.withView { $0.find(bytes, tag: 0, hash: hash) } >= 0
  }

  /// Adds the added ids to `known`, the ids this file started from.
  consuming func merge(into known: inout ByteInterner) {
    if known.count == 0 {
      known = added
    } else {
      known.append(added)
    }
  }
}

/// The customer id of each row of a block, as parsing found it.
struct CustomerCells {
  var text = RowBuffer<UnsafeBufferPointer<UInt8>>()
  /// `ByteInterner.hash(text, tag: 0)`.
  var hash = RowBuffer<UInt64>()
  /// The index among the ids known before the file, or -1.
  var known = RowBuffer<Int32>()

  /// Adds a row's trimmed customer id cell; ``lookUp(in:)`` finds it among
  /// the known ids once the block's rows are added.
  @inline(__always)
  mutating func append(_ customer: UnsafeBufferPointer<UInt8>) {
    text.append(customer)
    hash.append(ByteInterner.hash(customer, tag: 0))
    known.append(-1)
  }

  /// Looks the ids of the rows up among the known ids, a block at a time so
  /// that the lookups of rows a little ahead are started early.
  mutating func lookUp(in view: ByteInterner.View) {
    guard !view.isEmpty else { return }
    let ahead = 16
    for row in 0..<text.count {
      if row + ahead < text.count { view.prefetchSlot(hash: hash[row + ahead]) }
      if row + ahead / 2 < text.count { view.prefetchRecord(text[row + ahead / 2], tag: 0, hash: hash[row + ahead / 2]) }
      if !text[row].isEmpty { known[row] = view.find(text[row], tag: 0, hash: hash[row]) }
    }
  }

  /// Whether the customer of the row added last is not in the customers
  /// table, whose customers have indexes below `knownCustomers` (-1: no
  /// table); `view` holds the known ids.
  func lastIsUnknown(knownCustomers: Int, known view: ByteInterner.View) -> Bool {
    let row = text.count - 1
    guard knownCustomers >= 0, !text[row].isEmpty else { return false }
    let code = view.isEmpty ? -1 : view.find(text[row], tag: 0, hash: hash[row])
    return code < 0 || Int(code) >= knownCustomers
  }

  mutating func removeAll() {
    text.removeAll()
    hash.removeAll()
    known.removeAll()
  }

  func deallocate() {
    text.deallocate()
    hash.deallocate()
    known.deallocate()
  }
}

extension CustomerCodes {
  /// The index of the customer of row `row` of `cells`.
  @inline(__always)
  mutating func code(_ cells: CustomerCells, _ row: Int) -> Int32 {
    code(knownCode: cells.known[row], cells.text[row], hash: cells.hash[row])
  }
}
