import DataIngest

/// Invariants of ``CSVReader`` on one file: records must not depend on
/// where chunks end, line numbers must be plausible, and the records must
/// survive being written out as RFC 4180 and read again.
enum CSVReaderChecks {
  /// One record, copied out of the reader's buffers.
  struct Record: Equatable {
    var line: Int
    var fields: [[UInt8]]
    var raw: [UInt8]
  }

  /// Everything one reader made of a file.
  struct Reading {
    var records: [Record] = []
    var error: IngestError? = nil
    /// As given or detected; `nil` when opening failed.
    var delimiter: Delimiter? = nil
    var encoding: TextEncoding? = nil
  }

  static func check(_ fuzzCase: FuzzCase, path: String) {
    let small = read(
      path,
      CSVReaderOptions(
        delimiter: fuzzCase.delimiter, encoding: fuzzCase.encoding, chunkSize: fuzzCase.smallChunkSize),
      checkingFields: true)
    // Detection looks at the first chunk only, so the large reader is told
    // what the small one chose; the records must then be the same.
    let large = read(
      path,
      CSVReaderOptions(
        delimiter: small.delimiter ?? fuzzCase.delimiter, encoding: small.encoding ?? fuzzCase.encoding,
        chunkSize: FuzzCase.largeChunkSize))
    if let error = large.error {
      precondition(
        small.error == error,
        "CSVReader: chunks of \(fuzzCase.smallChunkSize) give \(String(describing: small.error)), one chunk gives \(error)")
    } else {
      precondition(
        small.error == nil,
        "CSVReader: chunks of \(fuzzCase.smallChunkSize) give \(small.error!), one chunk reads the file")
      precondition(
        small.records == large.records,
        "CSVReader: chunks of \(fuzzCase.smallChunkSize) and one chunk give different records")
    }
    // Records after the first, a block at a time: the same records, or a failure too.
    let blocks = read(
      path,
      CSVReaderOptions(
        delimiter: small.delimiter ?? fuzzCase.delimiter, encoding: small.encoding ?? fuzzCase.encoding,
        chunkSize: fuzzCase.smallChunkSize),
      inBlocks: true)
    precondition(
      (blocks.error == nil) == (small.error == nil),
      "CSVReader: blocks give \(String(describing: blocks.error)), next() gives \(String(describing: small.error))")
    precondition(
      small.error != nil || blocks.records == small.records,
      "CSVReader: records read in blocks differ from those next() reads")
    checkLines(small.records, lineCount: fuzzCase.lineCount)
    checkRoundTrip(small.records, chunkSize: fuzzCase.smallChunkSize)
  }

  /// Reads the whole file; with `checkingFields`, puts every field through
  /// the field parsers' checks on the way; `inBlocks`, reads the records
  /// after the first with ``CSVReader/forEachRemainingRecord(_:)``.
  private static func read(
    _ path: String, _ options: CSVReaderOptions, checkingFields: Bool = false, inBlocks: Bool = false
  ) -> Reading {
    var reading = Reading()
    do {
      let reader = try CSVReader(path: path, options: options)
      reading.delimiter = reader.delimiter
      reading.encoding = reader.encoding
      func add(_ record: CSVRecord) {
        var fields: [[UInt8]] = []
        for index in 0..<record.count {
          if checkingFields { FieldParserChecks.check(record[index]) }
          fields.append(Array(record[index]))
        }
        reading.records.append(Record(line: record.line, fields: fields, raw: Array(record.raw)))
      }
      if inBlocks {
        if let first = try reader.next() {
          add(first)
          try reader.forEachRemainingRecord { record in
            add(record)
            return true
          }
        }
      } else {
        while let record = try reader.next() { add(record) }
      }
    } catch {
      // Only the bytes may stop a reader: a scratch file it cannot open would leave nothing checked.
      switch error {
      case .fileNotFound, .unreadable: preconditionFailure("CSVReader: \(error)")
      default: reading.error = error
      }
    }
    return reading
  }

  /// Lines rise from record to record within the file's lines; each record
  /// has a field, and its fields (quotes removed) fit in its raw text.
  private static func checkLines(_ records: [Record], lineCount: Int) {
    var previous = 0
    for record in records {
      precondition(
        record.line > previous && record.line <= lineCount,
        "CSVReader: record on line \(record.line) after line \(previous), of \(lineCount) lines")
      precondition(!record.fields.isEmpty, "CSVReader: a record without fields on line \(record.line)")
      precondition(
        record.fields.reduce(0) { $0 + $1.count } <= record.raw.count,
        "CSVReader: the fields of line \(record.line) are longer than its text")
      previous = record.line
    }
  }

  /// Writes the records back with every field quoted and reads them again.
  private static func checkRoundTrip(_ records: [Record], chunkSize: Int) {
    let quote = UInt8(ascii: "\"")
    var text: [UInt8] = []
    for record in records {
      for (index, field) in record.fields.enumerated() {
        if index > 0 { text.append(UInt8(ascii: ",")) }
        text.append(quote)
        for byte in field {
          if byte == quote { text.append(quote) }
          text.append(byte)
        }
        text.append(quote)
      }
      text.append(0x0A)
    }
    let again = text.withUnsafeBufferPointer { bytes in
      ScratchFile.roundTrip.with(bytes) { path in
        read(path, CSVReaderOptions(delimiter: .comma, encoding: .utf8, chunkSize: chunkSize))
      }
    }
    precondition(again.error == nil, "CSVReader: cannot read its records back: \(again.error!)")
    precondition(
      again.records.map(\.fields) == records.map(\.fields), "CSVReader: records change when written out and read back")
  }
}
