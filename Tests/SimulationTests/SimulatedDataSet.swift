import DataIngest
import Foundation
import Simulation
import TestSupport

/// The four files of one simulation, read back as text rows, plus the
/// per-customer figures the tests compare.
struct SimulatedDataSet {
  let folder: TemporaryDirectory
  let summary: SimulationSummary
  let customers: CSVTable
  let transactions: CSVTable
  let events: CSVTable
  let truth: CSVTable

  init(_ parameters: SimulationParameters, threads: Int? = nil) throws {
    folder = TemporaryDirectory()
    summary = try PurchaseSimulator(parameters, threads: threads).write(to: folder.path)
    customers = CSVTable(folder.read("customers.csv"))
    transactions = CSVTable(folder.read("transactions.csv"))
    events = CSVTable(folder.read("events.csv"))
    truth = CSVTable(folder.read("truth.csv"))
  }

  /// The raw bytes of `name`.
  func bytes(_ name: String) -> Data {
    FileManager.default.contents(atPath: "\(folder.path)/\(name)") ?? Data()
  }

  /// One customer's truth and observed behaviour.
  struct Customer {
    var segment = ""
    var churned = false
    var priceSensitive = false
    var member = false
    /// The built-in hazard effect of the customer's province.
    var regionEffect = 0.0
    var complaints = 0
    var purchases = 0
    var discountedPurchases = 0
    var activeDays = 0
  }

  /// Truth joined with counts from transactions and events, by customer id.
  func customerFacts(endDay: Int32) -> [String: Customer] {
    var facts: [String: Customer] = [:]
    let signup = Dictionary(uniqueKeysWithValues: customers.rows.map { ($0[0], isoDay($0[1])) })
    let provinceEffect = Dictionary(uniqueKeysWithValues: Province.builtIn.map { ($0.name, $0.hazardEffect) })
    let regionEffect = Dictionary(uniqueKeysWithValues: customers.rows.map { ($0[0], provinceEffect[$0[4]]!) })
    for row in truth.rows {
      let end = row[9].isEmpty ? endDay + 1 : isoDay(row[9])
      facts[row[0]] = Customer(
        segment: row[1], churned: row[8] == "1", priceSensitive: row[3] == "1", member: row[4] == "1",
        regionEffect: regionEffect[row[0]]!, activeDays: Int(end - signup[row[0]]!))
    }
    for row in events.rows where row[2] == "complaint" { facts[row[0]]!.complaints += 1 }
    for order in orders() where order.amountCents > 0 {
      facts[order.customer]!.purchases += 1
      if order.discounted { facts[order.customer]!.discountedPurchases += 1 }
    }
    return facts
  }

  struct Order {
    var customer: String
    var dates: Set<String>
    var rows: Int
    var amountCents: Int
    var discounted: Bool
    var category: [String]
    var channel: String
  }

  /// Transactions grouped by order id.
  func orders() -> [Order] {
    var orders: [String: Order] = [:]
    var sequence: [String] = []
    for row in transactions.rows {
      let cents = Self.cents(row[3])
      if orders[row[0]] == nil {
        sequence.append(row[0])
        orders[row[0]] = Order(
          customer: row[1], dates: [], rows: 0, amountCents: 0, discounted: false, category: [], channel: row[6])
      }
      orders[row[0]]!.dates.insert(row[2])
      orders[row[0]]!.rows += 1
      orders[row[0]]!.amountCents += cents
      orders[row[0]]!.discounted = orders[row[0]]!.discounted || row[7] != "0"
      orders[row[0]]!.category.append(row[5])
    }
    return sequence.map { orders[$0]! }
  }

  /// `-12.34` → -1234.
  static func cents(_ text: String) -> Int {
    let negative = text.hasPrefix("-")
    let parts = text.drop { $0 == "-" }.split(separator: ".")
    let value = Int(parts[0])! * 100 + Int(parts[1])!
    return negative ? -value : value
  }
}

/// A CSV file without quoting (the simulator never needs it).
struct CSVTable {
  let header: [String]
  let rows: [[String]]

  init(_ text: String) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    header = lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
    rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }
}

/// The day number of a `yyyy-mm-dd` string the simulator wrote.
func isoDay(_ text: String) -> Int32 {
  let parts = text.split(separator: "-").map { Int($0)! }
  return DayNumber.day(year: parts[0], month: parts[1], day: parts[2])!
}
