import DataIngest
import Foundation
import Testing
import TestSupport

@testable import Features

/// Every value of `features` as bit patterns by name, so `.nan` and the last bit of a sum count.
private func bits(_ features: CustomerFeatures) -> [String: [UInt64]] {
  var all: [String: [UInt64]] = [
    "customer": features.customer.map { UInt64(bitPattern: Int64($0)) },
    "has_orders": features.hasOrders.map { $0 ? 1 : 0 },
    "horizon": [UInt64(bitPattern: Int64(features.horizon ?? -1))],
    "spend_365d": features.spend365d.map(\.bitPattern),
    "purchase_value": features.purchaseValue.map(\.bitPattern),
  ]
  for (name, values) in features.columns + features.recentEventColumns { all[name] = values.map(\.bitPattern) }
  if let churn = features.churn { all["churn"] = churn.map(\.bitPattern) }
  if let purchase = features.purchase { all["purchase"] = purchase.map(\.bitPattern) }
  return all
}

/// The features of each builder built alone, the rows grouped into orders for each window.
private func builtAlone(_ builders: [FeatureBuilder], _ history: PurchaseHistory) throws -> [CustomerFeatures] {
  try builders.map { try $0.labelled($0.unlabelled(history), history) }
}

private func day(_ year: Int, _ month: Int, _ day: Int) -> Int32 { DayNumber.day(year: year, month: month, day: day)! }

private func load(_ transactions: String, events: String? = nil) throws -> (PurchaseHistory, TemporaryDirectory) {
  let folder = TemporaryDirectory()
  folder.write("customers.csv", "customer_id,signup_date\nA,2025-01-01\nB,\nC,2025-03-01\nD,2025-06-01\n")
  folder.write("transactions.csv", transactions)
  if let events { folder.write("events.csv", events) }
  return (try PurchaseHistoryLoader.load(try .folder(folder.path)), folder)
}

