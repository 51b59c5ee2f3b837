/// The checks that every table applies to its rows, and that need nothing
/// but the row: the parsing threads run them.
struct RowChecks: Sendable {
  typealias Problems = [(column: String, reason: RejectReason, text: String?)]

  /// The number of headers.
  let expected: Int
  let delimiter: Delimiter
  let dates: DateParser

  /// Whether `record` has the right number of fields. Whitespace-separated
  /// files may drop trailing empty fields; a trailing delimiter (extra empty
  /// fields) is accepted everywhere.
  func fieldCountIsValid(_ record: CSVRecord) -> Bool {
    if record.count == expected { return true }
    if record.count < expected { return delimiter == .whitespace }
    for i in expected..<record.count where !record[i].isEmpty { return false }
    return true
  }

  /// The one problem of a row with the wrong number of fields.
  func fieldCountProblem(_ record: CSVRecord) -> Problems {
    [("", .wrongFieldCount, "\(record.count) fields, expected \(expected): \(record.rawText)")]
  }

  /// A customer id must be present and valid text.
  func checkCustomerID(_ customer: UnsafeBufferPointer<UInt8>, _ problems: inout Problems) {
    if customer.isEmpty {
      problems.append(("customer_id", .missingCustomerID, ""))
    } else if UTF8Validation.validPrefixLength(UnsafeRawBufferPointer(customer)).valid != customer.count {
      problems.append(("customer_id", .invalidText, nil))
    }
  }

  /// A required date: its day, or a problem when empty or unreadable.
  func requiredDay(_ field: UnsafeBufferPointer<UInt8>, _ column: String, _ problems: inout Problems) -> Int32? {
    let day = dates.day(from: field)
    if field.isEmpty {
      problems.append((column, .missingDate, ""))
    } else if day == nil {
      problems.append((column, .unparsableDate, String(decoding: field, as: UTF8.self)))
    }
    return day
  }

  /// An optional numeric cell: `.nan` when empty or absent; a problem when not a number.
  @inline(__always)
  func optionalNumber(_ record: CSVRecord, _ field: Int, _ column: String, _ problems: inout Problems) -> Double {
    guard field >= 0 else { return .nan }
    let text = cell(record, field)
    if text.isEmpty { return .nan }
    if let value = AmountParser.parse(text) { return value }
    problems.append((column, .unparsableNumber, String(decoding: text, as: UTF8.self)))
    return .nan
  }
}

/// The trimmed field `index`, or an empty buffer when the row is short or the column absent.
@inline(__always)
func cell(_ record: CSVRecord, _ index: Int) -> UnsafeBufferPointer<UInt8> {
  guard index >= 0, index < record.count else { return UnsafeBufferPointer(start: nil, count: 0) }
  var field = record[index]
  while let first = field.first, first == 0x20 || first == 0x09 {
    field = UnsafeBufferPointer(rebasing: field.dropFirst())
  }
  while let last = field.last, last == 0x20 || last == 0x09 {
    field = UnsafeBufferPointer(rebasing: field.dropLast())
  }
  return field
}
