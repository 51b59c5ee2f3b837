/// A list of short strings stored back to back as UTF-8, so appending one
/// is a single copy (dates, categories, city names).
struct ByteTable: Sendable {
  let storage: [UInt8]
  /// `offsets[i]..<offsets[i + 1]` are the bytes of string `i`.
  let offsets: [Int]

  init<S: Sequence>(_ strings: S) where S.Element == String {
    var storage: [UInt8] = []
    var offsets = [0]
    for string in strings {
      storage.append(contentsOf: string.utf8)
      offsets.append(storage.count)
    }
    self.storage = storage
    self.offsets = offsets
  }
}
