import DataIngest
import Features
import Foundation
import LinearAlgebra
import Models
import Testing
import TestSupport

/// The peer pipelines' design, which the groups below are made for.
private let rfm = SegmentFeature.recencyFrequencyMonetary

/// Three well-separated groups in log RFM space (sizes 60, 50, 40), two
/// prospects without recency, provinces and a sparse numeric column.
private func threeGroups(seed: UInt64 = 1) -> (table: FeatureTable, groups: [Int32]) {
  var rng = SplitMix64(seed: seed)
  let centres: [(r: Double, f: Double, m: Double, province: String)] = [
    (10, 20, 5000, "上海"), (300, 2, 200, "四川"), (60, 6, 800, "广东"),
  ]
  var ids: [String] = []
  var recency: [Double] = [], frequency: [Double] = [], monetary: [Double] = [], gap: [Double] = []
  var province: [String?] = []
  var groups: [Int32] = []
  func noise() -> Double { exp(0.2 * (Double(rng.next() >> 11) / Double(1 << 53) - 0.5)) }
  for (g, size) in [60, 50, 40].enumerated() {
    for i in 0..<size {
      let c = centres[g]
      ids.append("G\(g)-\(i)")
      recency.append((c.r * noise()).rounded())
      frequency.append(max(1, (c.f * noise()).rounded()))
      monetary.append(c.m * noise())
      gap.append(i % 3 == 0 ? .nan : 30 * noise())
      province.append(i % 5 == 0 ? nil : c.province)
      groups.append(Int32(g))
    }
  }
  for p in 0..<2 {
    ids.append("P\(p)"); recency.append(.nan); frequency.append(0); monetary.append(0); gap.append(.nan); province.append("北京")
  }
  let table = FeatureTable(customerIDs: ids, columns: [
    .number("recency_days", recency), .number("frequency", frequency), .number("monetary_total", monetary),
    .number("interpurchase_days_avg", gap), .text("province", province),
  ])
  return (table, groups)
}

@Suite struct SegmentFeatureTests {
  @Test("specifications read name, transform and weight; defaults follow the column kind")
  func parsing() throws {
    let table = threeGroups().table
    #expect(try SegmentFeature.resolve("frequency", in: table) == SegmentFeature("frequency", transform: .log))
    #expect(try SegmentFeature.resolve("frequency:raw*2", in: table) == SegmentFeature("frequency", transform: .raw, weight: 2))
    #expect(try SegmentFeature.resolve("province*0.5", in: table) == SegmentFeature("province", transform: .oneHot, weight: 0.5))
    #expect(throws: FeatureError.self) { try SegmentFeature.resolve("province:log", in: table) }
    #expect(throws: FeatureError.self) { try SegmentFeature.resolve("frequency*0", in: table) }
    #expect(throws: FeatureError.self) { try SegmentFeature.resolve("frequency:cube", in: table) }
    #expect {
      try SegmentFeature.resolve("nope", in: table)
    } throws: { error in
      guard case .unknownColumn(let name, let known)? = error as? FeatureError else { return false }
      return name == "nope" && known.contains("recency_days")
    }
  }
}

@Suite struct SegmentDesignTests {
  @Test("the RFM design is log1p R, F, M standardized with ddof 0, prospects left out")
  func defaultDesign() throws {
    let table = threeGroups().table
    let rows = SegmentDesign.population(of: table)
    #expect(rows.count == 150)
    let design = try SegmentDesign(table: table, features: rfm, rows: rows)
    #expect(design.columns.map(\.name) == ["log1p_recency_days", "log1p_frequency", "log1p_monetary_total_pos"])
    for c in 0..<3 {
      let column = design.matrix.column(c)
      let mean = column.reduce(0, +) / 150
      let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 150
      #expect(abs(mean) < 1e-12)
      #expect(abs(variance - 1) < 1e-12)
    }
    // The first row by hand.
    let r = table.numbers("recency_days")![0]
    let col = design.columns[0]
    #expect(design.matrix[0, 0] == (log1p(r) - col.mean) / col.standardDeviation)
  }

