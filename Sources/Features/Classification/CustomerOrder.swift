/// Deterministic orderings of customers by one numeric value, ties broken by
/// customer_id — the kernel behind RFM quintiles and ABC value tiers.
///
/// Ranking 1,000,000 customers three times with a comparison sort whose
/// comparator falls back to `String` on every tie is slow, because most
/// customers tie on frequency. So the ids are sorted **once**
/// (``idOrder(_:)``), customers are laid out in that order, and each value is
/// then ordered by a **stable** least-significant-digit radix sort on an
/// order-preserving 64-bit key: stability keeps tied customers in id order, so
/// no string is compared again.
///
/// ```
/// key(x) = bits(x) | 1<<63   for x ≥ +0      (-0 is folded to +0 first)
///        = ~bits(x)          for x < 0
/// descending order uses ~key(x)
/// ```
///
/// Internal: callers pass validated input (no NaN among the values handed in).
///
/// - Complexity: ``idOrder(_:)`` O(n log n) string comparisons; ``order(of:in:descending:)``
///   O(n) with at most four 16-bit passes (passes whose digit is the same for
///   every key are skipped).
enum CustomerOrder {
  /// Customer indexes sorted by id with `String`'s `<`, equal ids by index.
  ///
  /// Swift compares strings by the Unicode scalar values of their canonical
  /// (NFC) forms, independent of locale, so the order is the same on every
  /// machine; for NFC text (all ASCII ids) it is plain code-point order, which
  /// is also Python's `str` order.
  ///
  /// When every id is ASCII — the usual case — byte order *is* that order, so
  /// the ids are first radix-sorted on the 8 bytes that follow their common
  /// prefix (`C000…` ids differ only after it), and only ids whose 8 bytes
  /// agree are compared as strings. Otherwise every id is compared as a string.
  static func idOrder(_ ids: [String]) -> [Int32] {
    var order = (0..<Int32(ids.count)).map { $0 }
    if var keys = asciiWindowKeys(ids) {
      radixSort(keys: &keys, items: &order)
      sortRuns(&order, ids: ids) { _, i, j in keys[i] == keys[j] }
    } else {
      // One string comparison per step (a tie-aware comparator costs two).
      order.sort { ids[Int($0)] < ids[Int($1)] }
      sortRuns(&order, ids: ids) { order, i, j in ids[Int(order[i])] == ids[Int(order[j])] }
    }
    return order
  }

  /// Sorts each run of positions that `sameRun(order, i, j)` says belong together by
  /// (id, index), so equal ids always end in index order.
  private static func sortRuns(
    _ order: inout [Int32], ids: [String], sameRun: ([Int32], Int, Int) -> Bool
  ) {
    var start = 0
    let n = order.count
    while start < n {
      var end = start + 1
      while end < n && sameRun(order, start, end) { end += 1 }
      if end - start > 1 {
        order[start..<end].sort { a, b in
          let x = ids[Int(a)], y = ids[Int(b)]
          return x != y ? x < y : a < b
        }
      }
      start = end
    }
  }

  /// Per id, its UTF-8 bytes `p ..< p + 8` as a big-endian integer, padded
  /// with zero bytes, where `p` is the length of the prefix every id shares;
  /// `nil` when any id is not ASCII.
  ///
  /// For ASCII ids, key order agrees with `String` order wherever keys
  /// differ: the first differing byte decides both, and an id that ends early
  /// pads with 0, below every other byte, as a shorter prefix sorts first.
  private static func asciiWindowKeys(_ ids: [String]) -> [UInt64]? {
    guard let first = ids.first else { return [] }
    let head = Array(first.utf8)
    var prefix = head.count
    for id in ids {
      var i = 0
      for byte in id.utf8 {
        guard byte < 0x80 else { return nil }
        if i >= prefix || byte != head[i] { break }
        i += 1
      }
      prefix = min(prefix, i)
      // The prefix check stopped early; finish the ASCII check.
      guard id.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    }
    return ids.map { id in
      var key: UInt64 = 0
      var taken = 0
      for byte in id.utf8.dropFirst(prefix).prefix(8) {
        key = key << 8 | UInt64(byte)
        taken += 1
      }
      return taken == 8 ? key : key << UInt64(8 * (8 - taken))
    }
  }

  /// The customers of `idOrder` that have a value (not NaN), ordered by value
  /// (ascending, or descending), customers with equal values kept in `idOrder`.
  static func order(of values: [Double], in idOrder: [Int32], descending: Bool) -> [Int32] {
    var keys: [UInt64] = []
    var items: [Int32] = []
    keys.reserveCapacity(idOrder.count)
    items.reserveCapacity(idOrder.count)
    for customer in idOrder {
      let value = values[Int(customer)]
      guard !value.isNaN else { continue }
      let key = orderKey(value)
      keys.append(descending ? ~key : key)
      items.append(customer)
    }
    radixSort(keys: &keys, items: &items)
    return items
  }

  /// An unsigned key whose order is the numeric order of `value` (not NaN).
  @inline(__always)
  static func orderKey(_ value: Double) -> UInt64 {
    let bits = (value + 0.0).bitPattern  // -0 + 0 = +0 under round-to-nearest
    return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
  }

  /// Stable LSD radix sort of `keys`, carrying `items` along.
  static func radixSort(keys: inout [UInt64], items: inout [Int32]) {
    let n = keys.count
    guard n > 1 else { return }
    var counts = [Int](repeating: 0, count: 4 << 16)
    for key in keys {
      counts[Int(key & 0xFFFF)] += 1
      counts[65536 + Int((key >> 16) & 0xFFFF)] += 1
      counts[131072 + Int((key >> 32) & 0xFFFF)] += 1
      counts[196608 + Int(key >> 48)] += 1
    }
    var keyBuffer = [UInt64](repeating: 0, count: n)
    var itemBuffer = [Int32](repeating: 0, count: n)
    for pass in 0..<4 {
      let base = pass << 16
      let shift = UInt64(pass * 16)
      // A digit shared by every key leaves the order unchanged: skip the pass.
      if counts[base + Int((keys[0] >> shift) & 0xFFFF)] == n { continue }
      var offset = 0
      for digit in 0..<65536 {
        let c = counts[base + digit]
        counts[base + digit] = offset
        offset += c
      }
      for i in 0..<n {
        let digit = base + Int((keys[i] >> shift) & 0xFFFF)
        let to = counts[digit]
        counts[digit] = to + 1
        keyBuffer[to] = keys[i]
        itemBuffer[to] = items[i]
      }
      swap(&keys, &keyBuffer)
      swap(&items, &itemBuffer)
    }
  }
}
