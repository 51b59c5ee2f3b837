import Testing

@testable import CRMExport

@Suite struct DateTextTests {
  @Test("dates in each profile's pattern")
  func dates() throws {
    let date = try #require(DateText(parsing: "2024-03-07"))
    #expect(date.formatted("yyyy-MM-dd") == "2024-03-07")
    #expect(date.formatted("MM/dd/yyyy") == "03/07/2024")
    #expect(date.formatted("dd.MM.yyyy") == "07.03.2024")
    #expect(date.formatted("yyyy年MM月dd日") == "2024年03月07日")
  }

  @Test("date-times with offsets, literal text in quotes")
  func dateTimes() throws {
    let midnight = try #require(DateText(parsing: "2024/3/7"))
    #expect(midnight.formatted("yyyy-MM-dd'T'HH:mm:ss.SSSxx") == "2024-03-07T00:00:00.000+0000")
    let time = try #require(DateText(parsing: "2024-03-07 10:15:30"))
    #expect(time.formatted("yyyy-MM-dd'T'HH:mm:ssXXX") == "2024-03-07T10:15:30+00:00")
    let noSeconds = try #require(DateText(parsing: "2024-03-07T08:05"))
    #expect(noSeconds.formatted("HH:mm:ss") == "08:05:00")
  }

  @Test("what is not a date is refused")
  func invalid() {
    for text in ["", "N/A", "2024-13-45", "2024-03-07 25:00", "2024-03-07 10:xx"] {
      #expect(DateText(parsing: text) == nil, "\(text)")
    }
  }
}
