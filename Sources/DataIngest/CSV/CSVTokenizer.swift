import CCSVScan

/// Splits UTF-8 CSV bytes into records and fields: the RFC 4180 rules that
/// ``CSVReader`` reads a stream with and the block loader reads blocks of
/// whole records with, so both find the same records on the same lines.
///
/// Quoted fields may hold delimiters, doubled quotes and line breaks; text
/// after a closing quote is kept up to the delimiter (leniently); LF, CRLF and
/// a lone CR end a record and count one line each, inside quotes too; blank
/// lines are skipped.
///
/// ```swift
/// var line = 1, next = 0, scratchUsed = 0
/// let start = tokenizer.skipBlankLines(bytes, from: 0, end: count, atEndOfFile: true, line: &line)
/// if let record = tokenizer.record(
///   bytes, from: start, end: count, atEndOfFile: true, line: &line, next: &next,
///   scratch: scratch, scratchUsed: &scratchUsed) { print(record.string(0)) }
/// ```
final class CSVTokenizer {
  let delimiter: Delimiter
  /// Per byte value: 1 for a delimiter, 2 for LF and CR, 0 otherwise, so
  /// that the end of a field is found with one lookup a byte.
  private let byteClass = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
  private var fieldStarts: UnsafeMutablePointer<UnsafePointer<UInt8>>
  private var fieldLengths: UnsafeMutablePointer<Int>
  private var fieldCapacity = 64
  /// Per 64 bytes of a block, where its delimiters and line ends are.
  private var masks = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
  private var maskCapacity = 1

  init(delimiter: Delimiter) {
    self.delimiter = delimiter
    fieldStarts = .allocate(capacity: fieldCapacity)
    fieldLengths = .allocate(capacity: fieldCapacity)
    byteClass.initialize(repeating: 0, count: 256)
    if let byte = delimiter.byte { byteClass[Int(byte)] = 1 } else {
      byteClass[Int(UInt8(ascii: " "))] = 1
      byteClass[Int(UInt8(ascii: "\t"))] = 1
    }
    byteClass[0x0A] = 2
    byteClass[0x0D] = 2
  }

  deinit {
    fieldStarts.deallocate()
    fieldLengths.deallocate()
    byteClass.deallocate()
    masks.deallocate()
  }

  /// Where the next record starts at or after `start`, past blank lines, whose
  /// line ends are added to `line`. Stops at a CR that ends the bytes before
  /// the end of the file, since an LF may follow it.
  func skipBlankLines(
    _ bytes: UnsafePointer<UInt8>, from start: Int, end: Int, atEndOfFile: Bool, line: inout Int
  ) -> Int {
    var p = start
    while p < end {
      let c = bytes[p]
      if c == 0x0A {
        p += 1
        line += 1
      } else if c == 0x0D {
        if p + 1 >= end && !atEndOfFile { return p }
        p += 1
        if p < end && bytes[p] == 0x0A { p += 1 }
        line += 1
      } else {
        return p
      }
    }
    return p
  }

