/// One slot per task of a concurrent loop (`DispatchQueue.concurrentPerform`):
/// each slot is written by exactly one task and read after the loop, which
/// returns only when every task has finished, so no two threads ever touch
/// the same element.
final class ConcurrentSlots<Element>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Element>

  init(_ elements: [Element]) {
    slots = .allocate(capacity: elements.count)
    _ = slots.initialize(from: elements)
  }

  convenience init(repeating value: Element, count: Int) {
    self.init([Element](repeating: value, count: count))
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  var count: Int { slots.count }

  subscript(index: Int) -> Element {
    get { slots[index] }
    set { slots[index] = newValue }
  }

  /// Calls `body` on the element in place, so the arrays it holds are
  /// changed without being copied.
  func update<R>(_ index: Int, _ body: (inout Element) -> R) -> R {
    body(&slots[index])
  }
}
