/// Numbers the orders of the transactions file's kept rows 0, 1, 2, … in
/// order of first appearance of their key, (customer, `order_id`); a row
/// without an order id is an order of its own.
///
/// The rows of an order usually follow each other, so while the file is read
/// each run of rows with one key only gets the next number, and its key and
/// fingerprint are put aside without a lookup: interning every key as it came
/// cost a cache miss per order on the load's ordered path, and a 250 MB table
/// for 7.8 million orders. Once the file is read, ``DuplicateRows`` finds the
/// fingerprints that several runs share, a part at a time in the cache, and
/// only the keys of those runs are interned, exactly, to give the runs of
/// one order one code. Without such runs the run numbers are the codes.
struct OrderRuns {
  /// Per kept row, its run; its order once ``resolve(threads:)`` ran.
  private(set) var codes: [Int32] = []
  private var runCount = 0
  /// Per run with an order id, its fingerprint.
  private var fingerprints: FingerprintParts?
  /// The fingerprints of the runs of the block being added.
  private var blockFingerprints = RowBuffer<UInt64>()
  /// The keys of the runs with an order id, in run order.
  private var keys = OrderKeys()
  /// One bit per run: whether it is a row without an order id.
  private var isOwnOrder: [UInt64] = []
  /// Whether the last run has an order id, whose key is the last of ``keys``.
  private var lastRunHasKey = false

  /// Frees the storage; call once, when done.
  func deallocate() {
    blockFingerprints.deallocate()
    keys.deallocate()
  }

  /// Adds the next kept row, of `customer`, with the order id `order`
  /// (empty when it has none).
  @inline(__always)
  mutating func add(customer: Int32, order: UnsafeBufferPointer<UInt8>) {
    if order.isEmpty {
      Self.setBit(&isOwnOrder, Int32(truncatingIfNeeded: runCount))
      lastRunHasKey = false
    } else if lastRunHasKey && keys.lastIs(customer: customer, order) {
      codes.append(Int32(runCount - 1))
      return
    } else {
      keys.append(customer: customer, order)
      blockFingerprints.append(Self.fingerprint(customer, order))
      lastRunHasKey = true
    }
    precondition(runCount < Int(Int32.max), "a file holds at most 2^31 - 1 orders")
    codes.append(Int32(runCount))
    runCount += 1
  }

  /// Ends a block of rows; after the first, room is made for the file's
  /// keys, of about `expectedRows` rows in all, at the first block's rate.
  mutating func endBlock(expectedRows: Int) {
    if fingerprints == nil {
      codes.reserveCapacity(expectedRows.generousCapacity)
      fingerprints = FingerprintParts(expectedRows: expectedRows, rowsPerPart: DuplicateRows.rowsPerPart)
      if !codes.isEmpty {
        keys.reserve(Int(Double(keys.byteCount) / Double(codes.count) * Double(expectedRows.generousCapacity)))
      }
    }
    fingerprints!.append(blockFingerprints.prefix)
    blockFingerprints.removeAll()
  }

  /// Turns the run of each row into its order's code, and returns the number
  /// of orders and whether each code is a row without an order id.
  mutating func resolve(threads: Int) -> (count: Int, isOwnOrder: (Int32) -> Bool) {
    let repeated = fingerprints.map { DuplicateRows.repeatedFingerprints(in: $0, threads: threads) } ?? FingerprintSet()
    fingerprints = nil
    guard !repeated.isEmpty else {
      let isOwnOrder = self.isOwnOrder
      return (runCount, { Self.bit(isOwnOrder, $0) })
    }
    // Runs whose fingerprint no other run has are orders of their own; the
    // others are joined by their exact keys.
    var exact = ByteInterner()
    var codeOfKey: [Int32] = []
    var codeOfRun = [Int32](repeating: 0, count: runCount)
    var ownCodes: [UInt64] = []
    var next: Int32 = 0
    var record = 0
    for run in 0..<runCount {
      if isOwn(Int32(run)) {
        Self.setBit(&ownCodes, next)
        codeOfRun[run] = next
        next += 1
        continue
      }
      let key = keys.key(at: record)
      record = key.next
      if repeated.contains(Self.fingerprint(key.customer, key.order)) {
        let interned = exact.intern(key.order, tag: key.customer)
        if interned.isNew {
          codeOfKey.append(next)
          next += 1
        }
        codeOfRun[run] = codeOfKey[Int(interned.code)]
      } else {
        codeOfRun[run] = next
        next += 1
      }
    }
    for row in codes.indices { codes[row] = codeOfRun[Int(codes[row])] }
    return (Int(next), { Self.bit(ownCodes, $0) })
  }

  /// Takes the codes out.
  mutating func takeCodes() -> [Int32] {
    defer { codes = [] }
    return codes
  }

  private func isOwn(_ run: Int32) -> Bool { Self.bit(isOwnOrder, run) }

  @inline(__always)
  private static func bit(_ bits: [UInt64], _ index: Int32) -> Bool {
    let word = Int(index) >> 6
    return word < bits.count && bits[word] & 1 << UInt64(index & 63) != 0
  }

  private static func setBit(_ bits: inout [UInt64], _ index: Int32) {
    let word = Int(index) >> 6
    if word >= bits.count { bits.append(contentsOf: repeatElement(0, count: word + 1 - bits.count)) }
    bits[word] |= 1 << UInt64(index & 63)
  }

  /// A run's fingerprint for ``DuplicateRows``; never 0.
  @inline(__always)
  private static func fingerprint(_ customer: Int32, _ order: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let h = ByteInterner.hash(order, tag: customer)
    return h == 0 ? 1 : h
  }
}
