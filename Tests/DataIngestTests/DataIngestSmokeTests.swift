import Testing

@Suite struct DataIngestSmokeTests {
  @Test("the module builds") func builds() { #expect(Bool(true)) }
}
