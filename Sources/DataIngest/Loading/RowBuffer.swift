/// A growable column of plain values for the rows of one block, reused block
/// after block: appends without the uniqueness and exclusivity checks of an
/// `Array` in a class, in the innermost loops of parsing.
///
/// A value type over storage it does not own: the owner calls
/// ``deallocate()`` once, and a copy must not outlive it. An empty buffer
/// owns no storage until its first append, so a placeholder swapped in for
/// a while (see ``ParsedBlock/refill(worker:_:)``) costs and leaks nothing.
struct RowBuffer<Element: BitwiseCopyable> {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var count = 0
  private var capacity: Int

  /// A buffer with room for `capacity` values, allocated now when positive.
  init(capacity: Int = 0) {
    self.capacity = max(0, capacity)
    base = capacity > 0 ? .allocate(capacity: capacity) : Self.unallocated
  }

  /// Where an empty buffer points: aligned, never read or freed.
  private static var unallocated: UnsafeMutablePointer<Element> {
    UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
  }

  func deallocate() {
    if capacity > 0 { base.deallocate() }
  }

  mutating func removeAll() { count = 0 }

  @inline(__always)
  mutating func append(_ value: Element) {
    if count == capacity { grow() }
    base[count] = value
    count += 1
  }

  @inline(__always)
  subscript(index: Int) -> Element {
    get { base[index] }
    nonmutating set { base[index] = newValue }
  }

  /// The first `count` entries.
  var prefix: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

  private mutating func grow() {
    let larger = max(1024, capacity * 2)
    let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
    moved.update(from: base, count: count)
    deallocate()
    base = moved
    capacity = larger
  }
}

extension Array where Element: BitwiseCopyable {
  /// Appends `values[row]` for each row of a block that its first stage
  /// kept, at once when it kept them all.
  mutating func appendKept(_ values: RowBuffer<Element>, _ rows: ParsedRows, allKept: Bool) {
    if allKept {
      append(contentsOf: values.prefix)
    } else {
      for row in 0..<rows.count where rows.isKept[row] { append(values[row]) }
    }
  }
}
