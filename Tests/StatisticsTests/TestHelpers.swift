import DataIngest
import Foundation
import Statistics
import Testing

/// |a − b| ≤ tolerance · max(|a|, |b|), with NaN equal to NaN and exact
/// equality always accepted (so 0 compares with 0).
func isClose(_ a: Double, _ b: Double, relativeTolerance: Double = 1e-12) -> Bool {
  if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
  if a == b { return true }
  return abs(a - b) <= relativeTolerance * max(abs(a), abs(b))
}

/// A reference number from JSON: `nil` (JSON null) stands for NaN.
func isClose(_ a: Double, _ reference: Double?, relativeTolerance: Double = 1e-12) -> Bool {
  isClose(a, reference ?? .nan, relativeTolerance: relativeTolerance)
}

/// The pandas data set of Fixtures/ (see make_reference.py): the two CSV
/// files read by a tiny test-only reader, and the figures pandas computed.
struct PandasFixture: @unchecked Sendable {  // read-only after init
  static let shared = PandasFixture()

  /// Customer id text per customer index (first appearance in transactions).
  let customerIDs: [String]
  let transactions: TransactionTable
  let gender: CategoricalColumn
  let birthYear: [Double]
  let province: CategoricalColumn
  /// reference.json, as decoded by JSONSerialization.
  let reference: [String: Any]

  private init() {
    let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    let transactionRows = Self.readCSV(folder.appendingPathComponent("transactions.csv"))
    let customerRows = Self.readCSV(folder.appendingPathComponent("customers.csv"))

    var customerIndex: [String: Int32] = [:]
    var customerIDs: [String] = []
    func index(of id: String) -> Int32 {
      if let i = customerIndex[id] { return i }
      let i = Int32(customerIDs.count)
      customerIndex[id] = i
      customerIDs.append(id)
      return i
    }
    var orderIndex: [String: Int32] = [:]
    var table = TransactionTable()
    var order: [Int32] = []
    var category = CategoryBuilder()
    var discount: [Double] = []
    for row in transactionRows {
      let customer = index(of: row["customer_id"]!)
      let key = row["customer_id"]! + "\u{1F}" + row["order_id"]!
      let o = orderIndex[key] ?? Int32(orderIndex.count)
      orderIndex[key] = o
      table.customer.append(customer)
      order.append(o)
      table.day.append(Self.day(row["order_date"]!))
      table.amount.append(Double(row["amount"]!)!)
      category.append(row["category"]!)
      discount.append(Double(row["discount"]!) ?? .nan)
    }
    table.order = order
    table.orderCount = orderIndex.count
    table.category = category.column
    table.discount = discount

    var gender = CategoryBuilder()
    var province = CategoryBuilder()
    var birthYear: [Double] = []
    for row in customerRows {
      gender.append(row["gender"]!)
      province.append(row["province"]!)
      birthYear.append(Double(row["birth_year"]!) ?? .nan)
    }

    let json = try! Data(contentsOf: folder.appendingPathComponent("reference.json"))
    self.reference = try! JSONSerialization.jsonObject(with: json) as! [String: Any]
    self.customerIDs = customerIDs
    self.transactions = table
    self.gender = gender.column
    self.birthYear = birthYear
    self.province = province.column
  }

  /// Orders of the whole fixture.
  var orders: OrderTable { OrderTable(transactions) }

  /// A section of reference.json.
  subscript(_ key: String) -> [String: Any] { reference[key] as! [String: Any] }

  /// Header-keyed rows of a fixture CSV: no quotes in these files, so a
  /// plain split on commas is a faithful reading.
  private static func readCSV(_ url: URL) -> [[String: String]] {
    let text = try! String(contentsOf: url, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false)
      .map(String.init)
    return lines.map { line in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      precondition(fields.count == header.count, "bad fixture line: \(line)")
      return Dictionary(uniqueKeysWithValues: zip(header, fields))
    }
  }

  /// `YYYY-MM-DD` → day number.
  static func day(_ text: String) -> Int32 {
    let parts = text.split(separator: "-").map { Int($0)! }
    return DayNumber.day(year: parts[0], month: parts[1], day: parts[2])!
  }
}

/// Builds a ``CategoricalColumn`` cell by cell; an empty cell is missing.
struct CategoryBuilder {
  private var index: [String: Int32] = [:]
  private(set) var column = CategoricalColumn()

  mutating func append(_ value: String) {
    guard !value.isEmpty else {
      column.codes.append(CategoricalColumn.missing)
      return
    }
    if let code = index[value] {
      column.codes.append(code)
    } else {
      let code = Int32(column.levels.count)
      index[value] = code
      column.levels.append(value)
      column.codes.append(code)
    }
  }

  static func column(_ values: [String]) -> CategoricalColumn {
    var builder = CategoryBuilder()
    for v in values { builder.append(v) }
    return builder.column
  }
}

/// A transaction table from (customer, order, day, amount) rows, for
/// hand-worked cases.
func transactions(_ rows: [(customer: Int32, order: Int32, day: Int32, amount: Double)])
  -> TransactionTable
{
  var table = TransactionTable()
  table.customer = rows.map(\.customer)
  table.order = rows.map(\.order)
  table.orderCount = Int(rows.map(\.order).max() ?? -1) + 1
  table.day = rows.map(\.day)
  table.amount = rows.map(\.amount)
  return table
}

/// The day number of a date in 2025 (hand-worked cases).
func day2025(_ month: Int, _ day: Int) -> Int32 {
  DayNumber.day(year: 2025, month: month, day: day)!
}

/// Compares a summary with a pandas `describe()` + `skew()` record.
func expectMatches(
  _ summary: NumericSummary, _ reference: [String: Any],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(summary.count == reference["count"] as! Int, sourceLocation: sourceLocation)
  #expect(summary.missing == reference["missing"] as! Int, sourceLocation: sourceLocation)
  let pairs: [(String, Double)] = [
    ("mean", summary.mean), ("std", summary.standardDeviation), ("min", summary.min),
    ("p25", summary.p25), ("median", summary.median), ("p75", summary.p75),
    ("max", summary.max), ("skew", summary.skewness),
  ]
  for (name, value) in pairs {
    let expected = reference[name] as? Double
    #expect(
      isClose(value, expected), "\(name): \(value) vs pandas \(String(describing: expected))",
      sourceLocation: sourceLocation)
  }
}
