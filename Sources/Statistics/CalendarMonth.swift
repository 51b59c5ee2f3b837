import DataIngest

/// Month numbering shared by the monthly tables: months since January 1970
/// (``DayNumber/monthIndex(_:)``), and their `YYYY-MM` labels.
enum CalendarMonth {
  static func index(ofDay day: Int32) -> Int { DayNumber.monthIndex(day) }

  /// `YYYY-MM` of a month index (floor division keeps months before 1970 right).
  static func label(_ index: Int) -> String {
    let yearOffset = index >= 0 ? index / 12 : (index - 11) / 12
    let year = 1970 + yearOffset
    let month = index - yearOffset * 12 + 1
    let y = String(year)
    let m = String(month)
    return String(repeating: "0", count: Swift.max(0, 4 - y.count)) + y
      + (month < 10 ? "-0" : "-") + m
  }
}
