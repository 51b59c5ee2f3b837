import DataIngest
import Features
import Testing
import TestSupport

@Suite struct CustomerClassificationTests {
  /// Three buyers and a prospect, worked by hand as of 2025-03-01.
  private func table() throws -> (FeatureTable, CustomerFeatures) {
    let folder = TemporaryDirectory()
    folder.write(
      "customers.csv",
      "customer_id,signup_date,province,city\nA,2024-01-01,广东省,深圳\nB,2024-01-01,Guangdong,汕头\nC,2024-01-01,上海市,上海\nD,2024-01-01,火星,\n")
    folder.write(
      "transactions.csv",
      """
      customer_id,order_date,amount
      A,2024-03-01,900
      A,2025-02-20,100
      B,2024-06-01,80
      C,2025-02-27,20

      """)
    let history = try PurchaseHistoryLoader.load(try .folder(folder.path))
    let features = try FeatureBuilder(asOf: DayNumber.day(year: 2025, month: 3, day: 1)!).build(history)
    return (FeatureTable(features, history: history), features)
  }

  @Test("scores, tiers, stages, value and regions line up with the rows")
  func columns() throws {
    var (table, features) = try table()
    let unknown = CustomerClassification().append(to: &table, features: features)
    #expect(table.customerIDs == ["A", "B", "C", "D"])
    // Recency: C (2 days) most recent, A (9), B (273); D has none.
    #expect(table.numbers("r_score")!.prefix(3) == [2, 1, 4])
    #expect(table.numbers("r_score")![3].isNaN)
    // Sorted by value: A (1000 of 1100) starts at 0% < 80% → A; B starts at 90.9% < 95% → B;
    // C starts at 98.2% → C; D has no value → C.
    #expect(table.text("value_tier")! == ["A", "B", "C", "C"])
    #expect(table.text("lifecycle_stage")! == ["Active", "At risk", "New", "Prospect"])
    #expect(table.text("region")! == ["华南", "华南", "华东", nil])
    // 深圳 is one of the nine Pearl River Delta cities, 汕头 is not.
    #expect(table.text("economic_zone")! == ["珠三角", nil, "长三角", nil])
    #expect(unknown.map(\.name) == ["火星"])
    #expect(table.numbers("current_value")! == [1000, 80, 20, 0])
  }
}
