import Dispatch

/// Work started on another thread and waited for where its result is needed:
/// what does not depend on a job's steps runs beside them.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
  private let group = DispatchGroup()
  private var result: Value?

  init(_ work: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async(group: group) { self.result = work() }
  }

  /// The result, once the work is done.
  var value: Value {
    group.wait()
    return result!
  }
}
