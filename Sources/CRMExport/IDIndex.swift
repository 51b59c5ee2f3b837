import Foundation

/// Distinct ids in the order added, found again as a `[String: Int]` would
/// find them (Swift's string equality), without hashing a million of them
/// when they come ASCII and ascending, as the toolkit's own files list
/// customers: those are found by binary search on their bytes.
struct IDIndex {
  /// The ids added, each once.
  let ids = TextColumn()
  /// Set once an id breaks the ASCII ascending order; from then on every id is in it.
  private var positions: [String: Int]? = nil

  /// Adds `id` unless an equal one is there.
  /// - Returns: the position of the equal id already added, or `nil` when `id` is new.
  mutating func insert(_ id: String) -> Int? {
    var id = id
    return id.withUTF8 { insert(bytes: $0) }
  }

  /// ``insert(_:)`` of the text of these bytes (valid UTF-8).
  mutating func insert(bytes id: UnsafeBufferPointer<UInt8>) -> Int? {
    if positions == nil {
      let view = ids.view
      if TextBytes.isASCII(id) && (view.count == 0 || TextBytes.precedes(view[view.count - 1], id)) {
        ids.append(id)
        return nil
      }
      // ASCII ids differ exactly when their bytes do: the ascending ones so far are distinct.
      positions = Dictionary(uniqueKeysWithValues: (0..<view.count).map { (view.string($0), $0) })
    }
    let text = String(decoding: id, as: UTF8.self)
    if let earlier = positions![text] { return earlier }
    positions![text] = ids.count
    ids.append(id)
    return nil
  }

  /// The first id, when the ids are ASCII and ascend (so are told apart by their bytes).
  var firstIfAscending: String? { positions == nil && ids.count > 0 ? ids[0] : nil }

  /// The position of the id equal to the text of these bytes (valid UTF-8), if any.
  func position(of id: UnsafeBufferPointer<UInt8>) -> Int? {
    if let positions { return positions[String(decoding: id, as: UTF8.self)] }
    guard TextBytes.isASCII(id) else {
      // A string equals an ASCII one only when its canonical decomposition is
      // that ASCII text (the Kelvin sign K is K).
      var key = String(decoding: id, as: UTF8.self).decomposedStringWithCanonicalMapping
      return key.withUTF8 { TextBytes.isASCII($0) ? search($0) : nil }
    }
    return search(id)
  }

  /// ``position(of:)`` of an id looked for after the one at `hint`: ids
  /// asked in ascending order are found by searching ahead of the last
  /// (a run's customers are most of a customers file's, in its order).
  func position(of id: UnsafeBufferPointer<UInt8>, after hint: Int) -> Int? {
    let view = ids.view
    guard positions == nil, hint >= 0, hint < view.count, TextBytes.isASCII(id), TextBytes.precedes(view[hint], id)
    else { return position(of: id) }
    // Every id before `low` precedes `id`; the one at `high` (if any) does not.
    var low = hint + 1
    var step = 1
    var high = low
    while high < view.count && TextBytes.precedes(view[high], id) {
      low = high + 1
      high = low + step
      step *= 2
    }
    return search(id, from: low, to: min(high + 1, view.count))
  }

  /// Binary search of the ascending ASCII ids, `id` not before `from` nor after `to`.
  private func search(_ key: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil) -> Int? {
    let view = ids.view
    var low = from
    var high = to ?? view.count
    while low < high {
      let middle = (low + high) / 2
      if TextBytes.precedes(view[middle], key) { low = middle + 1 } else { high = middle }
    }
    return low < view.count && TextBytes.equal(view[low], key) ? low : nil
  }
}
