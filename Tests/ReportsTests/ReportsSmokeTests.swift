import Testing

@Suite struct ReportsSmokeTests {
  @Test("the module builds") func builds() { #expect(Bool(true)) }
}
