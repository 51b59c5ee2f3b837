#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Order keys, (customer index, `order_id` bytes), appended one after another
/// and read back in the same order: each is written once and read at most
/// once more, so one growing buffer serves without a table.
///
/// A value type over storage it does not own: the owner calls
/// ``deallocate()`` once, and a copy must not outlive it.
///
/// The storage is `malloc`ed so that it grows with `realloc`: a large block
/// is mapped on its own and moves without a copy, where allocating a
/// larger one and copying held both at once (60 MB more at the peak of a
/// 1,000,000-customer load).
struct OrderKeys {
  /// Records: the customer (`Int32`), the length (`UInt32`), then the bytes.
  private var base: UnsafeMutableRawPointer
  private var capacity: Int
  private(set) var byteCount = 0
  /// Where the last record starts; -1 before the first.
  private var lastRecord = -1

  init(capacity: Int = 1 << 16) {
    self.capacity = max(64, capacity)
    base = malloc(self.capacity)!
  }

  func deallocate() { free(base) }

  /// Makes room for `bytes` more bytes of records.
  mutating func reserve(_ bytes: Int) {
    if byteCount + bytes > capacity { resize(byteCount + bytes) }
  }

  /// Appends a key.
  @inline(__always)
  mutating func append(customer: Int32, _ order: UnsafeBufferPointer<UInt8>) {
    let size = 8 + order.count
    if byteCount + size > capacity { resize(max(byteCount + size, capacity * 2)) }
    base.storeBytes(of: customer, toByteOffset: byteCount, as: Int32.self)
    base.storeBytes(of: UInt32(order.count), toByteOffset: byteCount + 4, as: UInt32.self)
    if let bytes = order.baseAddress { (base + byteCount + 8).copyMemory(from: bytes, byteCount: order.count) }
    lastRecord = byteCount
    byteCount += size
  }

  /// Whether the key appended last is this one.
  @inline(__always)
  func lastIs(customer: Int32, _ order: UnsafeBufferPointer<UInt8>) -> Bool {
    guard lastRecord >= 0 else { return false }
    let key = self.key(at: lastRecord)
    return key.customer == customer && key.order.count == order.count
      && (order.isEmpty || memcmp(key.order.baseAddress!, order.baseAddress!, order.count) == 0)
  }

  /// The key of the record at byte `record`, and where the next record starts.
  @inline(__always)
  func key(at record: Int) -> (customer: Int32, order: UnsafeBufferPointer<UInt8>, next: Int) {
    let customer = base.loadUnaligned(fromByteOffset: record, as: Int32.self)
    let length = Int(base.loadUnaligned(fromByteOffset: record + 4, as: UInt32.self))
    let order = UnsafeBufferPointer(start: (base + record + 8).assumingMemoryBound(to: UInt8.self), count: length)
    return (customer, order, record + 8 + length)
  }

  private mutating func resize(_ bytes: Int) {
    guard let moved = realloc(base, bytes) else { fatalError("out of memory for \(bytes) bytes of order keys") }
    base = moved
    capacity = bytes
  }
}
