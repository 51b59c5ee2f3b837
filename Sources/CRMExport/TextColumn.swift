#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The texts of one column, their UTF-8 bytes end to end in one buffer: a
/// million cells cost two allocations rather than a `String` each, and an
/// export reads a cell through a ``View`` without reference counting.
///
/// The bytes are those of the `String` the text would be (invalid UTF-8
/// repaired with U+FFFD), so comparing bytes compares the same texts.
final class TextColumn {
  // Unchecked: a column is appended to by one thread, and the loops that read it ask for a view per cell.
  @exclusivity(unchecked) private var bytes: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var byteCapacity = 64
  @exclusivity(unchecked) private var byteCount = 0
  /// Where text `i` ends in `bytes`.
  @exclusivity(unchecked) private var ends: UnsafeMutablePointer<Int>
  @exclusivity(unchecked) private var endCapacity = 16
  /// Number of texts.
  @exclusivity(unchecked) private(set) var count = 0

  init() {
    bytes = .allocate(capacity: byteCapacity)
    ends = .allocate(capacity: endCapacity)
  }

  deinit {
    bytes.deallocate()
    ends.deallocate()
  }

  /// A column of the same texts, appended to apart from this one.
  func copy() -> TextColumn {
    let copy = TextColumn()
    let view = self.view
    for index in 0..<count { copy.appendBytes(view[index]) }
    return copy
  }

  /// The texts, valid while the column lives and is not appended to.
  var view: View { View(bytes: UnsafePointer(bytes), ends: UnsafePointer(ends), count: count) }

  /// Text `index`.
  subscript(index: Int) -> String { view.string(index) }

  /// Appends a field as read, repairing invalid UTF-8 as `String(decoding:as:)` does.
  func append(_ field: UnsafeBufferPointer<UInt8>) {
    if TextBytes.isASCII(field) { return appendBytes(field) }
    append(String(decoding: field, as: UTF8.self))
  }

  func append(_ text: String) {
    var text = text
    text.withUTF8 { appendBytes($0) }
  }

  /// Appends bytes known to be valid UTF-8.
  private func appendBytes(_ field: UnsafeBufferPointer<UInt8>) {
    if byteCount + field.count > byteCapacity {
      var capacity = byteCapacity * 2
      while byteCount + field.count > capacity { capacity *= 2 }
      bytes = Self.grow(bytes, from: byteCount, to: capacity)
      byteCapacity = capacity
    }
    if let base = field.baseAddress { (bytes + byteCount).update(from: base, count: field.count) }
    byteCount += field.count
    if count == endCapacity {
      ends = Self.grow(ends, from: count, to: endCapacity * 2)
      endCapacity *= 2
    }
    ends[count] = byteCount
    count += 1
  }

  private static func grow<T>(_ old: UnsafeMutablePointer<T>, from used: Int, to capacity: Int) -> UnsafeMutablePointer<T> {
    let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
    new.moveInitialize(from: old, count: used)
    old.deallocate()
    return new
  }

  /// The texts of a column as pointers: copied and read without reference counting.
  struct View {
    let bytes: UnsafePointer<UInt8>
    let ends: UnsafePointer<Int>
    let count: Int

    /// The bytes of text `index`.
    @inline(__always)
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
      let start = index == 0 ? 0 : ends[index - 1]
      return UnsafeBufferPointer(start: bytes + start, count: ends[index] - start)
    }

    func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }
  }
}

/// Byte-level answers for the texts of a ``TextColumn``.
enum TextBytes {
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var any: UInt8 = 0
    for byte in bytes { any |= byte }
    return any < 0x80
  }

  /// Whether `a` sorts before `b` byte by byte, as `a.utf8.lexicographicallyPrecedes(b.utf8)`.
  @inline(__always)
  static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let common = min(a.count, b.count)
    let first = firstDifference(a, b, count: common)
    return first < common ? a[first] < b[first] : a.count < b.count
  }

  @inline(__always)
  static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    a.count == b.count && firstDifference(a, b, count: a.count) == a.count
  }

  /// The first of the `count` places where `a` and `b` differ, or `count`:
  /// ids and values are short, and a call of `memcmp` costs more than the bytes.
  @inline(__always)
  private static func firstDifference(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, count: Int) -> Int {
    var i = 0
    while i + 8 <= count {
      let x = UnsafeRawPointer(a.baseAddress! + i).loadUnaligned(as: UInt64.self)
      let y = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
      if x != y { break }
      i += 8
    }
    while i < count && a[i] == b[i] { i += 1 }
    return i
  }

  /// ASCII text without its leading and trailing spaces, as
  /// ``StringProtocol/trimmingSpaces`` trims it; `nil` for other text, whose
  /// Characters may join a space to a combining mark.
  @inline(__always)
  static func trimmingSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
    guard isASCII(bytes) else { return nil }
    var start = 0
    var end = bytes.count
    while start < end && bytes[start] == 0x20 { start += 1 }
    while end > start && bytes[end - 1] == 0x20 { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }
}
