/// The ABC (Pareto) value tier of a customer: A = the few who bring most of
/// the money, C = the many who bring little.
///
/// Customers with monetary_total > 0 are sorted by monetary_total descending
/// (ties by customer_id ascending, `String` order), and each is placed by the
/// cumulative share of the total *before* it:
///
/// ```
/// V      = Σ monetary_total over customers with monetary_total > 0
/// before = Σ monetary_total of the customers sorted ahead of this one
/// tier   = A  if before < a · V
///          B  if before < b · V
///          C  otherwise;   monetary_total ≤ 0 or missing → C
/// ```
///
/// So the customer whose value *crosses* the 80 % mark is in A (A is the
/// smallest set of top customers reaching 80 %), and a customer arriving
/// exactly at 80 % ends A. Refund-only and zero-value customers bring nothing
/// and are C. See ``ValueTierThresholds`` for the cuts and literature.
///
/// - Complexity: O(n log n) string comparisons for the id order, then O(n).
public enum ValueTier: String, CaseIterable, Sendable, Codable, Comparable {
  case a = "A"
  case b = "B"
  case c = "C"

  /// The tier of every customer.
  ///
  /// - Parameters:
  ///   - monetaryTotal: monetary_total per customer (NaN = missing).
  ///   - customerIDs: customer_id per customer, for ties.
  ///   - thresholds: the cuts (default 80 % / 95 %).
  /// - Precondition: equal counts.
  public static func assign(
    monetaryTotal: [Double], customerIDs: [String], thresholds: ValueTierThresholds = .pareto
  ) -> [ValueTier] {
    precondition(monetaryTotal.count == customerIDs.count, "ValueTier: one value per customer id")
    // Only positive values enter the ranking; everything else stays C.
    let positive = monetaryTotal.map { $0 > 0 ? $0 : .nan }
    let order = CustomerOrder.order(
      of: positive, in: CustomerOrder.idOrder(customerIDs), descending: true)
    var total = 0.0
    for customer in order { total += positive[Int(customer)] }
    let cutA = thresholds.a * total, cutB = thresholds.b * total
    var tiers = [ValueTier](repeating: .c, count: monetaryTotal.count)
    var before = 0.0
    for customer in order {
      tiers[Int(customer)] = before < cutA ? .a : before < cutB ? .b : .c
      before += positive[Int(customer)]
    }
    return tiers
  }

  public static func < (lhs: ValueTier, rhs: ValueTier) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The tier's name in Chinese reports.
  public var chineseName: String {
    switch self {
    case .a: "A类（重要）客户"
    case .b: "B类（次要）客户"
    case .c: "C类（一般）客户"
    }
  }
}