  /// The record starting at `start`, which must not be a blank line, or `nil`
  /// when it runs past `end` before the end of the file.
  ///
  /// On success `next` is where the following line starts and `line` has
  /// moved past the record's line ends. Fields holding doubled quotes (or
  /// text after their closing quote) are written unquoted to `scratch`,
  /// from `scratchUsed` on; the record's fields point into `bytes` and
  /// `scratch`, and stay valid while both do and no later record reuses
  /// that part of `scratch`. A record needs at most its own length of scratch.
  func record(
    _ bytes: UnsafePointer<UInt8>, from start: Int, end: Int, atEndOfFile: Bool, line: inout Int,
    next: inout Int, scratch: UnsafeMutablePointer<UInt8>, scratchUsed: inout Int
  ) -> CSVRecord? {
    // Stored properties are read into locals once: each access to a `var`
    // of a class is a dynamic exclusivity check, per byte here.
    var fieldStarts = self.fieldStarts
    var fieldLengths = self.fieldLengths
    var fieldCapacity = self.fieldCapacity
    let byteClass = self.byteClass
    let whitespace = delimiter == .whitespace
    var used = scratchUsed
    var p = start
    var count = 0
    var newlines = 0
    if whitespace { while p < end, bytes[p] == 0x20 || bytes[p] == 0x09 { p += 1 } }
    while true {
      if count == fieldCapacity {
        growFields()
        fieldStarts = self.fieldStarts
        fieldLengths = self.fieldLengths
        fieldCapacity = self.fieldCapacity
      }
      let fieldStart = p
      if p < end && bytes[p] == 0x22 {
        // Quoted: find the closing quote, noting doubled quotes and any text after it.
        var q = p + 1
        var plain = true
        while true {
          while q < end && bytes[q] != 0x22 {
            // Line ends inside quotes count as between records: LF, CR or CRLF.
            if bytes[q] == 0x0D || (bytes[q] == 0x0A && bytes[q - 1] != 0x0D) { newlines += 1 }
            q += 1
          }
          if q >= end {
            guard atEndOfFile else { return nil }
            plain = false  // an unterminated quote runs to the end of the file
            break
          }
          if q + 1 < end && bytes[q + 1] == 0x22 {
            plain = false
            q += 2
            continue
          }
          if q + 1 >= end && !atEndOfFile { return nil }
          q += 1
          break
        }
        // Text after the closing quote, up to the delimiter, is kept (leniently).
        var r = q
        while r < end && byteClass[Int(bytes[r])] == 0 { r += 1 }
        if r >= end && !atEndOfFile { return nil }
        if plain && r == q {
          fieldStarts[count] = bytes + fieldStart + 1
          fieldLengths[count] = q - 1 - (fieldStart + 1)
        } else {
          let length = Self.unquote(bytes, from: p, to: r, into: scratch + used)
          fieldStarts[count] = UnsafePointer(scratch + used)
          fieldLengths[count] = length
          used += length
        }
        p = r
      } else {
        while p < end && byteClass[Int(bytes[p])] == 0 { p += 1 }
        if p >= end && !atEndOfFile { return nil }
        fieldStarts[count] = bytes + fieldStart
        fieldLengths[count] = p - fieldStart
      }
      count += 1
      // After a field: a delimiter, a line end, or the end of the bytes.
      if p >= end { break }
      let c = bytes[p]
      if c == 0x0A || c == 0x0D { break }
      if whitespace {
        while p < end && byteClass[Int(bytes[p])] == 1 { p += 1 }
        if p >= end {
          if !atEndOfFile { return nil }
          break
        }
        if bytes[p] == 0x0A || bytes[p] == 0x0D { break }
      } else {
        p += 1
      }
    }
    // Consume the line end.
    let recordEnd = p
    if p < end {
      if bytes[p] == 0x0D {
        if p + 1 >= end && !atEndOfFile { return nil }
        p += 1
        if p < end && bytes[p] == 0x0A { p += 1 }
      } else {
        p += 1
      }
    }
    let record = CSVRecord(
      line: line, starts: fieldStarts, lengths: fieldLengths, count: count,
      raw: UnsafeBufferPointer(start: bytes + start, count: recordEnd - start))
    line += 1 + newlines
    next = p
    scratchUsed = used
    return record
  }

  /// Calls `body` with each record of `block` in turn, and returns the
  /// number of line ends in the block. Records' lines count from 0 at the
  /// block's start (the reader cuts blocks faster when it need not count
  /// lines); the ordered stage adds the lines of the blocks before. The
  /// records' fields stay valid while the block holds its bytes.
  @inline(__always)
  @discardableResult
  func forEachRecord(in block: CSVBlock, _ body: (CSVRecord) -> Void) -> Int {
    if let delimiter = delimiter.byte, let lines = forEachUnquotedRecord(in: block, delimiter: delimiter, body) {
      return lines
    }
    let bytes = UnsafePointer(block.bytes)
    let end = block.range.upperBound
    var p = block.range.lowerBound
    var line = 0
    var scratchUsed = 0
    while true {
      // A block ends after a whole record, as the end of the file does.
      p = skipBlankLines(bytes, from: p, end: end, atEndOfFile: true, line: &line)
      guard p < end else { return line }
      var next = 0
      guard
        let record = record(
          bytes, from: p, end: end, atEndOfFile: true, line: &line, next: &next, scratch: block.scratch,
          scratchUsed: &scratchUsed)
      else { preconditionFailure("a block holds whole records") }
      body(record)
      p = next
    }
  }

