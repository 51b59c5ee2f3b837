/// A growable column of plain values for the rows of one block, reused block
/// after block: appends without the uniqueness and exclusivity checks of an
/// `Array` in a class, in the innermost loops of parsing.
///
/// A value type over storage it does not own: the owner calls
/// ``deallocate()`` once, and a copy must not outlive it.
struct RowBuffer<Element: BitwiseCopyable> {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int = 1024) {
    self.capacity = max(1, capacity)
    base = .allocate(capacity: self.capacity)
  }

  func deallocate() { base.deallocate() }

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
    let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
    larger.update(from: base, count: count)
    base.deallocate()
    base = larger
    capacity *= 2
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
