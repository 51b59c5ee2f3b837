/// Ids (customer ids, CRM keys, any short text) numbered 0, 1, 2, … in order
/// of first appearance and found again by their UTF-8 bytes: the loader's
/// table, without a `String` or a `Hasher` per id. A `tag` keeps ids of
/// several kinds (a column's values, say) apart in one table.
///
/// ```swift
/// var ids = IDTable()
/// _ = ids.insert("C0000001")
/// ids.index(of: "C0000001")  // 0
/// ```
public struct IDTable: Sendable {
  private var interner = ByteInterner()

  public init() {}

  /// The number of distinct ids.
  public var count: Int { interner.count }

  /// The number of `id` of kind `tag`, added when new; `isNew` tells which.
  public mutating func insert(_ id: UnsafeBufferPointer<UInt8>, tag: Int32 = 0) -> (index: Int, isNew: Bool) {
    let interned = interner.intern(id, tag: tag)
    return (Int(interned.code), interned.isNew)
  }

  /// The number of `id`, added when new; `isNew` tells which.
  public mutating func insert(_ id: String) -> (index: Int, isNew: Bool) {
    var id = id
    return id.withUTF8 { insert($0) }
  }

  /// The number of `id` of kind `tag`, or `nil` when it was never inserted.
  public func index(of id: UnsafeBufferPointer<UInt8>, tag: Int32 = 0) -> Int? {
    interner.find(id, tag: tag).map(Int.init)
  }

  /// The number of `id`, or `nil` when it was never inserted.
  public func index(of id: String) -> Int? {
    var id = id
    return id.withUTF8 { index(of: $0) }
  }
}
