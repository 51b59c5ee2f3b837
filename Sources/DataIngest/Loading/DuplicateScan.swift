#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the exact duplicate rows of a file on a second thread.
///
/// The duplicate check needs only each row's raw bytes, and its table of
/// fingerprints is large enough that nearly every lookup misses the cache.
/// So a second reader of the same file runs it on another core, while the
/// loader parses and indexes the rows, and hands over one verdict per row,
/// in file order, through a ring buffer. The result is the same as checking
/// inline: the first occurrence of a row is kept, every later copy dropped.
///
/// ```swift
/// let scan = try DuplicateScan(path: path, options: options.reader, skipping: 1)
/// defer { scan.finish() }
/// while let record = try reader.next() {
///   guard try scan.isFirstOccurrence(record) else { continue }
/// }
/// ```
final class DuplicateScan: @unchecked Sendable {
  // Shared state is guarded by `lock`; the ring slots between `consumed` and
  // `produced` belong to the consumer, the others to the producer.
  private let path: String
  private let reader: CSVReader
  private let skip: Int
  private let capacity = 1 << 16
  // Per row: the raw length + 1, negated for a duplicate.
  private let ring: UnsafeMutablePointer<Int>
  private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var produced = 0
  private var consumed = 0
  private var isFinished = false
  private var isCancelled = false
  private var failure: IngestError?
  private var thread = pthread_t()

  // The consumer's view: rows it may read without taking the lock.
  private var available = 0
  private var next = 0

  /// Opens `path` a second time and starts scanning it, after skipping
  /// `skipping` leading records (the header).
  init(path: String, options: CSVReaderOptions, skipping: Int) throws(IngestError) {
    self.path = path
    self.reader = try CSVReader(path: path, options: options)
    self.skip = skipping
    ring = .allocate(capacity: capacity)
    pthread_mutex_init(lock, nil)
    pthread_cond_init(changed, nil)
    let context = Unmanaged.passRetained(self).toOpaque()
    let started = pthread_create(&thread, nil, { context in
      let scan = Unmanaged<DuplicateScan>.fromOpaque(context!).takeRetainedValue()
      scan.produce()
      return nil
    }, context)
    guard started == 0 else {
      Unmanaged<DuplicateScan>.fromOpaque(context).release()
      throw .unreadable(path: path, reason: "cannot start a thread: \(String(cString: strerror(started)))")
    }
  }

  deinit {
    pthread_cond_destroy(changed)
    pthread_mutex_destroy(lock)
    changed.deallocate()
    lock.deallocate()
    ring.deallocate()
  }

  /// Whether `record` is the first row with its raw text; records must be
  /// passed in file order, each once.
  /// - Throws: the scanner's read error, or ``IngestError/unreadable(path:reason:)``
  ///   when the second read saw different rows (the file changed meanwhile).
  @inline(__always)
  func isFirstOccurrence(_ record: CSVRecord) throws(IngestError) -> Bool {
    if next == available { try waitForRows() }
    let verdict = ring[next & (capacity - 1)]
    next += 1
    guard abs(verdict) == record.raw.count + 1 else {
      throw .unreadable(path: path, reason: "the file changed while it was read")
    }
    return verdict > 0
  }

  /// Stops the scan and waits for its thread; call once, when loading ends.
  func finish() {
    pthread_mutex_lock(lock)
    isCancelled = true
    pthread_cond_broadcast(changed)
    pthread_mutex_unlock(lock)
    pthread_join(thread, nil)
  }

  /// Hands the rows read so far back to the producer and waits for more.
  private func waitForRows() throws(IngestError) {
    pthread_mutex_lock(lock)
    consumed = next
    pthread_cond_broadcast(changed)
    while produced == next && !isFinished { pthread_cond_wait(changed, lock) }
    available = produced
    let failure = self.failure
    pthread_mutex_unlock(lock)
    if available == next {
      throw failure ?? .unreadable(path: path, reason: "the file changed while it was read")
    }
  }

  /// The producer loop, on the scan's own thread.
  private func produce() {
    var seen = FingerprintSet()
    var written = 0
    var room = 0
    var failure: IngestError? = nil
    do throws(IngestError) {
      for _ in 0..<skip { _ = try reader.next() }
      while let record = try reader.next() {
        if room == 0 {
          // Publish what is written and wait for space; in batches, so the
          // lock is taken once per thousands of rows.
          pthread_mutex_lock(lock)
          produced = written
          pthread_cond_broadcast(changed)
          while written - consumed == capacity && !isCancelled { pthread_cond_wait(changed, lock) }
          let cancelled = isCancelled
          room = min(capacity - (written - consumed), 4096)
          pthread_mutex_unlock(lock)
          if cancelled { return }
        }
        let length = record.raw.count + 1
        ring[written & (capacity - 1)] = seen.insert(record.raw) ? length : -length
        written += 1
        room -= 1
      }
    } catch {
      failure = error
    }
    pthread_mutex_lock(lock)
    produced = written
    isFinished = true
    self.failure = failure
    pthread_cond_broadcast(changed)
    pthread_mutex_unlock(lock)
  }
}