  @Test("one-hot levels are 0/1 times the weight; missing numbers take the median")
  func oneHotAndFill() throws {
    let table = threeGroups().table
    let rows = SegmentDesign.population(of: table)
    let features = [SegmentFeature("province", transform: .oneHot, weight: 0.5), SegmentFeature("interpurchase_days_avg", transform: .raw)]
    let design = try SegmentDesign(table: table, features: features, rows: rows)
    #expect(design.columns.map(\.name) == ["province=上海", "province=四川", "province=广东", "interpurchase_days_avg"])
    #expect(design.matrix[1, 0] == 0.5 && design.matrix[1, 1] == 0)
    #expect(design.matrix[0, 0] == 0)  // row 0 has no province
    #expect(design.imputed.map(\.name) == ["interpurchase_days_avg"])
    #expect(design.imputed.first?.count == 20 + 17 + 14)  // every third row of each group
    let gap = design.columns[3]
    #expect(design.matrix[0, 3] == (gap.fill - gap.mean) / gap.standardDeviation)
  }
}

@Suite struct SegmentationTests {
  @Test("k auto finds the three groups by silhouette and reports every k tried")
  func recoversGroups() throws {
    let (table, groups) = threeGroups()
    let result = try Segmentation(features: rfm, k: .automatic(2...6), seed: 3).fit(table)
    #expect(result.k == 3)
    #expect(result.kSelection.map(\.k) == [2, 3, 4, 5, 6])
    #expect(result.kSelection.allSatisfy { $0.silhouette != nil && $0.calinskiHarabasz != nil && $0.daviesBouldin != nil })
    #expect(result.excludedCount == 2)
    let truth = SegmentTruth(Dictionary(uniqueKeysWithValues: zip(table.customerIDs.prefix(150), groups)))
    let ari = try #require(result.adjustedRandIndex(against: truth))
    #expect(ari.index == 1 && ari.customers == 150)
    #expect(result.kMeans.clusterSizes == [60, 50, 40])
  }

  @Test("a fixed k gives one k-selection row")
  func fixedK() throws {
    let result = try Segmentation(features: rfm, k: .fixed(4), seed: 3).fit(threeGroups().table)
    #expect(result.kSelection.map(\.k) == [4])
    #expect(!result.isAutomatic)
  }

  @Test("the same table and seed give the same segments, centres and scores")
  func deterministic() throws {
    let table = threeGroups(seed: 9).table
    let a = try Segmentation(features: rfm, k: .automatic(2...5), seed: 11).fit(table)
    let b = try Segmentation(features: rfm, k: .automatic(2...5), seed: 11).fit(table)
    #expect(a.kMeans == b.kMeans)
    #expect(a.kSelection == b.kSelection)
    #expect(a.distances == b.distances)
  }

  @Test("too few customers for k is an error naming the counts")
  func tooFew() {
    #expect(throws: FeatureError.tooFewCustomers(required: 200, actual: 150, purpose: "segmenting into 200")) {
      try Segmentation(features: rfm, k: .fixed(200)).fit(threeGroups().table)
    }
  }

  @Test("profiles and names: the frequent big spenders are high-value loyal, the lapsed dormant")
  func namesFromProfile() throws {
    let table = threeGroups().table
    let result = try Segmentation(features: rfm, k: .fixed(3), seed: 3).fit(table)
    let profile = SegmentProfile(result, table: table)
    #expect(profile.sizes == [60, 50, 40])
    let names = SegmentName.derive(from: profile).map(\.en)
    #expect(names[0] == "High-value loyal")
    #expect(names[1] == "Dormant")
    #expect(Set(names).count == 3)
    #expect(profile.region?.values[0]?.value == "华东")
    #expect(profile.region?.values[1]?.value == "西南")
  }

  @Test("repeated names are numbered in segment order")
  func uniqueNames() {
    let names = SegmentName.unique([SegmentName(en: "Dormant", zh: "沉睡"), SegmentName(en: "New", zh: "新客"), SegmentName(en: "Dormant", zh: "沉睡")])
    #expect(names.map(\.en) == ["Dormant", "New", "Dormant (2)"])
    #expect(names[2].zh == "沉睡（2）")
  }

  @Test("provinces map to their regions, short or full names")
  func regions() {
    #expect(ChineseRegion.region(ofProvince: "浙江")?.zh == "华东")
    #expect(ChineseRegion.region(ofProvince: "广西壮族自治区")?.zh == "华南")
    #expect(ChineseRegion.region(ofProvince: "黑龙江省")?.en == "Northeast China")
    #expect(ChineseRegion.region(ofProvince: "Ontario") == nil)
  }
}

