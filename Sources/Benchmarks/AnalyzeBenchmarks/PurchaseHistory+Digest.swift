import DataIngest

extension PurchaseHistory {
  /// A 64-bit hash of every column, the customer ids and the ingest report.
  ///
  /// Not cryptographic: it only has to change when an optimisation changes
  /// what the loader produces.
  var digest: UInt64 {
    var hasher = DigestHasher()
    for id in customerIDs { hasher.combine(id) }
    let t = transactions
    hasher.combine(t.customer)
    hasher.combine(t.order ?? [])
    hasher.combine([Int32(t.orderCount)])
    hasher.combine(t.day)
    hasher.combine(t.amount)
    hasher.combine(t.quantity ?? [])
    hasher.combine(t.discount ?? [])
    for column in [t.category, t.channel].compactMap({ $0 }) { hasher.combine(column) }
    if let c = customers {
      hasher.combine(c.customer)
      hasher.combine(c.signupDay ?? [])
      hasher.combine(c.birthYear ?? [])
      for (name, column) in c.categoricalColumns + c.attributes {
        hasher.combine(name)
        hasher.combine(column)
      }
    }
    if let e = events {
      hasher.combine(e.customer)
      hasher.combine(e.day)
      hasher.combine(e.type)
      hasher.combine(e.value)
    }
    for file in ingest.files {
      hasher.combine([file.rowsRead, file.accepted, file.rejected, file.duplicates, file.unknownCustomers].map(Int32.init))
    }
    for reject in ingest.rejects {
      hasher.combine("\(reject.line) \(reject.column) \(reject.reason) \(reject.text)")
    }
    return hasher.value
  }
}

/// Multiply–xorshift over 8-byte words: fast enough to hash a billion bytes.
private struct DigestHasher {
  private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

  mutating func combine(word: UInt64) {
    value = (value ^ word) &* 0x9FB2_1C65_1E98_DF25
    value ^= value >> 29
  }

  mutating func combine<T: BitwiseCopyable>(_ values: [T]) {
    combine(word: UInt64(values.count))
    values.withUnsafeBytes { raw in
      var i = 0
      while i + 8 <= raw.count {
        combine(word: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        i += 8
      }
      while i < raw.count {
        combine(word: UInt64(raw[i]))
        i += 1
      }
    }
  }

  mutating func combine(_ text: String) { combine(Array(text.utf8)) }

  mutating func combine(_ column: CategoricalColumn) {
    combine(column.codes)
    for level in column.levels { combine(level) }
  }
}
