/// How to split a file into records and fields.
public struct CSVReaderOptions: Sendable, Equatable {
  /// `nil`: detected from the header line.
  public var delimiter: Delimiter?
  /// `nil`: detected (UTF-8 when the bytes are valid UTF-8, else GB18030).
  public var encoding: TextEncoding?
  /// Bytes read from the file at a time.
  public var chunkSize: Int

  public init(delimiter: Delimiter? = nil, encoding: TextEncoding? = nil, chunkSize: Int = 1 << 22) {
    self.delimiter = delimiter
    self.encoding = encoding
    self.chunkSize = chunkSize
  }
}
