/// Calendar dates as whole days since 1970-01-01 (proleptic Gregorian).
///
/// The data contract works in calendar days of the data's own time zone, so
/// a date is a plain integer and "whole days between" is a subtraction.
///
/// ```swift
/// DayNumber.day(year: 2025, month: 3, day: 7)   // 20154
/// DayNumber.isoString(20154)                    // "2025-03-07"
/// ```
public enum DayNumber {
  /// Stands for a missing date in day columns.
  public static let missing = Int32.min

  /// The day number of a valid calendar date, or `nil` when the date does
  /// not exist (month 13, February 30, year 0).
  public static func day(year: Int, month: Int, day: Int) -> Int32? {
    guard year >= 1, year <= 9999, month >= 1, month <= 12, day >= 1,
      day <= daysInMonth(year: year, month: month)
    else { return nil }
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Int32(era * 146097 + doe - 719468)
  }

  /// Year, month and day of a day number.
  public static func components(_ dayNumber: Int32) -> (year: Int, month: Int, day: Int) {
    let z = Int(dayNumber) + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// `YYYY-MM-DD`.
  public static func isoString(_ dayNumber: Int32) -> String {
    let (y, m, d) = components(dayNumber)
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  /// `YYYY-MM`, the month a day falls in.
  public static func monthString(_ dayNumber: Int32) -> String {
    let (y, m, _) = components(dayNumber)
    return "\(pad(y, 4))-\(pad(m, 2))"
  }

  /// Months since January 1970 (0 = 1970-01), for month buckets.
  public static func monthIndex(_ dayNumber: Int32) -> Int {
    let (y, m, _) = components(dayNumber)
    return (y - 1970) * 12 + (m - 1)
  }

  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }
}
