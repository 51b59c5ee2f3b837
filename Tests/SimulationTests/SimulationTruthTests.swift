import DataIngest
import Foundation
import Simulation
import Testing
import TestSupport

/// The simulated world has the structure it promises: the checks below read
/// only the written files (truth.csv for the latent groups), as an analyst
/// would. Margins were set from a run of 20,000 customers at seed 7 and
/// leave wide room for noise, yet each check fails when its mechanism is
/// switched off (`LatentEffects.neutral`, checked in the last test).
@Suite struct SimulationTruthTests {
  static let endDay = SimulationParameters.defaultEndDay
  static let world = Measures(try! SimulatedDataSet(SimulationParameters(customers: 20_000, seed: 7)))
  static let flatWorld = Measures(
    try! SimulatedDataSet(SimulationParameters(customers: 20_000, seed: 7, effects: .neutral)))

  /// Observed: 0.38. With no dissatisfaction effects: below 0.
  static let complaintGapMinimum = 0.25
  /// Observed (within segments): +0.09. Without the effect: about 0.
  static let priceSensitiveGapMinimum = 0.04
  /// Observed (within segments): −0.08. Without the effect: about 0.
  static let memberGapMaximum = -0.04
  /// Observed: +0.06. Without regional effects: about 0.
  static let regionGapMinimum = 0.03
  /// Observed: 0.60 − 0.12. Without the effect: 0.
  static let discountGapMinimum = 0.3
  /// Observed: complaints are ~5 times as frequent in the 60 days before
  /// churn as over the whole active life. Without the burst: about 1.
  static let preChurnRatioMinimum = 2.0

  @Test("customers who complained churn far more often than those who did not")
  func complaints() {
    #expect(Self.world.complaintGap > Self.complaintGapMinimum, "gap \(Self.world.complaintGap)")
  }

  @Test("complaints bunch up in the weeks before churning")
  func preChurnComplaints() {
    #expect(Self.world.preChurnRatio > Self.preChurnRatioMinimum, "ratio \(Self.world.preChurnRatio)")
  }

  @Test("within a segment, price-sensitive customers churn more and use discounts more")
  func priceSensitivity() {
    #expect(Self.world.priceSensitiveGap > Self.priceSensitiveGapMinimum, "gap \(Self.world.priceSensitiveGap)")
    #expect(Self.world.discountGap > Self.discountGapMinimum, "gap \(Self.world.discountGap)")
  }

  @Test("within a segment, members churn less")
  func membership() {
    #expect(Self.world.memberGap < Self.memberGapMaximum, "gap \(Self.world.memberGap)")
  }

  @Test("customers in provinces with a positive regional effect churn more than those with a negative one")
  // The provinces' built-in effects, read from customers.csv, so the check also means something when
  // the effects are switched off.
  func region() {
    #expect(Self.world.regionGap > Self.regionGapMinimum, "gap \(Self.world.regionGap)")
  }

  @Test("segments differ in order value and frequency as their profiles say")
  func segmentsValueAndFrequency() {
    let profiles = SegmentProfile.builtIn
    let observedValue = profiles.map { Self.world.meanOrderValue[$0.name]! }
    let observedRate = profiles.map { Self.world.purchasesPerActiveDay[$0.name]! }
    #expect(ranks(observedValue) == ranks(profiles.map(\.meanOrderValue)), "\(observedValue)")
    #expect(ranks(observedRate) == ranks(profiles.map(\.purchasesPerDay)), "\(observedRate)")
    for (profile, value) in zip(profiles, observedValue) {
      // Lognormal order values: the observed mean is near median · exp(σ²/2).
      assertApproximatelyEqual(value, profile.meanOrderValue, relativeTolerance: 0.1, profile.name)
    }
    for (profile, rate) in zip(profiles, observedRate) {
      // Above the profile's rate by 10–30%: the welcome order, exp(−0.2 d),
      // and long-lived customers being the less dissatisfied ones.
      assertApproximatelyEqual(rate, profile.purchasesPerDay, relativeTolerance: 0.4, profile.name)
    }
  }

  @Test("each segment's most bought category and most used channel are its profile's")
  func segmentsMix() {
    for profile in SegmentProfile.builtIn {
      if let expected = clearLeader(profile.categoryWeights) {
        #expect(Self.world.topCategory[profile.name] == SimulationVocabulary.categories[expected], "\(profile.name)")
      }
      if let expected = clearLeader(profile.channelWeights) {
        #expect(Self.world.topChannel[profile.name] == SimulationVocabulary.channels[expected], "\(profile.name)")
      }
    }
  }

  @Test("with every mechanism switched off, the checks above would fail")
  func checksDetectMechanisms() {
    let flat = Self.flatWorld
    #expect(flat.complaintGap < Self.complaintGapMinimum, "gap \(flat.complaintGap)")
    #expect(flat.preChurnRatio < Self.preChurnRatioMinimum, "ratio \(flat.preChurnRatio)")
    #expect(flat.priceSensitiveGap < Self.priceSensitiveGapMinimum, "gap \(flat.priceSensitiveGap)")
    #expect(flat.discountGap < Self.discountGapMinimum, "gap \(flat.discountGap)")
    #expect(flat.memberGap > Self.memberGapMaximum, "gap \(flat.memberGap)")
    #expect(flat.regionGap < Self.regionGapMinimum, "gap \(flat.regionGap)")
  }

