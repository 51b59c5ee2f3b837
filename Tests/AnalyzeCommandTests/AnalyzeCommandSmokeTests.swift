import Testing

@Suite struct AnalyzeCommandSmokeTests {
  @Test("the module builds") func builds() { #expect(Bool(true)) }
}
