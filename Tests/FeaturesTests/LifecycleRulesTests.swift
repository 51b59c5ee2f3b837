import Features
import Testing

@Suite struct LifecycleRulesTests {
  let rules = LifecycleRules.standard
  let nan = Double.nan

  func stage(_ recency: Double, _ frequency: Double, _ tenure: Double, _ gap: Double)
    -> LifecycleStage
  {
    rules.stage(
      recencyDays: recency, frequency: frequency, tenureDays: tenure,
      interpurchaseDaysAverage: gap)
  }

  @Test("defaults are 30 / 365 / 2 / 90")
  func defaults() {
    #expect(rules.newWithinDays == 30)
    #expect(rules.lapsedAfterDays == 365)
    #expect(rules.atRiskMultiple == 2)
    #expect(rules.atRiskDays == 90)
  }

  @Test("no purchase makes a prospect")
  func prospect() {
    #expect(stage(nan, 0, nan, nan) == .prospect)
    #expect(stage(nan, nan, nan, nan) == .prospect)
  }

  @Test("a first purchase 30 days ago is new, 31 days ago is not")
  func newBoundary() {
    #expect(stage(30, 1, 30, nan) == .new)
    #expect(stage(31, 1, 31, nan) == .active)
    // Young relationships have no rhythm to fall behind: two orders a day apart, then 19 days.
    #expect(stage(19, 2, 20, 1) == .new)
  }

  @Test("more than 365 days since the last purchase is lapsed")
  func lapsedBoundary() {
    #expect(stage(366, 5, 900, 100) == .lapsed)
    #expect(stage(365, 5, 900, 200) == .active)  // 365 ≤ 2 · 200
    #expect(stage(365, 1, 365, nan) == .atRisk)  // one-time buyer, 365 > 90, not > 365
  }

  @Test("a repeat buyer is at risk after twice their own mean gap")
  func repeatBuyerAtRisk() {
    #expect(stage(60, 4, 200, 30) == .active)
    #expect(stage(61, 4, 200, 30) == .atRisk)
  }

  @Test("a one-time buyer is at risk after 90 days")
  func oneTimeBuyerAtRisk() {
    #expect(stage(90, 1, 90, nan) == .active)
    #expect(stage(91, 1, 91, nan) == .atRisk)
  }

  @Test("stages for a column of customers")
  func column() {
    let stages = rules.stages(
      recencyDays: [nan, 10, 400, 61, 20], frequency: [0, 1, 3, 4, 3],
      tenureDays: [nan, 10, 800, 200, 300], interpurchaseDaysAverage: [nan, nan, 200, 30, 140])
    #expect(stages == [.prospect, .new, .lapsed, .atRisk, .active])
  }

  @Test("rules out of range are refused, naming the rule")
  func validation() {
    #expect(
      throws: FeatureError.invalidParameter(
        name: "newWithinDays", value: "-1.0", reason: "it must be a number of days ≥ 0")
    ) {
      try LifecycleRules(newWithinDays: -1)
    }
    #expect(
      throws: FeatureError.invalidParameter(
        name: "lapsedAfterDays", value: "20.0", reason: "it must be more than newWithinDays (30.0)")
    ) {
      try LifecycleRules(lapsedAfterDays: 20)
    }
    #expect(throws: FeatureError.self) { try LifecycleRules(atRiskMultiple: 0.5) }
    #expect(throws: FeatureError.self) { try LifecycleRules(atRiskDays: 400) }
    #expect(throws: FeatureError.self) { try LifecycleRules(atRiskDays: .nan) }
    #expect(throws: Never.self) { try LifecycleRules(newWithinDays: 0, atRiskDays: 365) }
  }

  @Test("the data-driven one-time-buyer limit is the 75th percentile gap, rounded up")
  func suggestedAtRiskDays() {
    // 10, 20, 30, 41: h = 0.75 · 3 = 2.25 → 30 + 0.25 · 11 = 32.75 → 33.
    #expect(
      LifecycleRules.suggestedAtRiskDays(interpurchaseDaysAverage: [41, nan, 10, 30, 20]) == 33)
    #expect(LifecycleRules.suggestedAtRiskDays(interpurchaseDaysAverage: [nan]) == nil)
  }
}
