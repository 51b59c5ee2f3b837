/// Builds a ``CategoricalColumn`` one cell at a time, interning the text.
struct CategoricalBuilder {
  private var interner = ByteInterner(expectedCount: 64)
  private(set) var codes: [Int32] = []

  /// Whether `field` is usable text (valid UTF-8); checked once per distinct value.
  @inline(__always)
  mutating func isValid(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    if field.isEmpty || interner.find(field) != nil { return true }
    return UTF8Validation.validPrefixLength(UnsafeRawBufferPointer(field)).valid == field.count
  }

  /// Appends a cell; an empty one is missing. Call ``isValid(_:)`` first.
  @inline(__always)
  mutating func append(_ field: UnsafeBufferPointer<UInt8>) {
    codes.append(field.isEmpty ? CategoricalColumn.missing : interner.intern(field).code)
  }

  mutating func reserve(_ count: Int) { codes.reserveCapacity(count) }

  func finish() -> CategoricalColumn {
    CategoricalColumn(codes: codes, levels: interner.strings())
  }
}
