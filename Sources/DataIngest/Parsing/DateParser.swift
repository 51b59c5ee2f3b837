/// Reads a date or datetime field into a day number (days since 1970-01-01).
///
/// Accepted forms, with leading and trailing blanks ignored:
///
/// ```
/// 2025-03-07   2025/03/07   2025.03.07   2025/3/7   20250307   2025年3月7日
/// 07/03/2025   7-3-2025   07.03.2025          (day- or month-first, see below)
/// <date> 10:15   <date> 10:15:00   <date>T10:15:00.123456
/// <datetime>Z   <datetime>+08:00   <datetime>+0800   <datetime>-05
/// 3/7/2025 9:05 AM                             (12-hour clock)
/// ```
///
/// A datetime is cut to its calendar date as written: the offset is checked
/// but not applied, because the data contract counts calendar days in the
/// data's own time zone. The time parts are validated (hour ≤ 23, minute ≤
/// 59, second ≤ 60 for leap seconds, offsets up to ±23:59).
///
/// Day-first and month-first dates (`dd/mm/yyyy`, `mm/dd/yyyy`, also with
/// `-` or `.`) depend on ``order``:
/// - ``DateOrder/dmy`` and ``DateOrder/mdy`` read them as told.
/// - ``DateOrder/ymd`` rejects them.
/// - ``DateOrder/auto`` reads them only when one reading exists: a first
///   number above 12 can only be a day (`13/03/2025` is 13 March), a second
///   number above 12 can only be a day (`03/13/2025` is 13 March), and equal
///   numbers (`03/03/2025`) read the same both ways. Anything else, such as
///   `07/03/2025`, is `nil`, because guessing wrong would silently move
///   purchases by months. A loader that sees such `nil`s can ask the user for
///   an order, or infer one from the whole column.
///
/// Two-digit years are rejected in every order.
///
/// - Complexity: O(n) in the field length; the byte form allocates nothing.
public struct DateParser: Sendable {
  /// How day-first or month-first dates are read.
  public var order: DateOrder

  /// A parser for the given date order.
  /// - Parameter order: how `dd/mm/yyyy`-style dates are read; defaults to
  ///   ``DateOrder/auto``.
  public init(order: DateOrder = .auto) {
    self.order = order
  }

  /// The day number of the date in `field` (UTF-8 bytes of one unquoted
  /// field), or `nil` when it is not a valid date.
  public func day(from field: UnsafeBufferPointer<UInt8>) -> Int32? {
    if let plain = Self.plainDay(field) { return plain }
    var scanner = ByteScanner(trimming: field)
    let first = scanner.digits()
    let year: Int
    let month: Int
    let day: Int
    switch first.count {
    case 8:
      // ISO 8601 basic form, yyyymmdd.
      year = first.value / 10_000
      month = first.value / 100 % 100
      day = first.value % 100
    case 4:
      year = first.value
      guard let parts = Self.monthAndDay(afterYear: &scanner) else { return nil }
      (month, day) = parts
    case 1, 2:
      guard let separator = scanner.peek(), Self.isDateSeparator(separator) else { return nil }
      scanner.position += 1
      let second = scanner.digits()
      guard (1...2).contains(second.count), scanner.consume(separator) else { return nil }
      let yearDigits = scanner.digits()
      guard yearDigits.count == 4,
        let resolved = resolve(first: first.value, second: second.value)
      else { return nil }
      year = yearDigits.value
      (month, day) = resolved
    default:
      return nil
    }
    guard Self.timeSuffixIsValid(&scanner) else { return nil }
    return DayNumber.day(year: year, month: month, day: day)
  }

  /// The day of a field that is exactly `yyyy-mm-dd` (or with `/` or `.`),
  /// the form of nearly every cell in machine-written files, read as the
  /// full scan would read it; `nil` for any other shape, which the full scan
  /// then reads.
  @inline(__always)
  private static func plainDay(_ field: UnsafeBufferPointer<UInt8>) -> Int32?? {
    guard field.count == 10, let base = field.baseAddress, base[4] == base[7], isDateSeparator(base[4]) else {
      return nil
    }
    @inline(__always) func digit(_ i: Int) -> Int { Int(base[i] &- UInt8(ascii: "0")) }
    for i in 0..<10 where i != 4 && i != 7 && digit(i) > 9 { return nil }
    let year = ((digit(0) * 10 + digit(1)) * 10 + digit(2)) * 10 + digit(3)
    return .some(DayNumber.day(year: year, month: digit(5) * 10 + digit(6), day: digit(8) * 10 + digit(9)))
  }

