import DataIngest

/// Dates and date-times in a CRM's import format.
///
/// A pattern is literal text with these fields (the subset of Unicode TR 35
/// the CRMs' formats need): `yyyy` year, `MM` month, `dd` day, `HH` hour,
/// `mm` minute, `ss` second, `SSS` milliseconds, `XXX` offset as `+00:00`,
/// `xx` offset as `+0000`; text in single quotes (`'T'`) is copied as is.
/// Times are UTC: the toolkit's dates have no time zone.
struct DateText {
  var year: Int
  var month: Int
  var day: Int
  var hour = 0
  var minute = 0
  var second = 0

  /// Reads `2025-07-01`, `2025/7/1`, `20250701`… (whatever the ingest date
  /// parser takes), with an optional ` HH:mm[:ss]` or `THH:mm[:ss]` time.
  init?(parsing text: String) {
    let trimmed = text.trimmingSpaces
    var datePart = trimmed
    var timePart: Substring? = nil
    if let cut = trimmed.firstIndex(where: { $0 == "T" || $0 == " " }) {
      datePart = trimmed[..<cut]
      timePart = trimmed[trimmed.index(after: cut)...]
    }
    guard let dayNumber = DateParser().day(from: String(datePart)) else { return nil }
    (year, month, day) = DayNumber.components(dayNumber)
    if let timePart {
      let fields = timePart.prefix(8).split(separator: ":").map { Int($0) }
      guard fields.count >= 2, fields.allSatisfy({ $0 != nil }) else { return nil }
      hour = fields[0]!
      minute = fields[1]!
      second = fields.count > 2 ? fields[2]! : 0
      guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<61).contains(second) else { return nil }
    }
  }

  /// The date in `pattern`.
  func formatted(_ pattern: String) -> String {
    var out = ""
    var rest = pattern[...]
    let fields: [(String, String)] = [
      ("yyyy", pad(year, 4)), ("MM", pad(month, 2)), ("dd", pad(day, 2)), ("HH", pad(hour, 2)),
      ("mm", pad(minute, 2)), ("ss", pad(second, 2)), ("SSS", "000"), ("XXX", "+00:00"), ("xx", "+0000"),
    ]
    next: while let first = rest.first {
      if first == "'" {
        let literal = rest.dropFirst().prefix { $0 != "'" }
        out += literal
        rest = rest.dropFirst(literal.count + 2)
        continue
      }
      for (field, value) in fields where rest.hasPrefix(field) {
        out += value
        rest = rest.dropFirst(field.count)
        continue next
      }
      out.append(first)
      rest = rest.dropFirst()
    }
    return out
  }

  private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

extension String {
  /// ``StringProtocol/trimmingSpaces`` with a look at the last byte rather
  /// than the last Character: the usual text, with no space at either end,
  /// is kept whole at once.
  var trimmingSpaces: Substring {
    // A Character equal to " " is the one byte 0x20.
    if utf8.first != 0x20 && utf8.last != 0x20 { return self[...] }
    return self[...].trimmingSpaces
  }
}

extension StringProtocol {
  /// Without leading and trailing spaces. Tabs and other controls stay, for
  /// the formula guard to see: a leading tab is a formula trigger.
  var trimmingSpaces: SubSequence {
    if utf8.first != 0x20 && last != " " { return self[...] }
    let start = firstIndex { $0 != " " } ?? endIndex
    let end = lastIndex { $0 != " " }.map { index(after: $0) } ?? start
    return self[start..<Swift.max(start, end)]
  }
}
