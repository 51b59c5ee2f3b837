/// Whole records of a file, handed out by ``CSVReader/nextBlock(_:)`` so that
/// they can be parsed on any thread while the reader reads on.
///
/// The block owns its bytes until it is passed to the reader again, which
/// takes them back in exchange for the next records.
final class CSVBlock {
  /// The bytes; the records lie in ``range``.
  private(set) var bytes: UnsafeMutablePointer<UInt8>
  private var capacity = 0
  private(set) var range = 0..<0
  /// Whether the block ends the file, so its last record may lack a line end.
  private(set) var isAtEndOfFile = false
  /// Bytes of the file read when the block was cut, for progress.
  private(set) var bytesRead = 0
  /// Room for the fields of the block's records that need unquoting (see
  /// ``CSVTokenizer/record(_:from:end:atEndOfFile:line:next:scratch:scratchUsed:)``):
  /// together they are never longer than the block.
  private(set) var scratch: UnsafeMutablePointer<UInt8>
  private var scratchCapacity = 0

  init() {
    bytes = .allocate(capacity: 1)
    scratch = .allocate(capacity: 1)
  }

  deinit {
    bytes.deallocate()
    scratch.deallocate()
  }

  /// Takes `bytes` (records in `range`) and returns the buffer held before,
  /// `nil` for none, with its capacity.
  func exchange(
    bytes newBytes: UnsafeMutablePointer<UInt8>, capacity newCapacity: Int, range: Range<Int>,
    isAtEndOfFile: Bool, bytesRead: Int
  ) -> (UnsafeMutablePointer<UInt8>?, Int) {
    let old = capacity > 0 ? bytes : nil
    if capacity == 0 { bytes.deallocate() }
    let oldCapacity = capacity
    bytes = newBytes
    capacity = newCapacity
    self.range = range
    self.isAtEndOfFile = isAtEndOfFile
    self.bytesRead = bytesRead
    if scratchCapacity < range.count {
      scratch.deallocate()
      scratchCapacity = max(range.count, 2 * scratchCapacity)
      scratch = .allocate(capacity: scratchCapacity)
    }
    return (old, oldCapacity)
  }
}
