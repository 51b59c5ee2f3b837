import DataIngest

/// Invariants of the date, amount and integer parsers on one field.
///
/// Besides not crashing, each parser must agree with itself (byte and
/// `String` forms, the date orders with one another) and with an
/// independent reading where one exists: Swift's own `Double(_:)` and
/// `Int64(_:)` on plainly written numbers, and ``DayNumber`` on dates.
enum FieldParserChecks {
  static func check(_ field: UnsafeBufferPointer<UInt8>) {
    // The `String` forms repair invalid UTF-8, so they can only be compared on valid text.
    let isValidText = UTF8Validation.validPrefixLength(UnsafeRawBufferPointer(field)).valid == field.count
    let text = isValidText ? String(decoding: field, as: UTF8.self) : nil
    checkDates(field, text)
    checkAmount(field, text)
    checkInteger(field, text)
  }

  // MARK: - Dates

  private static let auto = DateParser(order: .auto)
  private static let ymd = DateParser(order: .ymd)
  private static let dmy = DateParser(order: .dmy)
  private static let mdy = DateParser(order: .mdy)
  private static let days = DayNumber.day(year: 1, month: 1, day: 1)!...DayNumber.day(year: 9999, month: 12, day: 31)!

  private static func checkDates(_ field: UnsafeBufferPointer<UInt8>, _ text: String?) {
    let parsers = [auto, ymd, dmy, mdy]
    let results = parsers.map { $0.day(from: field) }
    for (parser, day) in zip(parsers, results) {
      if let text {
        precondition(parser.day(from: text) == day, "DateParser(\(parser.order)): String and byte forms differ")
      }
      guard let day else { continue }
      precondition(days.contains(day), "DateParser(\(parser.order)): day \(day) is outside years 1–9999")
      let (y, m, d) = DayNumber.components(day)
      precondition(DayNumber.day(year: y, month: m, day: d) == day, "DayNumber: \(day) does not round-trip")
      precondition(ymd.day(from: DayNumber.isoString(day)) == day, "DateParser: ISO form of \(day) reads back differently")
    }
    let (fromAuto, fromYMD, fromDMY, fromMDY) = (results[0], results[1], results[2], results[3])
    if fromYMD != nil {
      precondition(
        fromAuto == fromYMD && fromDMY == fromYMD && fromMDY == fromYMD,
        "DateParser: a year-first date reads differently under some order")
    }
    if fromAuto != nil {
      precondition(fromAuto == fromDMY || fromAuto == fromMDY, "DateParser: auto chose neither dmy nor mdy")
    }
  }

  // MARK: - Amounts

  private static func checkAmount(_ field: UnsafeBufferPointer<UInt8>, _ text: String?) {
    let value = AmountParser.parse(field)
    if let text {
      precondition(sameBits(AmountParser.parse(text), value), "AmountParser: String and byte forms differ")
    }
    if let plain = plainNumber(field) {
      // Money is finite: Swift's infinities are the parser's rejections.
      let expected = Double(plain).flatMap { $0.isFinite ? $0 : nil }
      precondition(
        sameBits(value, expected), "AmountParser: \(String(describing: value)) for \"\(plain)\", Double says \(String(describing: expected))")
    }
    guard let value else { return }
    precondition(value.isFinite, "AmountParser: \(value) is not finite")
    // Commas only ever separate thousands, so without them the amount is the same.
    if field.contains(UInt8(ascii: ",")) {
      let bare = field.filter { $0 != UInt8(ascii: ",") }
      precondition(
        sameBits(bare.withUnsafeBufferPointer(AmountParser.parse), value),
        "AmountParser: dropping thousands separators changes \(value)")
    }
    // Accounting parentheses only negate what they enclose.
    let trimmed = trimmedBytes(field)
    if trimmed.first == UInt8(ascii: "("), trimmed.last == UInt8(ascii: ")"), trimmed.count >= 2 {
      let inner = Array(trimmed.dropFirst().dropLast())
      precondition(
        sameBits(inner.withUnsafeBufferPointer(AmountParser.parse), -value),
        "AmountParser: parentheses do not just negate \(-value)")
    }
  }

  /// The field, blanks trimmed as the parsers trim them, when it is a number
  /// written plainly (`-12.5`, `.5e-3`, `7.`): no separators, no currency.
  private static func plainNumber(_ field: UnsafeBufferPointer<UInt8>) -> String? {
    let bytes = trimmedBytes(field)
    var i = bytes.startIndex
    func digits() -> Int {
      let start = i
      while i < bytes.endIndex, isDigit(bytes[i]) { i += 1 }
      return i - start
    }
    if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
    var mantissaDigits = digits()
    if i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
      i += 1
      mantissaDigits += digits()
    }
    guard mantissaDigits > 0 else { return nil }
    if i < bytes.endIndex, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() > 0 else { return nil }
    }
    guard i == bytes.endIndex else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  // MARK: - Integers

  private static func checkInteger(_ field: UnsafeBufferPointer<UInt8>, _ text: String?) {
    let value = IntegerParser.parse(field)
    if let text {
      precondition(IntegerParser.parse(text) == value, "IntegerParser: String and byte forms differ")
    }
    let expected = plainInteger(field)
    precondition(
      value == expected, "IntegerParser: \(String(describing: value)), Int64 says \(String(describing: expected))")
  }

  /// `Int64(_:)` of the field's sign and digits when the field is a whole
  /// number, optionally with a zero fraction (`3.`, `1977.00`); else `nil`.
  private static func plainInteger(_ field: UnsafeBufferPointer<UInt8>) -> Int64? {
    let bytes = trimmedBytes(field)
    var i = bytes.startIndex
    if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
    let digitsStart = i
    while i < bytes.endIndex, isDigit(bytes[i]) { i += 1 }
    let number = bytes[bytes.startIndex..<i]
    guard i > digitsStart else { return nil }
    if i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < bytes.endIndex, bytes[i] == UInt8(ascii: "0") { i += 1 }
    }
    guard i == bytes.endIndex else { return nil }
    return Int64(String(decoding: number, as: UTF8.self))
  }

  // MARK: - Helpers

  /// The field without the leading and trailing blanks the parsers ignore.
  private static func trimmedBytes(_ field: UnsafeBufferPointer<UInt8>) -> ArraySlice<UInt8> {
    let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
    var bytes = ArraySlice(field)
    while let first = bytes.first, isBlank(first) { bytes.removeFirst() }
    while let last = bytes.last, isBlank(last) { bytes.removeLast() }
    return bytes
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private static func sameBits(_ a: Double?, _ b: Double?) -> Bool { a?.bitPattern == b?.bitPattern }
}
