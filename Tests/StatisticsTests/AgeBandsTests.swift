import Statistics
import Testing

@Suite struct AgeBandsTests {
  @Test("band edges follow the age reached in the reference year")
  func edges() {
    let cases: [(Double, AgeBands.Band)] = [
      (2025, .under18), (2008, .under18), (2007, .from18To24), (2001, .from18To24),
      (2000, .from25To34), (1991, .from25To34), (1990, .from35To44), (1980, .from45To54),
      (1971, .from45To54), (1970, .from55To64), (1961, .from55To64), (1960, .from65), (1905, .from65),
    ]
    for (year, band) in cases {
      #expect(AgeBands.band(birthYear: year, referenceYear: 2025) == band, "\(year)")
    }
  }

  @Test("impossible years are invalid, empty ones missing")
  func invalid() {
    for year in [1800, 2026, 1990.5, .infinity] {
      #expect(AgeBands.band(birthYear: year, referenceYear: 2025) == .invalid, "\(year)")
    }
    #expect(AgeBands.band(birthYear: .nan, referenceYear: 2025) == .missing)
  }

  @Test("counts list every band in order, zeros included")
  func counts() {
    let bands = AgeBands(birthYears: [1990, .nan, 1800, 1995, 2010], referenceYear: 2025)
    #expect(bands.counts.map(\.band) == AgeBands.Band.allCases)
    #expect(bands.count(.from25To34) == 1 && bands.count(.from35To44) == 1)
    #expect(bands.count(.under18) == 1)
    #expect(bands.count(.invalid) == 1 && bands.count(.missing) == 1)
    #expect(bands.count(.from65) == 0)
    #expect(bands.valid == 3)
  }

  @Test("the fixture's bands match an independent pandas computation")
  func matchesPandas() {
    let fixture = PandasFixture.shared
    let reference = fixture["age_bands"]
    let expected = reference["counts"] as! [String: Int]
    let bands = AgeBands(
      birthYears: fixture.birthYear, referenceYear: reference["reference_year"] as! Int)
    for (band, count) in bands.counts {
      #expect(count == expected[band.rawValue] ?? 0, "\(band.rawValue)")
    }
  }
}
