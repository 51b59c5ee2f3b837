import Features
import Testing

@Suite struct FeatureErrorTests {
  @Test("errors read as one sentence naming the dates")
  func message() {
    #expect(
      FeatureError.noDataBefore(asOf: "2023-01-01", firstDay: "2023-02-03").description
        == "no transaction is dated before the as-of day 2023-01-01 (the first is on 2023-02-03).")
  }
}
