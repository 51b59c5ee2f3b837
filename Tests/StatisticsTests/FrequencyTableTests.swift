import DataIngest
import Statistics
import Testing

@Suite struct FrequencyTableTests {
  @Test("shares are over non-missing cells and ties sort by value")
  func byHand() {
    let column = CategoryBuilder.column(["b", "a", "", "c", "a", "b", "d"])
    let table = FrequencyTable(column)
    #expect(table.entries.map(\.value) == ["a", "b", "c", "d"])
    #expect(table.entries.map(\.count) == [2, 2, 1, 1])
    let expectedShares: [Double] = [2.0 / 6, 2.0 / 6, 1.0 / 6, 1.0 / 6]
    #expect(table.entries.map(\.share) == expectedShares)
    #expect(table.missing == 1)
    #expect(table.nonMissing == 6)
  }

  @Test("top keeps the most frequent values and pools the rest into (other)")
  func top() {
    let column = CategoryBuilder.column(["x", "y", "y", "z", "y", "x", "w"])
    let table = FrequencyTable(column, top: 2)
    #expect(table.entries.map(\.value) == ["y", "x", "(other)"])
    #expect(table.entries.map(\.count) == [3, 2, 2])
    #expect(table.entries.map(\.isOther) == [false, false, true])
    #expect(table.entries.last!.share == 2.0 / 7)
    #expect(FrequencyTable(column, top: 9).entries.count == 4)
  }

  @Test("computed labels count like a column; nil is missing")
  func labels() {
    let table = FrequencyTable(["m", nil, "f", "f"])
    #expect(table.entries.map(\.value) == ["f", "m"])
    #expect(table.missing == 1)
    #expect(table.entry(for: "m")?.share == 1.0 / 3)
  }

  @Test("category, province and gender match pandas value_counts(normalize=True)")
  func matchesPandas() {
    let fixture = PandasFixture.shared
    let cases: [(String, FrequencyTable)] = [
      ("category", FrequencyTable(fixture.transactions.category!)),
      ("province", FrequencyTable(fixture.province)),
      ("gender", FrequencyTable(fixture.gender)),
      ("gender_normalised", Gender.distribution(fixture.gender)),
    ]
    for (name, table) in cases {
      let reference = fixture[name]
      let entries = reference["entries"] as! [[String: Any]]
      #expect(table.missing == reference["missing"] as! Int, "\(name) missing")
      #expect(table.entries.count == entries.count, "\(name) distinct values")
      for expected in entries {
        let value = expected["value"] as! String
        let entry = table.entry(for: value)
        #expect(entry?.count == expected["count"] as? Int, "\(name) \(value) count")
        #expect(
          isClose(entry?.share ?? .nan, expected["share"] as? Double), "\(name) \(value) share")
      }
      // Sorted by count descending, then value.
      let sorted = table.entries.sorted { a, b in
        a.count != b.count ? a.count > b.count : a.value < b.value
      }
      #expect(table.entries == sorted)
    }
  }
}
