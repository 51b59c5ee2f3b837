import DataIngest
import Foundation
import Testing
import TestSupport

func fixture(_ name: String) -> String {
  Bundle.module.path(forResource: "Fixtures/\(name)", ofType: nil)!
}

private struct Manifest: Decodable {
  var counts: [String: Int]
  var faults: [String: Int]
  func count(_ key: String) -> Int { counts[key] ?? -1 }
  func fault(_ key: String) -> Int { faults[key] ?? -1 }

  init(folder: String) throws {
    self = try JSONDecoder().decode(
      Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: "\(folder)/manifest.json")))
  }

  private enum CodingKeys: String, CodingKey { case counts, faults }
  init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    // `counts` holds nested objects too (events_by_type); keep the plain numbers.
    counts = (try? c.decode([String: IntOrObject].self, forKey: .counts))?.compactMapValues(\.int) ?? [:]
    faults = try c.decode([String: Int].self, forKey: .faults)
  }
  private struct IntOrObject: Decodable {
    var int: Int?
    init(from decoder: Decoder) throws { int = try? decoder.singleValueContainer().decode(Int.self) }
  }
}

@Suite struct PurchaseHistoryLoaderTests {
  @Test("a dirty generated export: every row accounted for, counts as the generator injected them")
  func dirtyExport() throws {
    let folder = fixture("dirty")
    let manifest = try Manifest(folder: folder)
    let history = try PurchaseHistoryLoader.load(try .folder(folder))
    let files = Dictionary(uniqueKeysWithValues: history.ingest.files.map { ($0.table, $0) })

    let tx = try #require(files[.transactions])
    #expect(tx.rowsRead == manifest.count("transactions_rows"))
    #expect(tx.rowsRead == tx.accepted + tx.rejected + tx.duplicates)
    #expect(tx.duplicates == manifest.fault("transactions_exact_duplicate_rows"))
    #expect(tx.unknownCustomers == manifest.fault("transactions_unknown_customer_id"))
    let txRejects = history.ingest.rejects.filter { $0.file.hasSuffix("transactions.csv") }
    #expect(txRejects.filter { $0.reason == .missingAmount }.count == manifest.fault("transactions_empty_amount"))
    #expect(txRejects.filter { $0.reason == .unparsableDate }.count == manifest.fault("transactions_unparsable_date"))
    #expect(txRejects.allSatisfy { $0.reason == .missingAmount || $0.reason == .unparsableDate })
    // Independently, with Python's csv module on the same file (50 empty amounts and 45 bad
    // dates fall on 94 distinct rows; 3945 rows accepted summing to 18762808.00).
    #expect(tx.rejected == 94)
    #expect(Set(txRejects.map(\.line)).count == 94)
    #expect(tx.accepted == 3945)
    #expect(history.transactions.count == 3945)
    #expect(abs(history.transactions.amount.reduce(0, +) - 18_762_808.00) < 1e-6)
    #expect(tx.encoding == .utf8)
    // Quoted categories with a comma, a line break and doubled quotes arrive whole.
    let levels = Set(try #require(history.transactions.category).levels)
    #expect(levels.isSuperset(of: ["服装,鞋帽", "数码\n配件", "家居 \"精选\", 特价"]))

    let customers = try #require(files[.customers])
    #expect(customers.rowsRead == manifest.count("customers_rows"))
    #expect(customers.duplicates == manifest.fault("customers_exact_duplicate_rows"))
    #expect(customers.accepted == 400 && customers.rejected == 0)
    #expect(Set(try #require(history.customers?.city).levels).isSuperset(of: ["Hangzhou, Zhejiang", "北京 \"朝阳\", 三里屯"]))

    let events = try #require(files[.events])
    #expect(events.rowsRead == manifest.count("events_rows"))
    // The clean events file already has one pair of identical rows (two equal visits
    // on one day), so one more duplicate than the generator injected.
    #expect(events.duplicates == manifest.fault("events_exact_duplicate_rows") + 1)
    #expect(events.rejected == manifest.fault("events_unparsable_date"))
    #expect(events.rowsRead == events.accepted + events.rejected + events.duplicates)
  }

  @Test("rejects name the file, line, column and the text at fault")
  func rejectDetail() throws {
    let folder = TemporaryDirectory()
    folder.write("transactions.csv", "customer_id,order_date,amount\nC1,2025-01-02,10\nC2,2024-02-30,5\n,2025-01-03,abc\n")
    let history = try PurchaseHistoryLoader.load(try .folder(folder.path))
    #expect(
      history.ingest.rejects == [
        RejectedRow(file: "\(folder.path)/transactions.csv", line: 3, column: "order_date", reason: .unparsableDate, text: "2024-02-30"),
        RejectedRow(file: "\(folder.path)/transactions.csv", line: 4, column: "customer_id", reason: .missingCustomerID, text: ""),
        RejectedRow(file: "\(folder.path)/transactions.csv", line: 4, column: "amount", reason: .unparsableAmount, text: "abc"),
      ])
    #expect(history.ingest.files[0].accepted == 1 && history.ingest.files[0].rejected == 2)
  }

