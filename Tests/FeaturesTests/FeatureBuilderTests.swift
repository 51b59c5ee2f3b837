import DataIngest
import Features
import Foundation
import Testing
import TestSupport

/// The pandas peer pipeline's features.csv, by customer id.
private func pandasFeatures(_ name: String) throws -> [String: [String: String]] {
  let path = Bundle.module.path(forResource: "Fixtures/pandas/\(name)", ofType: nil)!
  let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
  let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  var rows: [String: [String: String]] = [:]
  for line in lines.dropFirst() {
    let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    rows[cells[0]] = Dictionary(uniqueKeysWithValues: zip(header, cells))
  }
  return rows
}

/// The reference counts identical event rows as separate events (the clean
/// simulation writes a few: two visits with the same page count on one day).
private func fixtureHistory() throws -> PurchaseHistory {
  try PurchaseHistoryLoader.load(
    try .folder(Bundle.module.path(forResource: "Fixtures/data", ofType: nil)!),
    options: IngestOptions(keepDuplicates: [.events]))
}

@Suite struct FeatureBuilderTests {
  @Test(
    "features and churn labels equal the pandas reference pipeline's",
    arguments: [("features.csv", (2025, 7, 1)), ("features-2025-10-01.csv", (2025, 10, 1))])
  func matchesPandas(file: String, date: (Int, Int, Int)) throws {
    let history = try fixtureHistory()
    let asOf = DayNumber.day(year: date.0, month: date.1, day: date.2)!
    let features = try FeatureBuilder(asOf: asOf, horizon: 90).build(history)
    let reference = try pandasFeatures(file)
    let columns = features.columns
    let churn = try #require(features.churn)
    var compared = 0
    for row in 0..<features.count {
      let id = history.customerIDs[Int(features.customer[row])]
      guard let expected = reference[id] else {
        // pandas lists the churn population only: customers with an order before T.
        #expect(!features.hasOrders[row], "\(id) has orders but is not in the reference")
        continue
      }
      #expect(features.hasOrders[row])
      compared += 1
      for (name, values) in columns {
        let text = try #require(expected[name], "no \(name) in the reference")
        let value = values[row]
        if text.isEmpty {
          #expect(value.isNaN, "\(id) \(name): expected empty, got \(value)")
        } else if ["monetary_total", "spend_90d"].contains(name) {
          // The reference rounds money to cents; sums of cents are met to 1e-9.
          #expect(abs(value - Double(text)!) < 1e-9, "\(id) \(name): \(value) vs \(text)")
        } else {
          assertApproximatelyEqual(value, Double(text)!, relativeTolerance: 1e-12, "\(id) \(name)")
        }
      }
      #expect(churn[row] == Double(expected["churn"]!)!, "\(id) churn")
    }
    #expect(compared == reference.count)
    #expect(compared > 400)
  }

  @Test("labels need data to the end of the window")
  func incompleteWindow() throws {
    let history = try fixtureHistory()
    // The fixture ends on 2025-12-31: a 90-day window from 2025-10-03 ends on 2025-12-31, from 2025-10-04 it does not.
    let complete = FeatureBuilder(asOf: DayNumber.day(year: 2025, month: 10, day: 3)!, horizon: 90)
    let incomplete = FeatureBuilder(asOf: DayNumber.day(year: 2025, month: 10, day: 4)!, horizon: 90)
    #expect(try complete.build(history).churn != nil)
    #expect(try incomplete.build(history).churn == nil)
  }

  @Test("a hand-worked customer: refunds, a same-day pair of orders, discounts and categories")
  func handWorked() throws {
    let folder = TemporaryDirectory()
    folder.write("customers.csv", "customer_id,signup_date\nA,2025-01-01\nB,2025-01-01\nC,2025-03-01\n")
    folder.write(
      "transactions.csv",
      """
      order_id,customer_id,order_date,amount,category,discount
      1,A,2025-01-10,100,x,0
      1,A,2025-01-10,50,y,5
      2,A,2025-01-10,20,x,0
      3,A,2025-02-19,-30,z,0
      4,A,2025-02-20,40,z,0
      5,B,2025-02-25,-10,x,0
      6,A,2025-03-05,10,x,0
      7,B,2025-03-20,15,x,0

      """)
    let t = DayNumber.day(year: 2025, month: 3, day: 1)!
    let history = try PurchaseHistoryLoader.load(try .folder(folder.path))
    let f = try FeatureBuilder(asOf: t, horizon: 20).build(history)
    // C signed up on T itself: not known before T.
    #expect(f.customer.map { history.customerIDs[Int($0)] } == ["A", "B"])
    // A: purchases on 01-10 (150, discounted), 01-10 (20), 02-20 (40); a refund of 30 on 02-19.
    #expect(f.frequency == [3, 0])
    #expect(f.monetaryTotal == [180, -10])
    #expect(f.monetaryAvg[0] == 60 && f.monetaryAvg[1].isNaN)
    #expect(f.recencyDays[0] == 9 && f.tenureDays[0] == 50)  // 2025-02-20 and 2025-01-10 to 2025-03-01
    #expect(f.interpurchaseDaysAvg[0] == 20.5)  // (50 − 9) / 2
    #expect(f.orders90d[0] == 3 && f.spend90d[0] == 180)
    #expect(try #require(f.distinctCategories) == [3, 0])  // x, y, z; B's only order is a refund
    #expect(try #require(f.discountShare)[0] == 1.0 / 3)
    #expect(f.refundCount == [1, 1])
    // B has an order (a refund) before T, so is in the churn population with empty recency.
    #expect(f.hasOrders == [true, true] && f.recencyDays[1].isNaN)
    #expect(try #require(f.churn) == [0, 0])
    #expect(try #require(f.purchase) == [1, 1])
  }

  @Test("events_<type>_90d counts events in [T − 90, T); events_<type> all before T")
  func recentEvents() throws {
    let folder = TemporaryDirectory()
    folder.write("transactions.csv", "order_id,customer_id,order_date,amount\n1,A,2025-01-10,10\n2,B,2025-01-10,10\n")
    // T = 2025-07-01; T − 90 = 2025-04-02.
    folder.write(
      "events.csv",
      """
      customer_id,event_date,event_type
      A,2025-04-01,complaint
      A,2025-04-02,complaint
      A,2025-06-30,complaint
      A,2025-07-01,complaint
      A,2025-05-01,visit
      B,2025-01-01,complaint

      """)
    let history = try PurchaseHistoryLoader.load(try .folder(folder.path))
    let f = try FeatureBuilder(asOf: DayNumber.day(year: 2025, month: 7, day: 1)!).build(history)
    #expect(f.column("events_complaint") == [3, 1])
    #expect(f.column("events_complaint_90d") == [2, 0])
    #expect(f.column("events_visit") == [1, 0])
    #expect(f.column("events_visit_90d") == [1, 0])
  }
}
