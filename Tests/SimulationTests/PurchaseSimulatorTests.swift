import DataIngest
import Foundation
import Simulation
import Testing
import TestSupport

@Suite struct PurchaseSimulatorTests {
  static let files = ["customers.csv", "transactions.csv", "events.csv", "truth.csv"]

  @Test("the same seed writes byte-identical files, on one thread or several")
  func deterministic() throws {
    let parameters = SimulationParameters(customers: 3_000, seed: 9)
    let first = try SimulatedDataSet(parameters, threads: 1)
    let second = try SimulatedDataSet(parameters, threads: 4)
    for name in Self.files {
      #expect(first.bytes(name).count > 100, "\(name) is empty")
      #expect(first.bytes(name) == second.bytes(name), "\(name) differs between runs")
    }
    var renamed = second.summary
    renamed.files = first.summary.files
    #expect(first.summary == renamed)
  }

  @Test("a different seed writes different files")
  func seedMatters() throws {
    let a = try SimulatedDataSet(SimulationParameters(customers: 500, seed: 1))
    let b = try SimulatedDataSet(SimulationParameters(customers: 500, seed: 2))
    for name in Self.files { #expect(a.bytes(name) != b.bytes(name), "\(name) did not change with the seed") }
  }

  @Test("a customer's history does not depend on how many customers are simulated after it")
  func prefixStable() throws {
    // Same seed, more customers: the first customers keep their attributes
    // (signup dates move, because ids are spread over the whole period).
    let small = try SimulatedDataSet(SimulationParameters(customers: 200, seed: 4))
    let large = try SimulatedDataSet(SimulationParameters(customers: 400, seed: 4))
    let attributes = { (table: CSVTable) in table.rows.prefix(200).map { $0[2...].joined(separator: ",") } }
    #expect(attributes(small.customers) == attributes(large.customers))
  }

  @Test("the files have the data contract's columns and the counts of the summary")
  func columnsAndCounts() throws {
    let data = try SimulatedDataSet(SimulationParameters(customers: 2_000, seed: 3))
    #expect(data.customers.header == [
      "customer_id", "signup_date", "gender", "birth_year", "province", "city", "source", "member_tier"])
    #expect(data.transactions.header == [
      "order_id", "customer_id", "order_date", "amount", "quantity", "category", "channel", "discount"])
    #expect(data.events.header == ["customer_id", "event_date", "event_type", "value"])
    #expect(data.truth.header == [
      "customer_id", "segment", "dissatisfaction", "price_sensitive", "member", "region_effect",
      "purchase_rate", "daily_hazard", "churned", "churn_date"])
    for table in [data.customers, data.transactions, data.events, data.truth] {
      #expect(table.rows.allSatisfy { $0.count == table.header.count })
    }
    #expect(data.customers.rows.count == 2_000)
    #expect(data.truth.rows.count == 2_000)
    #expect(data.transactions.rows.count == data.summary.transactionRows)
    #expect(data.events.rows.count == data.summary.eventRows)
    let orders = data.orders()
    #expect(orders.count == data.summary.purchaseOrders + data.summary.refundOrders)
    #expect(orders.filter { $0.amountCents < 0 }.count == data.summary.refundOrders)
    #expect(data.truth.rows.filter { $0[8] == "1" }.count == data.summary.churnedCustomers)
    // The shapes a realistic export has, with room for sampling noise.
    #expect(data.transactions.rows.count > 10 * 2_000 / 2)
    #expect(data.summary.refundOrders > 0)
    #expect(Set(data.events.rows.map { $0[2] }) == ["visit", "complaint", "inquiry", "praise"])
  }

  @Test("ids are unique text with leading zeros, and every row's customer exists")
  func identifiers() throws {
    let data = try SimulatedDataSet(SimulationParameters(customers: 1_500, seed: 5))
    let ids = data.customers.rows.map { $0[0] }
    #expect(Set(ids).count == ids.count)
    #expect(ids.first == "C0000001")
    #expect(ids.last == "C0001500")
    #expect(data.truth.rows.map { $0[0] } == ids)
    let known = Set(ids)
    #expect(data.transactions.rows.allSatisfy { known.contains($0[1]) })
    #expect(data.events.rows.allSatisfy { known.contains($0[0]) })
    #expect(data.transactions.rows.first?[0] == "O000000001")
    // Customer ids rise with the signup date.
    let signups = data.customers.rows.map { $0[1] }
    #expect(signups == signups.sorted())
  }

  @Test("every date lies in [start, end], rows are in date order, and no one buys before signing up")
  func dates() throws {
    var parameters = SimulationParameters(customers: 1_500, seed: 6)
    parameters.startDay = DayNumber.day(year: 2024, month: 3, day: 1)!
    parameters.endDay = DayNumber.day(year: 2024, month: 8, day: 31)!
    let data = try SimulatedDataSet(parameters)
    let inPeriod = { (text: String) in text >= "2024-03-01" && text <= "2024-08-31" }
    #expect(data.customers.rows.allSatisfy { inPeriod($0[1]) })
    #expect(data.transactions.rows.allSatisfy { inPeriod($0[2]) })
    #expect(data.events.rows.allSatisfy { inPeriod($0[1]) })
    #expect(data.truth.rows.allSatisfy { $0[9].isEmpty || inPeriod($0[9]) })
    let orderDates = data.transactions.rows.map { $0[2] }
    #expect(orderDates == orderDates.sorted())
    let eventDates = data.events.rows.map { $0[1] }
    #expect(eventDates == eventDates.sorted())
    let signup = Dictionary(uniqueKeysWithValues: data.customers.rows.map { ($0[0], $0[1]) })
    #expect(data.transactions.rows.allSatisfy { $0[2] >= signup[$0[1]]! })
    #expect(data.events.rows.allSatisfy { $0[1] >= signup[$0[0]]! })
  }

  @Test("an order's rows share customer, date and channel; refunds are one negative row of their own")
  func orders() throws {
    let data = try SimulatedDataSet(SimulationParameters(customers: 3_000, seed: 8))
    let orders = data.orders()
    #expect(orders.allSatisfy { $0.dates.count == 1 })
    let customerOf = Dictionary(grouping: data.transactions.rows, by: { $0[0] }).mapValues { Set($0.map { $0[1] }) }
    #expect(customerOf.values.allSatisfy { $0.count == 1 })
    let rowCounts = Dictionary(grouping: orders.filter { $0.amountCents > 0 }, by: \.rows).mapValues(\.count)
    #expect(Set(rowCounts.keys) == [1, 2, 3])
    #expect(rowCounts[1]! > rowCounts[2]! && rowCounts[2]! > rowCounts[3]!)
    let refunds = orders.filter { $0.amountCents < 0 }
    #expect(!refunds.isEmpty)
    #expect(refunds.allSatisfy { $0.rows == 1 && !$0.discounted })
    // Amounts have exactly two decimals; quantities are negative only on refunds.
    #expect(data.transactions.rows.allSatisfy { $0[3].split(separator: ".").last?.count == 2 })
    #expect(data.transactions.rows.allSatisfy { ($0[3].hasPrefix("-")) == ($0[4].hasPrefix("-")) })
    #expect(Set(data.transactions.rows.map { $0[5] }).isSubset(of: SimulationVocabulary.categories))
    #expect(Set(data.transactions.rows.map { $0[6] }).isSubset(of: SimulationVocabulary.channels))
  }

  @Test("no file has two equal rows, which a loader would drop as duplicates")
  func noDuplicateRows() throws {
    let data = try SimulatedDataSet(SimulationParameters(customers: 3_000, seed: 10))
    for (name, table) in [("transactions", data.transactions), ("events", data.events), ("customers", data.customers)] {
      let lines = table.rows.map { $0.joined(separator: ",") }
      #expect(Set(lines).count == lines.count, "\(name) has duplicate rows")
    }
  }

  @Test("a folder that does not exist is reported with its path")
  func missingFolder() throws {
    let simulator = try PurchaseSimulator(SimulationParameters(customers: 10, seed: 1))
    #expect {
      try simulator.write(to: "/nonexistent/simulation")
    } throws: { error in
      guard case .cannotWrite(let path, _) = error as? SimulationError else { return false }
      return path.hasPrefix("/nonexistent/simulation/")
    }
    #expect(!FileManager.default.fileExists(atPath: "/nonexistent/simulation"))
  }
}
