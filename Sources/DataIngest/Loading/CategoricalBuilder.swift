/// Builds a ``CategoricalColumn`` in row order from the codes that parsing
/// threads gave each cell in their own ``LocalCategories``.
///
/// Levels are numbered in order of first appearance among the rows
/// appended, as if each cell were interned in turn: each thread's local
/// code is mapped to its level the first time it is appended.
struct CategoricalBuilder {
  private var interner = ByteInterner(expectedCount: 64)
  private(set) var codes: [Int32] = []
  /// Per worker, the level of each local code (-1: not appended yet).
  private var levelOfLocal: [[Int32]] = []

  /// Appends a cell: `local` is its code in the ``LocalCategories`` of
  /// thread `worker` (``CategoricalColumn/missing`` for an empty cell), and
  /// `text` its bytes.
  @inline(__always)
  mutating func append(local: Int32, worker: Int, text: UnsafeBufferPointer<UInt8>) {
    guard local != CategoricalColumn.missing else {
      codes.append(CategoricalColumn.missing)
      return
    }
    let index = Int(local)
    if worker < levelOfLocal.count, index < levelOfLocal[worker].count {
      let level = levelOfLocal[worker][index]
      if level >= 0 {
        codes.append(level)
        return
      }
    }
    codes.append(level(worker: worker, local: index, text: text))
  }

  /// The level of a local code seen for the first time.
  private mutating func level(worker: Int, local: Int, text: UnsafeBufferPointer<UInt8>) -> Int32 {
    while levelOfLocal.count <= worker { levelOfLocal.append([]) }
    if levelOfLocal[worker].count <= local {
      levelOfLocal[worker].append(contentsOf: repeatElement(-1, count: local + 1 - levelOfLocal[worker].count))
    }
    let level = interner.intern(text).code
    levelOfLocal[worker][local] = level
    return level
  }

  mutating func reserve(_ count: Int) { codes.reserveCapacityOnHugePages(count) }

  func finish() -> CategoricalColumn {
    CategoricalColumn(codes: codes, levels: interner.strings())
  }
}

/// One parsing thread's numbering of the values of a text column, so that
/// the ordered stage maps a small code instead of hashing the text again.
struct LocalCategories {
  private var interner = ByteInterner(expectedCount: 64)

  /// The local code of a trimmed cell: ``CategoricalColumn/missing`` when
  /// empty, `nil` when not valid UTF-8 (checked once per distinct value).
  @inline(__always)
  mutating func code(_ field: UnsafeBufferPointer<UInt8>) -> Int32? {
    if field.isEmpty { return CategoricalColumn.missing }
    let hash = ByteInterner.hash(field, tag: 0)
    let found = interner.withView { $0.find(field, tag: 0, hash: hash) }
    if found >= 0 { return found }
    guard UTF8Validation.validPrefixLength(UnsafeRawBufferPointer(field)).valid == field.count else { return nil }
    return interner.intern(field, tag: 0, hash: hash).code
  }
}
