/// One slot per task of a concurrent loop (`DispatchQueue.concurrentPerform`):
/// each slot is written by exactly one task and read after the loop, which
/// returns only when every task has finished, so no two threads ever touch
/// the same element.
public final class ConcurrentSlots<Element>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Element>

  public init(_ elements: [Element]) {
    slots = .allocate(capacity: elements.count)
    _ = slots.initialize(from: elements)
  }

  public convenience init(repeating value: Element, count: Int) {
    self.init([Element](repeating: value, count: count))
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  public var count: Int { slots.count }

  public subscript(index: Int) -> Element {
    get { slots[index] }
    set { slots[index] = newValue }
  }

  /// Calls `body` on the element in place, so the arrays it holds are
  /// changed without being copied.
  public func update<R>(_ index: Int, _ body: (inout Element) -> R) -> R {
    body(&slots[index])
  }
}
