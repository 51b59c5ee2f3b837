import Features
import Testing

@Suite struct ValueTierTests {
  @Test("the customer who crosses 80 % is in A, the one who crosses 95 % in B")
  func handExample() {
    // Positive total 1000; by value: A1 500 (before 0), B2 350 (before 500, crosses 80 %),
    // D4 60 (before 850), C3 50 (before 910, crosses 95 %), E5 40 (before 960).
    let ids = ["C3", "A1", "E5", "F6", "B2", "G7", "D4", "H8"]
    let money: [Double] = [50, 500, 40, 0, 350, -30, 60, .nan]
    #expect(
      ValueTier.assign(monetaryTotal: money, customerIDs: ids)
        == [.b, .a, .c, .c, .a, .c, .b, .c])
  }

  @Test("a customer arriving exactly at 80 % ends A; equal values split by id")
  func exactBoundaryAndTies() {
    // q 700, then a and b tie at 100 (a first by id): a reaches exactly 800 → A, b → B.
    let tiers = ValueTier.assign(
      monetaryTotal: [100, 100, 100, 700], customerIDs: ["c", "b", "a", "q"])
    #expect(tiers == [.b, .b, .a, .a])
  }

  @Test("custom thresholds 50 % / 100 % put every other positive customer in B")
  func customThresholds() throws {
    let thresholds = try ValueTierThresholds(a: 0.5, b: 1)
    let tiers = ValueTier.assign(
      monetaryTotal: [500, 350, 150, 0], customerIDs: ["a", "b", "c", "d"], thresholds: thresholds)
    #expect(tiers == [.a, .b, .b, .c])
  }

  @Test("thresholds outside 0 < a < b ≤ 1 are refused, naming the value")
  func validation() {
    #expect(
      throws: FeatureError.invalidParameter(
        name: "value tier threshold a", value: "0.0", reason: "it must be above 0 and below 1")
    ) {
      try ValueTierThresholds(a: 0, b: 0.9)
    }
    #expect(
      throws: FeatureError.invalidParameter(
        name: "value tier threshold b", value: "0.8",
        reason: "it must be above a (0.9) and at most 1")
    ) {
      try ValueTierThresholds(a: 0.9, b: 0.8)
    }
    #expect(throws: FeatureError.self) { try ValueTierThresholds(a: 0.8, b: 1.01) }
    #expect(throws: FeatureError.self) { try ValueTierThresholds(a: .nan, b: 0.9) }
    #expect(
      FeatureError.invalidParameter(
        name: "value tier threshold a", value: "1.2", reason: "it must be above 0 and below 1"
      )
      .description == "value tier threshold a = 1.2 is not allowed: it must be above 0 and below 1."
    )
  }

  @Test("no positive value: everyone is C")
  func nothingPositive() {
    #expect(
      ValueTier.assign(monetaryTotal: [0, -5, .nan], customerIDs: ["a", "b", "c"]) == [.c, .c, .c])
  }
}
