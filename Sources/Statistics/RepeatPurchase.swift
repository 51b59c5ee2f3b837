import DataIngest

/// How many customers came back for a second purchase.
///
/// ```
/// buyers       = #{ customers with ≥ 1 purchase }     (purchase: order with amount > 0)
/// repeatBuyers = #{ customers with ≥ 2 purchases }
/// repeatRate   = repeatBuyers / buyers                 (NaN when buyers = 0)
/// ```
public struct RepeatPurchase: Sendable, Equatable {
  public let buyers: Int
  public let repeatBuyers: Int

  public var repeatRate: Double {
    buyers == 0 ? .nan : Double(repeatBuyers) / Double(buyers)
  }

  /// Counts buyers and repeat buyers among `orders`.
  ///
  /// - Complexity: O(orders + customers).
  public init(_ orders: OrderTable) {
    let customerCount = Int(orders.customer.max() ?? -1) + 1
    var purchases = [Int32](repeating: 0, count: customerCount)
    for o in 0..<orders.count where orders.isPurchase(o) {
      purchases[Int(orders.customer[o])] &+= 1
    }
    buyers = purchases.reduce(0) { $0 + ($1 >= 1 ? 1 : 0) }
    repeatBuyers = purchases.reduce(0) { $0 + ($1 >= 2 ? 1 : 0) }
  }
}
