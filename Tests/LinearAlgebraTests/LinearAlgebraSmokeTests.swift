import Testing

@Suite struct LinearAlgebraSmokeTests {
  @Test("the module builds") func builds() { #expect(Bool(true)) }
}