  /// The index of the largest weight when it leads the next by at least
  /// 0.04, else `nil` (a near tie can flip with sampling noise).
  private func clearLeader(_ weights: [Double]) -> Int? {
    let order = weights.indices.sorted { weights[$0] > weights[$1] }
    return weights[order[0]] - weights[order[1]] >= 0.04 ? order[0] : nil
  }

  private func ranks(_ values: [Double]) -> [Int] {
    values.indices.sorted { values[$0] < values[$1] }
  }
}

/// The figures the checks compare, computed once per simulated world.
struct Measures: CustomStringConvertible {
  var complaintGap = 0.0
  var preChurnRatio = 0.0
  var priceSensitiveGap = 0.0
  var memberGap = 0.0
  var regionGap = 0.0
  var discountGap = 0.0
  var meanOrderValue: [String: Double] = [:]
  var purchasesPerActiveDay: [String: Double] = [:]
  var topCategory: [String: String] = [:]
  var topChannel: [String: String] = [:]

  init(_ data: SimulatedDataSet) {
    let facts = data.customerFacts(endDay: SimulationTruthTests.endDay)
    let customers = Array(facts.values)
    func churnRate(_ group: [SimulatedDataSet.Customer]) -> Double {
      Double(group.filter(\.churned).count) / Double(max(1, group.count))
    }
    complaintGap = churnRate(customers.filter { $0.complaints > 0 }) - churnRate(customers.filter { $0.complaints == 0 })
    regionGap = churnRate(customers.filter { $0.regionEffect > 0 }) - churnRate(customers.filter { $0.regionEffect < 0 })
    // Price sensitivity and membership are more common in some segments
    // than others, so compare within segments and weight by segment size.
    let bySegment = Dictionary(grouping: customers, by: \.segment)
    func withinSegments(_ flag: (SimulatedDataSet.Customer) -> Bool) -> Double {
      bySegment.values.reduce(0) { total, group in
        let gap = churnRate(group.filter(flag)) - churnRate(group.filter { !flag($0) })
        return total + gap * Double(group.count) / Double(customers.count)
      }
    }
    priceSensitiveGap = withinSegments(\.priceSensitive)
    memberGap = withinSegments(\.member)
    func discountShare(_ group: [SimulatedDataSet.Customer]) -> Double {
      Double(group.reduce(0) { $0 + $1.discountedPurchases }) / Double(max(1, group.reduce(0) { $0 + $1.purchases }))
    }
    discountGap = discountShare(customers.filter(\.priceSensitive)) - discountShare(customers.filter { !$0.priceSensitive })

    // Complaints per day in the 60 days before churn, over complaints per
    // active day, among churners.
    let churnDate = Dictionary(uniqueKeysWithValues: data.truth.rows.filter { $0[8] == "1" }.map { ($0[0], isoDay($0[9])) })
    var recent = 0
    var recentDays = 0
    var all = 0
    var allDays = 0
    for id in churnDate.keys {
      allDays += facts[id]!.activeDays
      recentDays += min(60, facts[id]!.activeDays)
    }
    for row in data.events.rows where row[2] == "complaint" {
      guard let churn = churnDate[row[0]] else { continue }
      all += 1
      if isoDay(row[1]) >= churn - 60 { recent += 1 }
    }
    preChurnRatio = (Double(recent) / Double(max(1, recentDays))) / (Double(all) / Double(max(1, allDays)))

    let segmentOf = Dictionary(uniqueKeysWithValues: data.truth.rows.map { ($0[0], $0[1]) })
    let purchases = data.orders().filter { $0.amountCents > 0 }
    for (segment, orders) in Dictionary(grouping: purchases, by: { segmentOf[$0.customer]! }) {
      meanOrderValue[segment] = Double(orders.reduce(0) { $0 + $1.amountCents }) / 100 / Double(orders.count)
      topCategory[segment] = mostCommon(orders.flatMap(\.category))
      topChannel[segment] = mostCommon(orders.map(\.channel))
    }
    // Customers active a year or more, so the welcome order weighs little.
    for (segment, everyone) in bySegment {
      let group = everyone.filter { $0.activeDays >= 365 }
      purchasesPerActiveDay[segment] =
        Double(group.reduce(0) { $0 + $1.purchases }) / Double(max(1, group.reduce(0) { $0 + $1.activeDays }))
    }
  }

  private func mostCommon(_ values: [String]) -> String? {
    Dictionary(grouping: values, by: { $0 }).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
  }

  var description: String {
    "complaintGap \(complaintGap), preChurnRatio \(preChurnRatio), priceSensitiveGap \(priceSensitiveGap), "
      + "memberGap \(memberGap), regionGap \(regionGap), discountGap \(discountGap), "
      + "meanOrderValue \(meanOrderValue), purchasesPerActiveDay \(purchasesPerActiveDay)"
  }
}
