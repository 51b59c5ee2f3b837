/// One record of a CSV file, valid only inside the closure it is passed to.
///
/// Fields are raw UTF-8 bytes with quotes removed and doubled quotes undone;
/// the pointers point into the reader's buffers and must not escape.
public struct CSVRecord {
  /// 1-based line on which the record starts.
  public let line: Int
  @usableFromInline let starts: UnsafeMutablePointer<UnsafePointer<UInt8>>
  @usableFromInline let lengths: UnsafeMutablePointer<Int>
  /// Number of fields.
  public let count: Int
  /// The record's bytes as they stand in the file (without the line end).
  public let raw: UnsafeBufferPointer<UInt8>

  @usableFromInline init(
    line: Int, starts: UnsafeMutablePointer<UnsafePointer<UInt8>>,
    lengths: UnsafeMutablePointer<Int>, count: Int, raw: UnsafeBufferPointer<UInt8>
  ) {
    self.line = line
    self.starts = starts
    self.lengths = lengths
    self.count = count
    self.raw = raw
  }

  /// The bytes of field `index`.
  @inlinable public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
    precondition(index >= 0 && index < count, "field index out of range")
    return UnsafeBufferPointer(start: starts[index], count: lengths[index])
  }

  /// Field `index` as a string (invalid UTF-8 is repaired with U+FFFD).
  public func string(_ index: Int) -> String {
    String(decoding: self[index], as: UTF8.self)
  }

  /// The raw record as text, for reject files and messages.
  public var rawText: String { String(decoding: raw, as: UTF8.self) }
}
