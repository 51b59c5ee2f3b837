import Testing

@testable import Features

@Suite struct StringBitsTests {
  @Test("counts by bits are the counts of a string dictionary: short, long, Chinese, equal text in other storage")
  func countsMatchDictionary() {
    let composed = "caf\u{E9}"
    let decomposed = "cafe\u{301}"  // equal to `composed` as a String, other bytes
    var values: [String?] = []
    for i in 0..<5_000 {
      values.append(["华东", "西北", "a", composed, decomposed, ""][i % 6])
      // A long string in its own storage each time: the same text, other bits.
      values.append(String(repeating: "长文本", count: 3 + i % 2) + String(i % 3))
      if i % 7 == 0 { values.append(nil) }
    }
    var expected: [String: Int] = [:]
    for case let value? in values { expected[value, default: 0] += 1 }
    let all = StringBits.counts(values)
    #expect(all.counts == expected)
    #expect(all.missing == 715)
    #expect(StringBits.counts(values, distinctBits: 3).counts == expected)
    let rows = Array(stride(from: 0, to: values.count, by: 5))
    var expectedRows: [String: Int] = [:]
    for r in rows { if let value = values[r] { expectedRows[value, default: 0] += 1 } }
    #expect(StringBits.counts(values, rows: rows).counts == expectedRows)
    #expect(StringBits.counts(values, rows: rows).missing == rows.filter { values[$0] == nil }.count)
    #expect(expected[composed] == 1_666)
  }

  @Test("equal bits are equal strings; equal short strings have equal bits")
  func bits() {
    let a = "山东"
    let b = String("山东济南".prefix(2))
    #expect(StringBits(a) == StringBits(b))
    #expect(StringBits(a) != StringBits("山西"))
  }
}
