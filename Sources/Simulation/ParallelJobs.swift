import Dispatch

/// Runs `count` independent jobs, on all cores when `threads > 1`, and
/// returns their results in job order.
///
/// Each job writes only its own slot, so no two threads touch the same
/// memory; results come back in index order, which keeps the output the
/// same however many threads ran.
func runIndexed<Result>(_ count: Int, threads: Int, _ job: (Int) -> Result) -> [Result] {
  if threads <= 1 || count <= 1 { return (0..<count).map(job) }
  let slots = ResultSlots<Result>(count)
  withoutActuallyEscaping(job) { job in
    let box = UncheckedSendable(job)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      slots.store(box.value(index), at: index)
    }
  }
  return slots.results()
}

/// One slot per job; each slot is written by exactly one thread and read
/// after all jobs have finished.
private final class ResultSlots<Result>: @unchecked Sendable {
  private let storage: UnsafeMutablePointer<Result?>
  private let count: Int

  init(_ count: Int) {
    self.count = count
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil, count: count)
  }

  func store(_ result: Result, at index: Int) { storage[index] = result }

  func results() -> [Result] { (0..<count).map { storage[$0]! } }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }
}

/// Carries a closure that is only ever called on distinct indices into a
/// concurrent loop.
private struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
