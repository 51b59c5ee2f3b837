#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `body` on a new thread, to be joined with `pthread_join`; `nil` when
/// no thread can be started.
func startThread(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
  final class Body {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }
  var thread = pthread_t()
  let context = Unmanaged.passRetained(Body(body)).toOpaque()
  let started = pthread_create(&thread, nil, { context in
    Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
    return nil
  }, context)
  guard started == 0 else {
    Unmanaged<Body>.fromOpaque(context).release()
    return nil
  }
  return thread
}

/// Runs `body(0)`, …, `body(count - 1)` at once, `body(0)` on the calling
/// thread, and returns when all are done. A thread that cannot be started
/// leaves its part to the calling thread.
func runInParallel(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
  var threads: [pthread_t] = []
  var leftOver: [Int] = []
  for part in 1..<max(1, count) {
    if let thread = startThread({ body(part) }) { threads.append(thread) } else { leftOver.append(part) }
  }
  body(0)
  for part in leftOver { body(part) }
  for thread in threads { pthread_join(thread, nil) }
}
