import Testing

@Suite struct StatisticsSmokeTests {
  @Test("the module builds") func builds() { #expect(Bool(true)) }
}