@Suite struct FeatureBatchTests {
  @Test("several days built together equal each built alone, bit for bit")
  func fixtureDays() throws {
    let history = try PurchaseHistoryLoader.load(
      try .folder(Bundle.module.path(forResource: "Fixtures/data", ofType: nil)!),
      options: IngestOptions(keepDuplicates: [.events]))
    let builders = [
      FeatureBuilder(asOf: day(2025, 7, 1), horizon: 90),
      FeatureBuilder(asOf: day(2025, 9, 29), horizon: 90),
      FeatureBuilder(asOf: day(2024, 2, 29), horizon: 30, purchaseFilter: .channel("app")),
      FeatureBuilder(asOf: day(2025, 12, 1), horizon: 90),  // labels incomplete
      FeatureBuilder(asOf: day(2026, 1, 1)),
    ]
    let n = history.customerIDs.count
    #expect(CustomerOrders(history.transactions, customers: n, edges: [day(2025, 7, 1)], parts: 2) != nil)
    let together = try FeatureBuilder.build(builders, history)
    let alone = try builtAlone(builders, history)
    #expect(together.count == builders.count)
    for (a, b) in zip(together, alone) { #expect(bits(a) == bits(b)) }
    #expect(together[0].churn != nil && together[3].churn == nil && together[4].horizon == nil)
  }

  @Test("an order with rows on two days before T is one order for every window that holds it whole")
  func multiDayOrder() throws {
    let (history, _) = try load(
      """
      order_id,customer_id,order_date,amount,category,discount
      1,A,2025-01-10,100,x,0
      1,A,2025-01-12,-0.1,y,
      2,B,2025-01-20,0.2,x,0.1
      3,A,2025-04-01,30,z,0
      4,B,2025-05-01,0.1,x,0
      5,D,2025-06-15,-5,x,0

      """,
      events: "customer_id,event_date,event_type\nA,2025-01-01,visit\nB,2025-03-30,complaint\nC,2025-05-05,visit\n")
    let builders = [FeatureBuilder(asOf: day(2025, 4, 1), horizon: 30), FeatureBuilder(asOf: day(2025, 7, 1))]
    #expect(CustomerOrders(history.transactions, customers: history.customerIDs.count, edges: [day(2025, 4, 1)], parts: 2) != nil)
    let together = try FeatureBuilder.build(builders, history)
    for (a, b) in zip(together, try builtAlone(builders, history)) { #expect(bits(a) == bits(b)) }
    // A's first order is 100 − 0.1 on 01-10; B's first holds a discount.
    #expect(together[0].monetaryTotal == [99.9, 0.2, 0])  // C signed up before T
    #expect(together[0].tenureDays[0] == 81)
    #expect(together[1].customer.map { history.customerIDs[Int($0)] } == ["A", "B", "C", "D"])
    #expect(together[1].column("events_visit") == [1, 0, 1, 0])
  }

  @Test(
    "data one grouping cannot serve take the exact way, one window at a time",
    arguments: [
      // An order with rows on both sides of T.
      "order_id,customer_id,order_date,amount\n1,A,2025-03-30,10\n1,A,2025-04-02,-10\n2,B,2025-02-01,5\n3,B,2025-04-10,5\n",
      // An order whose rows are not consecutive.
      "order_id,customer_id,order_date,amount\n1,A,2025-01-10,10\n2,B,2025-01-11,5\n1,A,2025-01-10,-3\n3,B,2025-04-10,5\n",
      // More categories than one order's bits hold.
      "order_id,customer_id,order_date,amount,category\n"
        + (0..<40).map { "\($0),\($0 % 2 == 0 ? "A" : "B"),2025-01-\(10 + $0 % 20),\($0 + 1),c\($0)\n" }.joined()
        + "99,A,2025-04-10,5,c1\n",
    ])
  func fallback(transactions: String) throws {
    let (history, _) = try load(transactions)
    let t = day(2025, 4, 1)
    let builders = [FeatureBuilder(asOf: t, horizon: 30), FeatureBuilder(asOf: t + 30)]
    #expect(CustomerOrders(history.transactions, customers: history.customerIDs.count, edges: [t, t + 30], parts: 2) == nil)
    for (a, b) in zip(try FeatureBuilder.build(builders, history), try builtAlone(builders, history)) {
      #expect(bits(a) == bits(b))
    }
  }

  @Test("without order_id each row is an order")
  func rowsAsOrders() throws {
    let (history, _) = try load(
      "customer_id,order_date,amount\nA,2025-01-10,10\nA,2025-01-10,-4\nB,2025-02-01,5\nA,2025-04-10,5\n")
    let builders = [FeatureBuilder(asOf: day(2025, 4, 1), horizon: 10)]
    let together = try FeatureBuilder.build(builders, history)
    #expect(bits(together[0]) == bits(try builtAlone(builders, history)[0]))
    #expect(together[0].frequency == [1, 1, 0] && together[0].refundCount == [1, 0, 0])
  }

  @Test("errors are those of the first builder that fails")
  func errors() throws {
    let (history, _) = try load("order_id,customer_id,order_date,amount\n1,A,2025-01-10,10\n2,A,2025-05-10,10\n")
    let builders = [
      FeatureBuilder(asOf: day(2025, 4, 1), horizon: 30, purchaseFilter: .category("x")),
      FeatureBuilder(asOf: day(2025, 1, 1)),
    ]
    #expect(throws: FeatureError.unknownColumn(name: "category", known: ["customer_id", "order_date", "amount"])) {
      try FeatureBuilder.build(builders, history)
    }
    #expect(throws: FeatureError.noDataBefore(asOf: "2025-01-01", firstDay: "2025-01-10")) {
      try FeatureBuilder.build(builders.reversed(), history)
    }
  }

  @Test("a store builds the days it does not hold together, and labels the ones it holds")
  func store() throws {
    let (history, _) = try load(
      "order_id,customer_id,order_date,amount\n1,A,2025-01-10,10\n2,B,2025-03-01,5\n3,A,2025-04-10,5\n4,B,2025-05-05,7\n5,A,2025-05-20,3\n")
    let store = FeatureStore(history)
    let t = day(2025, 4, 1)
    let first = try store.features([FeatureBuilder(asOf: t, horizon: 30), FeatureBuilder(asOf: t + 30)])
    let again = try store.features([FeatureBuilder(asOf: t + 30, horizon: 9), FeatureBuilder(asOf: t), FeatureBuilder(asOf: t - 30)])
    let alone = try builtAlone(
      [FeatureBuilder(asOf: t, horizon: 30), FeatureBuilder(asOf: t + 30), FeatureBuilder(asOf: t + 30, horizon: 9),
       FeatureBuilder(asOf: t), FeatureBuilder(asOf: t - 30)], history)
    for (a, b) in zip(first + again, alone) { #expect(bits(a) == bits(b)) }
    #expect(again[0].churn?.prefix(2) == [1, 0] && again[0].churn?[2].isNaN == true && again[1].churn == nil)
  }
}
