#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Asks the kernel to back the 2 MiB pages inside `byteCount` bytes at
/// `start` with huge pages (Linux, when transparent huge pages are on
/// `madvise`). The loader's columns and hash tables run to hundreds of
/// megabytes: with 4 KiB pages, filling them costs a page fault every 4 KiB
/// and each random probe of a table a TLB miss besides its cache miss.
func adviseHugePages(_ start: UnsafeRawPointer?, byteCount: Int) {
  #if os(Linux)
    let huge = 1 << 21
    guard let start, byteCount >= 2 * huge else { return }
    let first = (Int(bitPattern: start) + huge - 1) & ~(huge - 1)
    let last = (Int(bitPattern: start) + byteCount) & ~(huge - 1)
    guard last > first else { return }
    _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, MADV_HUGEPAGE)
  #endif
}

extension Array where Element: BitwiseCopyable {
  /// `count` copies of `value`, on huge pages where the kernel allows.
  init(onHugePagesRepeating value: Element, count: Int) {
    self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
      adviseHugePages(buffer.baseAddress, byteCount: count * MemoryLayout<Element>.stride)
      buffer.initialize(repeating: value)
      initialized = count
    }
  }

  /// `reserveCapacity(_:)`, with the room on huge pages where the kernel allows.
  mutating func reserveCapacityOnHugePages(_ minimumCapacity: Int) {
    reserveCapacity(minimumCapacity)
    let capacity = self.capacity
    withUnsafeMutableBufferPointer { buffer in
      adviseHugePages(buffer.baseAddress, byteCount: capacity * MemoryLayout<Element>.stride)
    }
  }
}
