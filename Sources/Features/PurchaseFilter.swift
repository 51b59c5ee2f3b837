import DataIngest

/// Narrows the `purchase` label to one category or one channel: a propensity
/// model for "will buy 母婴 in the next 30 days" rather than "will buy".
///
/// A customer counts as a buyer when a row of the label window has the
/// category (or channel) and belongs to an order whose amount is positive,
/// the same rule that makes an order a purchase for the unfiltered label.
public enum PurchaseFilter: Sendable, Hashable, Codable, CustomStringConvertible {
  case category(String)
  case channel(String)

  public var description: String {
    switch self {
    case .category(let value): "category = \(value)"
    case .channel(let value): "channel = \(value)"
    }
  }

  /// Per customer index, whether a matching purchase row lies in `window`'s days.
  ///
  /// - Throws: ``FeatureError/unknownColumn(name:known:)`` when the transactions
  ///   have no such column; ``FeatureError/invalidParameter(name:value:reason:)``
  ///   when no row ever has the value (a typo rather than a rare product).
  func buyers(_ tx: TransactionTable, window: OrderTable, customers n: Int) throws(FeatureError) -> [Bool] {
    let (name, column, value): (String, CategoricalColumn?, String) =
      switch self {
      case .category(let value): ("category", tx.category, value)
      case .channel(let value): ("channel", tx.channel, value)
      }
    guard let column else { throw .unknownColumn(name: name, known: Self.presentColumns(tx)) }
    guard let code = column.levels.firstIndex(of: value).map(Int32.init) else {
      let levels = column.levels.sorted().prefix(20).joined(separator: ", ")
      throw .invalidParameter(name: name, value: value, reason: "no transaction has it; values seen: \(levels)")
    }
    var bought = [Bool](repeating: false, count: n)
    for row in 0..<tx.count where column.codes[row] == code {
      let order = window.orderOfRow[row]
      if order >= 0, window.amount[Int(order)] > 0 { bought[Int(tx.customer[row])] = true }
    }
    return bought
  }

  private static func presentColumns(_ tx: TransactionTable) -> [String] {
    ["customer_id", "order_date", "amount"] + (tx.category == nil ? [] : ["category"])
      + (tx.channel == nil ? [] : ["channel"])
  }
}
