import Testing

@testable import Prediction

/// The remembered bits only shortcut the dictionary: every answer is the dictionary's.
@Suite struct LevelIndexTests {
  @Test("short and long levels, repeated, rebuilt from other storage, unknown: the dictionary's answers")
  func answers() {
    let long = "a level longer than fifteen bytes"
    var index = LevelIndex(["M": 0, "华东": 1, long: 2])
    let rebuilt = String(long.reversed().reversed())  // equal text, its own storage
    let levels = ["M", "F", "华东", long, "M", rebuilt, "F", long, "(missing)"]
    #expect(levels.map { index.column(of: $0) } == [0, nil, 1, 2, 0, 2, nil, 2, nil])
  }

  @Test("more distinct levels than it remembers")
  func many() {
    var columns: [String: Int] = [:]
    for i in 0..<40 { columns["level \(i)"] = i }
    var index = LevelIndex(columns)
    for round in 0..<2 {
      for i in 0..<50 { #expect(index.column(of: "level \(i)") == (i < 40 ? i : nil), "round \(round), level \(i)") }
    }
  }
}