  /// ``forEachRecord(in:_:)`` for a block without double quotes, which most
  /// are: its delimiters and line ends are found 64 bytes at a time, and the
  /// records cut where they are, as ``record(_:from:end:atEndOfFile:line:next:scratch:scratchUsed:)``
  /// would. `nil`, before any record, when the block holds a quote.
  private func forEachUnquotedRecord(in block: CSVBlock, delimiter: UInt8, _ body: (CSVRecord) -> Void) -> Int? {
    let bytes = UnsafePointer(block.bytes) + block.range.lowerBound
    let count = block.range.count
    let words = (count + 63) / 64
    if words > maskCapacity {
      masks.deallocate()
      maskCapacity = max(words, 2 * maskCapacity)
      masks = .allocate(capacity: maskCapacity)
    }
    let masks = self.masks
    guard analyze_csv_structure(bytes, count, delimiter, masks) == 0 else { return nil }
    var fieldStarts = self.fieldStarts
    var fieldLengths = self.fieldLengths
    var fieldCapacity = self.fieldCapacity
    var line = 0
    var recordStart = 0
    var fieldStart = 0
    var fields = 0
    // The LF of a CRLF, which ends nothing of its own.
    var skipped = -1
    @inline(__always) func endField(at end: Int) {
      if fields == fieldCapacity {
        growFields()
        fieldStarts = self.fieldStarts
        fieldLengths = self.fieldLengths
        fieldCapacity = self.fieldCapacity
      }
      fieldStarts[fields] = bytes + fieldStart
      fieldLengths[fields] = end - fieldStart
      fields += 1
    }
    @inline(__always) func endRecord(at end: Int) {
      endField(at: end)
      body(
        CSVRecord(
          line: line, starts: fieldStarts, lengths: fieldLengths, count: fields,
          raw: UnsafeBufferPointer(start: bytes + recordStart, count: end - recordStart)))
      line += 1
    }
    for word in 0..<words {
      var marks = masks[word]
      while marks != 0 {
        let p = word << 6 | marks.trailingZeroBitCount
        marks &= marks - 1
        if bytes[p] == delimiter {
          endField(at: p)
          fieldStart = p + 1
          continue
        }
        guard p != skipped else { continue }
        if bytes[p] == 0x0D && p + 1 < count && bytes[p + 1] == 0x0A { skipped = p + 1 }
        // A line end where a record would start is a blank line.
        if p == recordStart { line += 1 } else { endRecord(at: p) }
        fields = 0
        recordStart = skipped == p + 1 ? p + 2 : p + 1
        fieldStart = recordStart
      }
    }
    // The file's last record may lack a line end.
    if recordStart < count { endRecord(at: count) }
    return line
  }

  /// Writes the field in `bytes[from..<to]` without its quotes into `out`.
  private static func unquote(
    _ bytes: UnsafePointer<UInt8>, from: Int, to: Int, into out: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var n = 0
    var inQuotes = false
    var i = from
    while i < to {
      let c = bytes[i]
      if c == 0x22 {
        if inQuotes && i + 1 < to && bytes[i + 1] == 0x22 {
          out[n] = 0x22
          n += 1
          i += 2
          continue
        }
        inQuotes.toggle()
      } else {
        out[n] = c
        n += 1
      }
      i += 1
    }
    return n
  }

  private func growFields() {
    let newCapacity = fieldCapacity * 2
    let starts = UnsafeMutablePointer<UnsafePointer<UInt8>>.allocate(capacity: newCapacity)
    let lengths = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
    starts.update(from: fieldStarts, count: fieldCapacity)
    lengths.update(from: fieldLengths, count: fieldCapacity)
    fieldStarts.deallocate()
    fieldLengths.deallocate()
    fieldStarts = starts
    fieldLengths = lengths
    fieldCapacity = newCapacity
  }
}
