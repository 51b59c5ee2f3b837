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

  /// The code of a cell, given as its code `local` in the ``LocalCategories``
  /// of thread `worker` (``CategoricalColumn/missing`` for an empty cell)
  /// and its bytes; a new level when its value is new. Cells must come in
  /// row order, and be appended with ``appendKept(_:_:allKept:)``.
  @inline(__always)
  mutating func code(local: Int32, worker: Int, text: UnsafeBufferPointer<UInt8>) -> Int32 {
    guard local != CategoricalColumn.missing else { return CategoricalColumn.missing }
    let index = Int(local)
    if worker < levelOfLocal.count, index < levelOfLocal[worker].count {
      let level = levelOfLocal[worker][index]
      if level >= 0 { return level }
    }
    return level(worker: worker, local: index, text: text)
  }

  /// Appends one code from ``code(local:worker:text:)``.
  mutating func append(_ code: Int32) { codes.append(code) }

  /// Appends the codes of the kept rows of a block.
  mutating func appendKept(_ rowCodes: RowBuffer<Int32>, _ rows: ParsedRows, allKept: Bool) {
    codes.appendKept(rowCodes, rows, allKept: allKept)
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

  mutating func reserve(_ count: Int) { codes.reserveCapacity(count) }

  func finish() -> CategoricalColumn {
    CategoricalColumn(codes: codes, levels: interner.strings())
  }
}

/// One parsing thread's numbering of the values of a text column, so that
/// the ordered stage maps a small code instead of hashing the text again.
struct LocalCategories {
  private var interner = ByteInterner(expectedCount: 64)
  /// Values of up to 8 bytes seen lately, by a hash of their bytes: per
  /// entry, the bytes as a word (see ``shortKey(_:)``), then length << 32 | code.
  private var recent = [UInt64](repeating: 0, count: 2 * 64)

  /// The local code of a trimmed cell: ``CategoricalColumn/missing`` when
  /// empty, `nil` when not valid UTF-8 (checked once per distinct value).
  @inline(__always)
  mutating func code(_ field: UnsafeBufferPointer<UInt8>) -> Int32? {
    if field.isEmpty { return CategoricalColumn.missing }
    var entry = -1
    if field.count <= 8 {
      let key = Self.shortKey(field)
      entry = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58) * 2
      let cached = recent[entry + 1]
      if recent[entry] == key && Int(cached >> 32) == field.count { return Int32(truncatingIfNeeded: cached) }
    }
    let hash = ByteInterner.hash(field, tag: 0)
    var code = interner.withView { $0.find(field, tag: 0, hash: hash) }
    if code < 0 {
      guard UTF8Validation.validPrefixLength(UnsafeRawBufferPointer(field)).valid == field.count else { return nil }
      code = interner.intern(field, tag: 0, hash: hash).code
    }
    if entry >= 0 {
      recent[entry] = Self.shortKey(field)
      recent[entry + 1] = UInt64(field.count) << 32 | UInt64(UInt32(code))
    }
    return code
  }

  /// The bytes of a field of 1 to 8 bytes in one word; with the length, it
  /// tells the bytes apart.
  @inline(__always)
  private static func shortKey(_ field: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let n = field.count
    let raw = UnsafeRawPointer(field.baseAddress!)
    if n >= 4 {
      return UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
    }
    return UInt64(field[0]) | UInt64(field[n >> 1]) << 8 | UInt64(field[n - 1]) << 16
  }
}
