import DataIngest
import Features
import Testing
import TestSupport

@Suite struct CategoryPurchasesTests {
  @Test("category_<name>: purchases before T with a row of that category, only for the names asked")
  func counts() throws {
    let data = TemporaryDirectory()
    data.write(
      "transactions.csv",
      """
      order_id,customer_id,order_date,amount,category
      O1,A,2025-01-05,100,数码
      O1,A,2025-01-05,50,数码
      O2,A,2025-02-05,200,服装
      O3,B,2025-01-20,80,食品
      O3,B,2025-01-20,20,数码
      O4,B,2025-02-01,-20,数码
      O5,C,2025-03-01,30,服装
      O6,A,2025-05-01,999,数码

      """)
    let history = try PurchaseHistoryLoader.load(try .folder(data.path))
    let features = try FeatureBuilder(asOf: DayNumber.day(year: 2025, month: 4, day: 1)!).build(history)
    var table = FeatureTable(features, history: history)
    let before = table.columns.count
    #expect(CategoryPurchases.fieldNames(history) == ["category_数码", "category_服装", "category_食品"])
    CategoryPurchases.append(
      to: &table, names: ["category_数码", "category_家居", "frequency", "monetary_total"], history: history,
      features: features)
    // A: O1 (two 数码 rows, one purchase); B: O3 (a refund, O4, is no purchase); O6 is after T.
    #expect(table.columns.count == before + 1)
    #expect(table.numbers("category_数码") == [1, 1, 0])
  }
}
