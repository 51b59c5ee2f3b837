import Testing

@testable import DataIngest

// Day numbers worked out with Python:
// (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days
private let march7th2025: Int32 = 20154
private let july3rd2025: Int32 = 20272
private let december13th2025: Int32 = 20435
private let leapDay2024: Int32 = 19782
private let newYearsEve2024: Int32 = 20088

@Suite struct DateParserTests {
  let parser = DateParser()

  @Test(
    "year-first dates in every common spelling give the same day",
    arguments: [
      "2025-03-07", "2025/03/07", "2025.03.07", "20250307", "2025/3/7", "2025-3-7",
      "2025年3月7日", "2025年03月07日", "  2025-03-07  ", "\t2025-03-07\r",
    ])
  func yearFirst(text: String) {
    #expect(parser.day(from: text) == march7th2025)
  }

  @Test(
    "datetimes are cut to the date as written, without applying the offset",
    arguments: [
      "2025-03-07 10:15", "2025-03-07 10:15:00", "2025-03-07T10:15:00",
      "2025-03-07T10:15:00.123456", "2025-03-07T10:15:00Z", "2025-03-07T10:15:00+08:00",
      "2025-03-07T10:15:00+0800", "2025-03-07T10:15:00-05", "2025/3/7 9:05:00",
      "2025-03-07 23:59:60", "2025-03-07T23:30:00-11:00", "2025-03-07T00:30:00+14:00",
      "2025年3月7日 10:15", "2025-03-07 10:15:00 +0800", "2025-03-07 10:15:00,5",
      "20250307 10:15", "2025-03-07t10:15z",
    ])
  func datetimes(text: String) {
    #expect(parser.day(from: text) == march7th2025)
  }

  @Test("a 12-hour clock is read in US-style datetimes")
  func twelveHourClock() {
    let mdy = DateParser(order: .mdy)
    #expect(mdy.day(from: "3/7/2025 9:05 AM") == march7th2025)
    #expect(mdy.day(from: "3/7/2025 11:59:59 pm") == march7th2025)
    #expect(mdy.day(from: "3/7/2025 13:05 PM") == nil)
    #expect(mdy.day(from: "3/7/2025 0:05 AM") == nil)
  }

  @Test("leap days exist only in leap years")
  func leapDays() {
    #expect(parser.day(from: "2024-02-29") == leapDay2024)
    #expect(parser.day(from: "2023-02-29") == nil)
    #expect(parser.day(from: "1900-02-29") == nil)
    #expect(parser.day(from: "2000-02-29") == 11016)
  }

  @Test("edge days of the calendar range")
  func edges() {
    #expect(parser.day(from: "1970-01-01") == 0)
    #expect(parser.day(from: "1969-12-31") == -1)
    #expect(parser.day(from: "0001-01-01") == -719162)
    #expect(parser.day(from: "9999-12-31") == 2932896)
    #expect(parser.day(from: "2024-12-31T23:59:59+00:00") == newYearsEve2024)
  }

  @Test(
    "invalid dates, times and garbage are rejected",
    arguments: [
      "", "   ", "2024-13-45", "2024-02-30", "0000-00-00", "N/A", "99/99/9999", "昨天",
      "2025-03-07x", "2025-03-07T", "2025-03-07 24:00", "2025-03-07 10:60",
      "2025-03-07 10:15:61", "2025-03-07 10", "2025-03-07 10:5", "2025-03-07 10:15:00.",
      "2025-03-07T10:15:00+8", "2025-03-07T10:15:00+24:00", "2025-03-07T10:15:00+08:60",
      "2025-03-07T10:15:00Zx", "2025-03/07", "2025-003-07", "2025-03-007", "202503", "2025307",
      "2025年3月7", "2025年3-7日", "2025--03-07", "-2025-03-07", "07/03/25", "7/3/202",
      "20251307", "2025-03-07T10:15:00+08:00:00", "123456789", "2025-3-7 上午",
    ])
  func rejected(text: String) {
    #expect(parser.day(from: text) == nil)
    #expect(DateParser(order: .dmy).day(from: text) == nil)
    #expect(DateParser(order: .mdy).day(from: text) == nil)
  }

  @Test("day-first and month-first dates follow the configured order")
  func configuredOrder() {
    #expect(DateParser(order: .dmy).day(from: "07/03/2025") == march7th2025)
    #expect(DateParser(order: .mdy).day(from: "07/03/2025") == july3rd2025)
    #expect(DateParser(order: .dmy).day(from: "7.3.2025") == march7th2025)
    #expect(DateParser(order: .mdy).day(from: "3-7-2025 10:15:00") == march7th2025)
    #expect(DateParser(order: .dmy).day(from: "13/12/2025") == december13th2025)
    #expect(DateParser(order: .dmy).day(from: "12/13/2025") == nil)
    #expect(DateParser(order: .ymd).day(from: "13/12/2025") == nil)
    #expect(DateParser(order: .ymd).day(from: "07/03/2025") == nil)
  }

  @Test("year-first dates are read under every order")
  func yearFirstUnderEveryOrder() {
    for order in DateOrder.allCases {
      #expect(DateParser(order: order).day(from: "2025/3/7 10:15") == march7th2025)
    }
  }

  @Test("auto order reads day-first or month-first dates only when unambiguous")
  func autoOrder() {
    #expect(parser.day(from: "07/03/2025") == nil)
    #expect(parser.day(from: "13/12/2025") == december13th2025)
    #expect(parser.day(from: "12/13/2025") == december13th2025)
    #expect(parser.day(from: "03/03/2025") == 20150)
    #expect(parser.day(from: "13/13/2025") == nil)
  }

  @Test("the byte form reads a field in the middle of a larger buffer")
  func byteForm() {
    let line = Array("x,2025-03-07,y".utf8)
    line.withUnsafeBufferPointer { buffer in
      let field = UnsafeBufferPointer(rebasing: buffer[2..<12])
      #expect(parser.day(from: field) == march7th2025)
      let cut = UnsafeBufferPointer(rebasing: buffer[2..<11])
      #expect(parser.day(from: cut) == nil)
    }
    #expect(parser.day(from: UnsafeBufferPointer(start: nil, count: 0)) == nil)
  }

  @Test("every prefix of valid datetimes is handled without crashing")
  func prefixes() {
    let samples = ["2025年3月7日 10:15", "2025-03-07T10:15:00.123+08:00", "3/7/2025 9:05 AM"]
    for sample in samples {
      let bytes = Array(sample.utf8)
      for length in 0...bytes.count {
        _ = bytes.withUnsafeBufferPointer {
          DateParser(order: .mdy).day(from: UnsafeBufferPointer(rebasing: $0[0..<length]))
        }
      }
    }
  }
}
