import DataIngest
import Testing

@Suite struct OrderTableTests {
  /// Five rows, three orders: order 0 has rows 0, 2, 4 (customer 0); orders
  /// 1 and 2 belong to customer 1, order 2 being a refund.
  static func table() -> TransactionTable {
    var table = TransactionTable()
    table.customer = [0, 1, 0, 1, 0]
    table.order = [0, 1, 0, 2, 0]
    table.orderCount = 3
    table.day = [10, 12, 8, 20, 15]
    table.amount = [5, 7, 3, -7, 1]
    table.discount = [1, .nan, 2, .nan, 0]
    return table
  }

  @Test("rows group by order: earliest day, summed amount and discount")
  func grouping() {
    let orders = OrderTable(Self.table())
    #expect(orders.count == 3)
    #expect(orders.customer == [0, 1, 1])
    #expect(orders.day == [8, 12, 20])
    #expect(orders.amount == [9, 7, -7])
    // NaN discounts count as 0.
    #expect(orders.discount == [3, 0, 0])
    #expect(orders.orderOfRow == [0, 1, 0, 2, 0])
    #expect((0..<3).map(orders.isPurchase) == [true, true, false])
  }

  @Test("the day filter applies before grouping")
  func window() {
    let orders = OrderTable(Self.table(), days: 9..<16)
    // Row 2 (day 8) and row 3 (day 20) are outside: order 0 keeps rows 0 and 4.
    #expect(orders.customer == [0, 1])
    #expect(orders.day == [10, 12])
    #expect(orders.amount == [6, 7])
    #expect(orders.discount == [1, 0])
    #expect(orders.orderOfRow == [0, 1, -1, -1, 0])
  }

  @Test("without order ids every row is its own order")
  func noOrderColumn() {
    var table = Self.table()
    table.order = nil
    table.orderCount = table.count
    table.discount = nil
    let orders = OrderTable(table, days: 10..<100)
    #expect(orders.customer == [0, 1, 1, 0])
    #expect(orders.day == [10, 12, 20, 15])
    #expect(orders.amount == [5, 7, -7, 1])
    #expect(orders.discount == nil)
    #expect(orders.orderOfRow == [0, 1, -1, 2, 3])
  }

  @Test("an empty window gives no orders")
  func empty() {
    let orders = OrderTable(Self.table(), days: 100..<200)
    #expect(orders.count == 0)
    #expect(orders.orderOfRow == [-1, -1, -1, -1, -1])
  }
}
