import Foundation

/// Distinct ids in the order added, found again as a `[String: Int]` would
/// find them (Swift's string equality), without hashing a million of them
/// when they come ASCII and ascending, as the toolkit's own files list
/// customers: those are found by binary search.
struct IDIndex {
  /// The ids added, each once.
  private(set) var ids: [String] = []
  /// Set once an id breaks the ASCII ascending order; from then on every id is in it.
  private var positions: [String: Int]? = nil

  /// Adds `id` unless an equal one is there.
  /// - Returns: the position of the equal id already added, or `nil` when `id` is new.
  mutating func insert(_ id: String) -> Int? {
    if positions == nil {
      if Self.isASCII(id) && (ids.last.map { $0.utf8.lexicographicallyPrecedes(id.utf8) } ?? true) {
        ids.append(id)
        return nil
      }
      // ASCII ids differ exactly when their bytes do: the ascending ones so far are distinct.
      positions = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    }
    if let earlier = positions![id] { return earlier }
    positions![id] = ids.count
    ids.append(id)
    return nil
  }

  /// The position of the id equal to `id`, if any.
  func position(of id: String) -> Int? {
    if let positions { return positions[id] }
    // A string equals an ASCII one only when its canonical decomposition is
    // that ASCII text (the Kelvin sign K is K).
    let key = Self.isASCII(id) ? id : id.decomposedStringWithCanonicalMapping
    guard Self.isASCII(key) else { return nil }
    var low = 0
    var high = ids.count
    while low < high {
      let middle = (low + high) / 2
      if ids[middle].utf8.lexicographicallyPrecedes(key.utf8) { low = middle + 1 } else { high = middle }
    }
    return low < ids.count && ids[low].utf8.elementsEqual(key.utf8) ? low : nil
  }

  private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }
}