  /// The day number of the date in `text`, or `nil` when it is not a valid
  /// date. Same rules as the byte form.
  public func day(from text: String) -> Int32? {
    text.withFieldBytes { day(from: $0) }
  }

  /// Month and day for a day-first or month-first date, or `nil` when
  /// ``order`` does not allow one reading.
  private func resolve(first: Int, second: Int) -> (month: Int, day: Int)? {
    switch order {
    case .ymd: return nil
    case .dmy: return (second, first)
    case .mdy: return (first, second)
    case .auto:
      if first == second || first > 12 { return (second, first) }
      if second > 12 { return (first, second) }
      return nil
    }
  }

  /// Reads `-mm-dd`, `/m/d`, `.mm.dd` or `年m月d日` after a four-digit year.
  private static func monthAndDay(afterYear scanner: inout ByteScanner) -> (Int, Int)? {
    if scanner.consume(0xE5, 0xB9, 0xB4) {  // 年
      let month = scanner.digits()
      guard (1...2).contains(month.count), scanner.consume(0xE6, 0x9C, 0x88) else { return nil }  // 月
      let day = scanner.digits()
      guard (1...2).contains(day.count), scanner.consume(0xE6, 0x97, 0xA5) else { return nil }  // 日
      return (month.value, day.value)
    }
    guard let separator = scanner.peek(), isDateSeparator(separator) else { return nil }
    scanner.position += 1
    let month = scanner.digits()
    guard (1...2).contains(month.count), scanner.consume(separator) else { return nil }
    let day = scanner.digits()
    guard (1...2).contains(day.count) else { return nil }
    return (month.value, day.value)
  }

  private static func isDateSeparator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")
  }

  /// Checks that what follows the date is nothing, or a valid time with an
  /// optional fraction, AM/PM marker and zone, and that the field ends there.
  private static func timeSuffixIsValid(_ scanner: inout ByteScanner) -> Bool {
    if scanner.isAtEnd { return true }
    if !scanner.consume(UInt8(ascii: "T")), !scanner.consume(UInt8(ascii: "t")) {
      guard scanner.skipBlanks() > 0 else { return false }
    }
    let hour = scanner.digits()
    guard (1...2).contains(hour.count), hour.value <= 23, scanner.consume(UInt8(ascii: ":")) else {
      return false
    }
    let minute = scanner.digits()
    guard minute.count == 2, minute.value <= 59 else { return false }
    if scanner.consume(UInt8(ascii: ":")) {
      let second = scanner.digits()
      guard second.count == 2, second.value <= 60 else { return false }
      if scanner.consume(UInt8(ascii: ".")) || scanner.consume(UInt8(ascii: ",")) {
        guard scanner.digits().count > 0 else { return false }
      }
    }
    if scanner.isAtEnd { return true }
    let blanks = scanner.skipBlanks()
    // US exports write a 12-hour clock: "3/7/2025 9:05 AM".
    if blanks > 0,
      scanner.consumeLettersIgnoringCase(UInt8(ascii: "a"), UInt8(ascii: "m"))
        || scanner.consumeLettersIgnoringCase(UInt8(ascii: "p"), UInt8(ascii: "m"))
    {
      guard (1...12).contains(hour.value) else { return false }
      if scanner.isAtEnd { return true }
      scanner.skipBlanks()
    }
    if scanner.consume(UInt8(ascii: "Z")) || scanner.consume(UInt8(ascii: "z")) {
      return scanner.isAtEnd
    }
    guard scanner.consume(UInt8(ascii: "+")) || scanner.consume(UInt8(ascii: "-")) else {
      return false
    }
    // Offsets: "+08:00", "+0800", "-05".
    let offset = scanner.digits()
    switch offset.count {
    case 2:
      guard offset.value <= 23 else { return false }
      if scanner.consume(UInt8(ascii: ":")) {
        let minutes = scanner.digits()
        guard minutes.count == 2, minutes.value <= 59 else { return false }
      }
    case 4:
      guard offset.value / 100 <= 23, offset.value % 100 <= 59 else { return false }
    default:
      return false
    }
    return scanner.isAtEnd
  }
}
