#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A streaming RFC 4180 reader over raw bytes.
///
/// Reads the file in chunks, so memory stays flat however large the file.
/// Handles quoted fields with delimiters, doubled quotes and line breaks
/// inside, LF, CRLF and lone CR line ends (mixed in one file too), a UTF-8
/// byte-order mark, GB18030 input (decoded to UTF-8 chunk by chunk), and the
/// delimiters of ``Delimiter``. Blank lines are skipped.
///
/// ```swift
/// let reader = try CSVReader(path: "transactions.csv")
/// while let record = try reader.next() {
///   print(record.line, record.string(0))
/// }
/// ```
///
/// A record returned by ``next()`` is valid until the following call.
public final class CSVReader {
  /// The path as given.
  public let path: String
  /// The delimiter used (given or detected from the first line).
  public private(set) var delimiter: Delimiter
  /// The encoding used (given or detected from the first chunk).
  public private(set) var encoding: TextEncoding
  /// Whether the file began with a UTF-8 byte-order mark.
  public private(set) var hadByteOrderMark = false
  /// Size of the file in bytes.
  public let fileSize: Int
  /// Bytes of the file read so far, for progress.
  public private(set) var bytesRead = 0

  private let fd: Int32
  private var chunkSize: Int
  private var decoder: GB18030Decoder?
  private var carry: [UInt8] = []
  // Bytes of the file the decoder has used up, so where `carry` starts in the file.
  private var transcoded = 0
  private var decoded: [UInt8] = []
  private var atEndOfFile = false

  // The parse buffer: valid bytes are [position, end).
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var position = 0
  private var end = 0
  private var line = 1
  // Unquoted copies of fields with doubled quotes; as large as `buffer`.
  private var scratch: UnsafeMutablePointer<UInt8>
  private var tokenizer: CSVTokenizer

  /// Opens `path` and detects what `options` leaves open.
  /// - Throws: ``IngestError/fileNotFound(path:)``, ``IngestError/unreadable(path:reason:)``,
  ///   ``IngestError/invalidEncoding(file:line:reason:)``.
  public init(path: String, options: CSVReaderOptions = .init()) throws(IngestError) {
    self.path = path
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      if errno == ENOENT { throw .fileNotFound(path: path) }
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      throw .unreadable(path: path, reason: "not a regular file")
    }
    self.fd = fd
    self.fileSize = Int(info.st_size)
    self.chunkSize = max(16, options.chunkSize)
    self.capacity = chunkSize * 2
    self.buffer = .allocate(capacity: capacity)
    self.scratch = .allocate(capacity: capacity)
    self.delimiter = options.delimiter ?? .comma
    self.tokenizer = CSVTokenizer(delimiter: delimiter)
    self.encoding = options.encoding ?? .utf8