@Suite struct SegmentModelTests {
  @Test("model.json round-trips, and assigning the training customers gives back their segments")
  func roundTrip() throws {
    let table = threeGroups().table
    let features = rfm + [SegmentFeature("province", transform: .oneHot, weight: 0.5)]
    let result = try Segmentation(features: features, k: .fixed(3), seed: 5).fit(table)
    let names = SegmentName.derive(from: SegmentProfile(result, table: table))
    let model = SegmentModel(result: result, names: names, asOf: "2026-01-01", tableRows: table.count, toolVersion: "test")
    let bytes = try model.jsonBytes()
    let decoded = try SegmentModel.decode(bytes)
    #expect(decoded == model)
    #expect(try decoded.jsonBytes() == bytes)
    #expect(decoded.training.population == 150 && decoded.training.customers == 152)
    #expect(decoded.training.customerIDHash.count == 16)
    let assigned = try decoded.assign(table)
    #expect(assigned.customerIDs == result.customerIDs)
    #expect(assigned.segment == result.labels)
    #expect(assigned.second == result.distances.second)
    for i in assigned.distance.indices {
      #expect(abs(assigned.distance[i] - result.distances.nearestDistance[i]) < 1e-9)
    }
  }

  @Test("a model of another format version is refused")
  func versionCheck() throws {
    let result = try Segmentation(features: rfm, k: .fixed(2)).fit(threeGroups().table)
    let model = SegmentModel(result: result, names: [SegmentName("a"), SegmentName("b")], asOf: "2026-01-01", tableRows: 152, toolVersion: "t")
    let text = String(decoding: try model.jsonBytes(), as: UTF8.self).replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 99")
    #expect(throws: FeatureError.self) { try SegmentModel.decode(Array(text.utf8)) }
  }
}

@Suite struct SegmentNamesTests {
  @Test("a names file maps segment numbers to names")
  func reads() throws {
    let names = try SegmentNames.parse(yaml: "0: 高价值忠诚\n2: Weekend shoppers\n", path: "names.yaml", segments: 3)
    #expect(names == [0: "高价值忠诚", 2: "Weekend shoppers"])
  }

  @Test("a broken names file is an error naming its line and column", arguments: [
    ("0: a\nseven: b\n", 2, "not a segment number"),
    ("0: a\n  5: b\n", 2, "mapping values are not allowed"),
    ("0: a\n9: b\n", 2, "there is no segment 9"),
    ("0: a\n1: [x, y]\n", 2, "expected a name"),
    ("0: a\n1: a\n", 2, "already given to segment 0"),
    ("- a\n- b\n", 1, "expected 'segment number: name' pairs"),
  ] as [(String, Int?, String)])
  func errors(yaml: String, line: Int?, message: String) {
    #expect {
      _ = try SegmentNames.parse(yaml: yaml, path: "names.yaml", segments: 3)
    } throws: { error in
      guard case .invalidConfiguration(let path, let l, _, let m)? = error as? FeatureError else { return false }
      return path == "names.yaml" && (line == nil || l == line) && m.contains(message) && l != nil
    }
  }
}

@Suite struct PurchaseBehaviourTests {
  /// A: purchases of 100 and 300 thirty days apart, one refunded in part;
  /// B: one purchase of 50, refunded; C: a refund only.
  @Test("purchases a year over the active span plus 60 days, and the average purchase value before refunds, by hand")
  func byHand() throws {
    let folder = TemporaryDirectory()
    _ = folder.write("transactions.csv", """
      order_id,customer_id,order_date,amount
      O1,A,2025-01-01,100
      O2,A,2025-01-31,300
      O3,A,2025-02-05,-100
      O4,B,2025-02-20,50
      O5,B,2025-02-25,-50
      O6,C,2025-02-26,-10

      """)
    let history = try PurchaseHistoryLoader.load(try .folder(folder.path))
    let features = try FeatureBuilder(asOf: DayNumber.day(year: 2025, month: 3, day: 2)!).build(history)
    var table = FeatureTable(features, history: history)
    PurchaseBehaviour.append(to: &table, features: features)
    #expect(table.customerIDs == ["A", "B", "C"])
    // A: tenure 60 days, recency 30, so an active span of 30 days: 365 · 2 / (30 + 60).
    let rate = try #require(table.numbers("purchases_per_year"))
    #expect(rate[0] == 365.0 * 2 / 90 && rate[1] == 365.0 / 60 && rate[2].isNaN)
    let value = try #require(table.numbers("purchase_value_avg"))
    #expect(value[0] == 200 && value[1] == 50 && value[2].isNaN)
    // Net of refunds, monetary_avg would put B at 0.
    #expect(table.numbers("monetary_avg")![1] == 0)
    // Appending twice adds nothing.
    let columns = table.columns.count
    PurchaseBehaviour.append(to: &table, features: features)
    #expect(table.columns.count == columns)
  }
}