  @Test("a GB18030 export with Chinese headers is detected, decoded and mapped")
  func gb18030() throws {
    let history = try PurchaseHistoryLoader.load(try .folder(fixture("gb18030")))
    let tx = history.ingest.files[1]
    #expect(tx.encoding == .gb18030)
    #expect(tx.columnMapping.first { $0.header == "实付金额" }?.canonical == "amount")
    #expect(tx.columnMapping.first { $0.header == "下单时间" }?.canonical == "order_date")
    #expect(tx.accepted == 300 && tx.rejected == 0)
    // Sum of the 300 amounts (written as ¥73.73 …), computed with Python: 71182.66.
    #expect(abs(history.transactions.amount.reduce(0, +) - 71_182.66) < 1e-6)
    #expect(history.transactions.day[0] == DayNumber.day(year: 2023, month: 1, day: 3))
    #expect(history.customerIDs.contains("C0000002"))
    #expect(try #require(history.transactions.category).levels.contains("服装"))
    let customers = try #require(history.customers)
    #expect(Set(try #require(customers.gender).levels) == ["男", "女"])
    #expect(try #require(customers.province).levels.contains("广西壮族自治区"))
  }

  @Test("a headerless whitespace dump reads with --columns")
  func headerlessWhitespace() throws {
    var options = IngestOptions()
    options.mapping.headerlessColumns[.transactions] = ["customer_id", "order_date", "quantity", "amount"]
    let history = try PurchaseHistoryLoader.load(
      DataSource(transactions: fixture("whitespace.txt")), options: options)
    #expect(history.ingest.files[0].delimiter == .whitespace)
    #expect(history.transactions.count == 200)
    // Computed with Python (str.split): 200 rows, amounts sum to 49625.60, quantities to 294.
    #expect(abs(history.transactions.amount.reduce(0, +) - 49_625.60) < 1e-6)
    #expect(try #require(history.transactions.quantity).reduce(0, +) == 294)
  }

  @Test("rows of one order share an order index; the same order id of another customer does not")
  func orders() throws {
    let folder = TemporaryDirectory()
    folder.write(
      "transactions.csv",
      "order_id,customer_id,order_date,amount\nO1,C1,2025-01-02,10\nO1,C1,2025-01-02,5\nO1,C2,2025-01-03,7\n,C2,2025-01-04,1\n,C2,2025-01-04,2\n")
    let history = try PurchaseHistoryLoader.load(try .folder(folder.path))
    #expect(history.transactions.order == [0, 0, 1, 2, 3])
    #expect(history.transactions.orderCount == 4)
  }

  @Test("an order whose rows are apart is one order; a duplicate row drops, keeping its order")
  func scatteredOrder() throws {
    let folder = TemporaryDirectory()
    folder.write(
      "transactions.csv",
      "order_id,customer_id,order_date,amount\nO1,C1,2025-01-02,10\nO2,C2,2025-01-02,4\nO1,C1,2025-01-02,5\n"
        + "O2,C2,2025-01-02,4\nO3,C1,2025-01-03,1\nO2,C1,2025-01-03,2\nO1,C1,2025-01-02,6\n")
    let history = try PurchaseHistoryLoader.load(try .folder(folder.path))
    #expect(history.ingest.files[0].duplicates == 1)
    #expect(history.transactions.order == [0, 1, 0, 2, 3, 0])
    #expect(history.transactions.orderCount == 4)
  }

  @Test("a missing required column names the headers found and the closest alias")
  func missingColumn() throws {
    let folder = TemporaryDirectory()
    folder.write("transactions.csv", "customer_id,order_date,amout\nC1,2025-01-02,10\n")
    #expect(throws: IngestError.missingColumn(
      file: "\(folder.path)/transactions.csv", column: "amount",
      headers: ["customer_id", "order_date", "amout"], closest: "amout' looks like 'amount")) {
      _ = try PurchaseHistoryLoader.load(try .folder(folder.path))
    }
  }

  @Test("a mapping file names headers the aliases do not know")
  func mappingFile() throws {
    let folder = TemporaryDirectory()
    folder.write("transactions.csv", "会员卡号,日子,实付\n0012,2025-01-02,10\n")
    let mapping = try ColumnMapping.parse(
      yaml: "transactions:\n  customer_id: 会员卡号\n  order_date: 日子\n  amount: 实付\n", path: "m.yaml")
    let history = try PurchaseHistoryLoader.load(try .folder(folder.path), options: IngestOptions(mapping: mapping))
    #expect(history.customerIDs == ["0012"])
    #expect(history.transactions.amount == [10])
  }

  @Test("a broken mapping file is refused with its line and column")
  func brokenMapping() {
    #expect(throws: IngestError.invalidMapping(
      path: "m.yaml", line: 2, column: 3,
      message: "'amount_paid' is not a column of transactions; known: customer_id, order_id, order_date, amount, quantity, category, channel, discount")) {
      _ = try ColumnMapping.parse(yaml: "transactions:\n  amount_paid: 实付\n", path: "m.yaml")
    }
  }

  @Test("customer ids keep leading zeros and unknown customers are counted")
  func unknownCustomers() throws {
    let folder = TemporaryDirectory()
    folder.write("customers.csv", "customer_id,gender\n007,F\n")
    folder.write("transactions.csv", "customer_id,order_date,amount\n007,2025-01-02,10\n7,2025-01-02,3\n8,bad,1\n")
    let history = try PurchaseHistoryLoader.load(try .folder(folder.path))
    #expect(history.customerIDs == ["007", "7"])
    #expect(history.ingest.files[1].unknownCustomers == 2)
  }
}
