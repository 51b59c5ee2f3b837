#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What loading one file does with each block of records: parse it, on any
/// thread and in any order, then commit it in stages, each stage taking the
/// blocks in file order.
///
/// Parsing is the work that needs nothing but the block (fields, dates,
/// amounts, hashes); the stages hold what depends on earlier rows (duplicate
/// rows, dense codes in order of first appearance). Stages touch disjoint
/// state, so stage 1 of one block may run beside stage 0 of the next.
protocol BlockLoad: AnyObject, Sendable {
  /// What parsing a block yields; one per block in flight, reused.
  associatedtype Parsed: AnyObject
  /// The number of ordered stages after parsing (at least 1).
  var stageCount: Int { get }
  func makeParsed() -> Parsed
  /// Parses `block` into `parsed`. `worker` (0..<threads) names the calling
  /// thread, the only one to use that worker's own state.
  func parse(_ block: CSVBlock, into parsed: Parsed, worker: Int)
  /// Runs stage `stage` on a block, after stage `stage - 1` of that block
  /// and after stage `stage` of every earlier block.
  func commit(stage: Int, _ block: CSVBlock, _ parsed: Parsed)
}

/// A ``BlockLoad`` of one whole file into a table, numbering the customer
/// ids it meets in an interner it is handed and hands back.
protocol FileLoad: BlockLoad {
  associatedtype Table
  /// The table, the customer ids with those of this file added, and the file's row account.
  func finish() -> (table: Table, customers: ByteInterner, account: FileAccount)
}

/// Loads a file block by block on several threads: one reads the next block
/// while others parse theirs, and whichever thread is free runs the next
/// ordered stage. The result is that of parsing and committing every block
/// in turn on one thread.
///
/// ```swift
/// try BlockPipeline(reader: reader, load: load, threads: 2).run()
/// ```
final class BlockPipeline<Load: BlockLoad>: @unchecked Sendable {
  // Everything below is guarded by `lock`, except what a slot's current task
  // owns: the task's slot, and the state its stage touches.
  private enum SlotState {
    case free
    case reading
    case read
    case parsing
    /// Parsed, and the stages before this one are done.
    case waiting(stage: Int)
    case committing
  }

  private final class Slot {
    let block = CSVBlock()
    let parsed: Load.Parsed
    var state = SlotState.free
    /// The block's place in the file.
    var index = 0
    init(parsed: Load.Parsed) { self.parsed = parsed }
  }

  private enum Task {
    case read(Slot)
    case parse(Slot)
    case commit(Slot, stage: Int)
  }

  private let reader: CSVReader
  private let load: Load
  private let threads: Int
  private let slots: [Slot]
  private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var isReading = false
  private var isReaderDone = false
  private var blocksRead = 0
  /// Per stage, the block whose turn it is.
  private var turns: [Int]
  private var failure: IngestError?

  init(reader: CSVReader, load: Load, threads: Int) {
    self.reader = reader
    self.load = load
    self.threads = max(1, threads)
    // Two blocks a thread: one being parsed, one waiting for its turn.
    slots = (0..<(2 * self.threads)).map { _ in Slot(parsed: load.makeParsed()) }
    turns = [Int](repeating: 0, count: load.stageCount)
    pthread_mutex_init(lock, nil)
    pthread_cond_init(changed, nil)
  }

  deinit {
    pthread_cond_destroy(changed)
    pthread_mutex_destroy(lock)
    changed.deallocate()
    lock.deallocate()
  }

  /// Reads, parses and commits every block of the reader's file.
  /// - Throws: the reader's error; the stages then stop where they are.
  func run() throws(IngestError) {
    // A thread that cannot be started leaves its share to the others.
    let helpers = (1..<threads).compactMap { worker in startThread { self.work(worker: worker) } }
    work(worker: 0)
    for thread in helpers { pthread_join(thread, nil) }
    if let failure { throw failure }
  }

  /// One thread's loop: take the most urgent task, run it, report it done.
  private func work(worker: Int) {
    pthread_mutex_lock(lock)
    while true {
      guard let task = nextTask() else {
        if failure != nil || (isReaderDone && slots.allSatisfy({ if case .free = $0.state { true } else { false } })) {
          break
        }
        pthread_cond_wait(changed, lock)
        continue
      }
      pthread_mutex_unlock(lock)
      switch task {
      case .read(let slot):
        var failure: IngestError? = nil
        var gotBlock = false
        do throws(IngestError) { gotBlock = try reader.nextBlock(slot.block) } catch { failure = error }
        pthread_mutex_lock(lock)
        isReading = false
        if let failure {
          self.failure = self.failure ?? failure
          isReaderDone = true
          slot.state = .free
        } else if gotBlock {
          slot.index = blocksRead
          blocksRead += 1
          slot.state = .read
        } else {
          isReaderDone = true
          slot.state = .free
        }
      case .parse(let slot):
        load.parse(slot.block, into: slot.parsed, worker: worker)
        pthread_mutex_lock(lock)
        slot.state = .waiting(stage: 0)
      case .commit(let slot, let stage):
        load.commit(stage: stage, slot.block, slot.parsed)
        pthread_mutex_lock(lock)
        turns[stage] += 1
        slot.state = stage + 1 < turns.count ? .waiting(stage: stage + 1) : .free
      }
      pthread_cond_broadcast(changed)
    }
    pthread_mutex_unlock(lock)
  }

  /// The most urgent task that may run now, marked as taken; `nil` for none.
  /// Later stages come first (they free slots), then parsing, then reading.
  private func nextTask() -> Task? {
    guard failure == nil else { return nil }
    for stage in turns.indices.reversed() {
      for slot in slots where slot.index == turns[stage] {
        if case .waiting(stage) = slot.state {
          slot.state = .committing
          return .commit(slot, stage: stage)
        }
      }
    }
    for slot in slots {
      if case .read = slot.state {
        slot.state = .parsing
        return .parse(slot)
      }
    }
    if !isReading && !isReaderDone {
      for slot in slots {
        if case .free = slot.state {
          slot.state = .reading
          isReading = true
          return .read(slot)
        }
      }
    }
    return nil
  }
}