    try readDirect()
    if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
      hadByteOrderMark = true
      encoding = .utf8
      position = 3
    } else if options.encoding == nil {
      encoding = EncodingDetector.detect(UnsafeRawBufferPointer(start: buffer, count: end))
    }
    if encoding == .gb18030 {
      do { decoder = try GB18030Decoder() } catch {
        throw .unreadable(path: path, reason: "\(error)")
      }
      // What was read so far is GB18030: decode it in place of the raw bytes.
      carry = Array(UnsafeBufferPointer(start: buffer, count: end))
      end = 0
      try transcodeCarry()
    }
    if let given = options.delimiter {
      delimiter = given
    } else {
      delimiter = detectDelimiter()
    }
    tokenizer = CSVTokenizer(delimiter: delimiter)
  }

  deinit {
    close(fd)
    buffer.deallocate()
    scratch.deallocate()
  }

  /// The next record, or `nil` at the end of the file.
  /// - Throws: ``IngestError/unreadable(path:reason:)`` on a read error,
  ///   ``IngestError/invalidEncoding(file:line:reason:)`` on bytes the encoding cannot decode.
  public func next() throws(IngestError) -> CSVRecord? {
    while true {
      position = tokenizer.skipBlankLines(buffer, from: position, end: end, atEndOfFile: atEndOfFile, line: &line)
      if position >= end {
        if atEndOfFile { return nil }
        try refill()
        continue
      }
      var next = 0
      var scratchUsed = 0
      if let record = tokenizer.record(
        buffer, from: position, end: end, atEndOfFile: atEndOfFile, line: &line, next: &next,
        scratch: scratch, scratchUsed: &scratchUsed)
      {
        position = next
        return record
      }
      // The record runs past the buffered bytes: read more and parse it again.
      if atEndOfFile { preconditionFailure("a record at end of file always completes") }
      try refill()
    }
  }

  /// Calls `body` with each record after those ``next()`` returned, to the
  /// end of the file or until `body` returns `false`: the records ``next()``
  /// would return, on the same lines, cut a block at a time (see
  /// ``CSVTokenizer/forEachRecord(in:_:)``), which reads a whole file several
  /// times faster. Call ``next()`` no more afterwards.
  ///
  /// ```swift
  /// let reader = try CSVReader(path: "scores.csv")
  /// let header = try reader.next()
  /// try reader.forEachRemainingRecord { record in print(record.string(0)); return true }
  /// ```
  /// - Throws: as ``next()``.
  public func forEachRemainingRecord(_ body: (CSVRecord) -> Bool) throws(IngestError) {
    let block = CSVBlock()
    var lineBase = line
    var goesOn = true
    while goesOn, try nextBlock(block) {
      let start = lineBase
      lineBase += tokenizer.forEachRecord(in: block) { record in
        guard goesOn else { return }
        goesOn = body(
          CSVRecord(
            line: start + record.line, starts: record.starts, lengths: record.lengths, count: record.count,
            raw: record.raw))
      }
    }
  }

  /// The line of the next record ``next()`` would return; those of blocks
  /// count from it (see ``CSVTokenizer/forEachRecord(in:_:)``).
  var nextLine: Int { line }

  /// Reads at most `size` bytes at a time from now on; the first chunk, from
  /// which the encoding was detected, is unaffected.
  func limitChunkSize(to size: Int) { chunkSize = min(chunkSize, max(16, size)) }

  /// Moves the whole records buffered after those ``next()`` returned (at
  /// least one chunk's worth, unless the file ends first) into `block`, to be
  /// parsed apart from the reader, on any thread; `false` at the end of the file.
  ///
  /// The block takes the reader's buffer and leaves its own in exchange, so
  /// no bytes are copied but the tail of an unfinished record.
  /// - Throws: as ``next()``.
  func nextBlock(_ block: CSVBlock) throws(IngestError) -> Bool {
    while true {
      let boundary = lastRecordBoundary()
      if boundary > position {
        handOver(upTo: boundary, to: block)
        return true
      }
      if atEndOfFile { return false }
      try refill()
    }
  }

  /// Where the last whole record buffered ends: after the last line end
  /// outside quotes whose line end is complete (a CR may be the first half of
  /// a CRLF). Without a quote in the buffer every line end ends a record;
  /// otherwise the records are walked from the first.
  private func lastRecordBoundary() -> Int {
    if atEndOfFile || position >= end { return end }
    let buffer = self.buffer
    if memchr(buffer + position, 0x22, end - position) == nil {
      var p = end - 1
      while p >= position && buffer[p] != 0x0A { p -= 1 }
      if p >= position { return p + 1 }
      p = end - 2
      while p >= position && buffer[p] != 0x0D { p -= 1 }
      return p >= position ? p + 1 : position
    }
    var p = position
    var line = 0
    while true {
      p = tokenizer.skipBlankLines(buffer, from: p, end: end, atEndOfFile: false, line: &line)
      var next = 0
      var scratchUsed = 0
      guard p < end,
        tokenizer.record(
          buffer, from: p, end: end, atEndOfFile: false, line: &line, next: &next, scratch: scratch,
          scratchUsed: &scratchUsed) != nil
      else { return p }
      p = next
    }
  }

  /// Gives `buffer[position..<boundary]` to `block`, in its buffer's place.
  private func handOver(upTo boundary: Int, to block: CSVBlock) {
    if decoder != nil {
      // Only a decoding error names a line from here on.
      line += Self.lineEnds(in: UnsafeBufferPointer(start: buffer + position, count: boundary - position))
    }
    let (spare, spareCapacity) = block.exchange(
      bytes: buffer, capacity: capacity, range: position..<boundary,
      isAtEndOfFile: atEndOfFile && boundary == end, bytesRead: bytesRead)
    let tail = end - boundary
    if let spare, spareCapacity >= capacity {
      buffer = spare
    } else {
      spare?.deallocate()
      buffer = .allocate(capacity: capacity)
    }
    buffer.update(from: block.bytes + boundary, count: tail)
    position = 0
    end = tail
  }

  /// Line ends in `bytes`: LF, CR and CRLF count one each.
  static func lineEnds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var lineFeeds = 0
    var returns = 0
    for byte in bytes {
      lineFeeds &+= byte == 0x0A ? 1 : 0
      returns &+= byte == 0x0D ? 1 : 0
    }
    guard returns > 0, bytes.count > 1 else { return lineFeeds + returns }
    var pairs = 0
    for i in 1..<bytes.count where bytes[i] == 0x0A && bytes[i - 1] == 0x0D { pairs += 1 }
    return lineFeeds + returns - pairs
  }

  // MARK: - Reading

  /// Moves the unparsed tail to the front and appends the next chunk.
  private func refill() throws(IngestError) {
    let pending = end - position
    if position > 0 {
      buffer.update(from: buffer + position, count: pending)
      position = 0
      end = pending
    }
    if decoder == nil {
      try readDirect()
    } else {
      try readTranscoded()
    }
  }

  /// Reads one chunk straight into the parse buffer (UTF-8 input).
  private func readDirect() throws(IngestError) {
    reserve(chunkSize)
    let got = try readFile(into: buffer + end, count: chunkSize)
    end += got
  }

  /// Reads one chunk and appends its UTF-8 decoding to the parse buffer.
  private func readTranscoded() throws(IngestError) {
    let previous = carry.count
    carry.reserveCapacity(previous + chunkSize)
    var got = 0
    var failure: IngestError? = nil
    carry.append(contentsOf: repeatElement(0, count: chunkSize))
    carry.withUnsafeMutableBufferPointer { bytes in
      do throws(IngestError) {
        got = try readFile(into: bytes.baseAddress! + previous, count: chunkSize)
      } catch {
        failure = error
      }
    }
    carry.removeLast(chunkSize - got)
    if let failure { throw failure }
    try transcodeCarry()
  }

  private func transcodeCarry() throws(IngestError) {
    guard decoder != nil else { return }
    decoded.removeAll(keepingCapacity: true)
    var consumed = 0
    var failure: TextDecodingError? = nil
    carry.withUnsafeBytes { input in
      do throws(TextDecodingError) {
        consumed = try decoder!.decode(input, isFinal: atEndOfFile, into: &decoded)
      } catch {
        failure = error
      }
    }
    if var failure {
      // Count the line ends between the next record and the bad bytes, to name the line at
      // fault. CR and CRLF end lines too, as between records, or the line would depend on
      // how much of the file was parsed before the bad bytes arrived.
      var lineEnds = 0
      var previous: UInt8 = 0
      for byte in Array(UnsafeBufferPointer(start: buffer + position, count: end - position)) + decoded {
        if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { lineEnds += 1 }
        previous = byte
      }
      // The decoder counts from the start of `carry`; the message names the byte in the file.
      if case .invalidByteSequence(let offset) = failure {
        failure = .invalidByteSequence(offset: transcoded + offset)
      }
      throw .invalidEncoding(file: path, line: line + lineEnds, reason: failure.description)
    }
    carry.removeFirst(consumed)
    transcoded += consumed
    reserve(decoded.count)
    decoded.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { (buffer + end).update(from: base, count: source.count) }
    }
    end += decoded.count
  }

  /// Fills up to `count` bytes from the file; sets ``atEndOfFile`` on a short read.
  private func readFile(into target: UnsafeMutablePointer<UInt8>, count: Int) throws(IngestError) -> Int {
    guard !atEndOfFile else { return 0 }
    var got = 0
    while got < count {
      let n = read(fd, target + got, count - got)
      if n < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      if n == 0 {
        atEndOfFile = true
        break
      }
      got += n
    }
    bytesRead += got
    return got
  }

  /// Grows the parse buffer (and the scratch buffer with it) to hold `extra` more bytes.
  private func reserve(_ extra: Int) {
    guard end + extra > capacity else { return }
    var newCapacity = capacity
    while end + extra > newCapacity { newCapacity *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    grown.update(from: buffer, count: end)
    buffer.deallocate()
    buffer = grown
    scratch.deallocate()
    scratch = .allocate(capacity: newCapacity)
    capacity = newCapacity
  }

  // MARK: - Detection

  /// Counts candidate delimiters outside quotes on the first line.
  private func detectDelimiter() -> Delimiter {
    var counts: [UInt8: Int] = [:]
    var inQuotes = false
    var spaceRuns = 0
    var previousWasSpace = false
    var i = position
    while i < end {
      let c = buffer[i]
      if c == 0x22 { inQuotes.toggle() }
      if !inQuotes {
        if c == 0x0A || c == 0x0D { break }
        if c == 0x2C || c == 0x3B || c == 0x09 || c == 0x7C { counts[c, default: 0] += 1 }
        let isSpace = c == 0x20
        if isSpace && !previousWasSpace { spaceRuns += 1 }
        previousWasSpace = isSpace
      }
      i += 1
    }
    let order: [(UInt8, Delimiter)] = [(0x2C, .comma), (0x09, .tab), (0x3B, .semicolon), (0x7C, .pipe)]
    var best: Delimiter? = nil
    var bestCount = 0
    for (byte, candidate) in order where counts[byte, default: 0] > bestCount {
      best = candidate
      bestCount = counts[byte, default: 0]
    }
    if let best { return best }
    return spaceRuns > 0 ? .whitespace : .comma
  }
}
