/// Which customers have which tags.
public struct TagAssignment: Sendable, Equatable {
  /// Customer id per row.
  public let customerIDs: [String]
  /// The tags in rule-file order.
  public let tagNames: [String]
  /// Per tag, whether each row has it.
  public let membership: [[Bool]]

  public init(customerIDs: [String], tagNames: [String], membership: [[Bool]]) {
    precondition(tagNames.count == membership.count, "one membership column per tag")
    precondition(membership.allSatisfy { $0.count == customerIDs.count }, "one membership value per customer")
    self.customerIDs = customerIDs
    self.tagNames = tagNames
    self.membership = membership
  }

  /// The tags of row `row`, in rule-file order.
  public func tags(ofRow row: Int) -> [String] {
    tagNames.indices.compactMap { membership[$0][row] ? tagNames[$0] : nil }
  }

  /// Customers per tag, in rule-file order.
  public var counts: [Int] {
    membership.map { $0.reduce(0) { $0 + ($1 ? 1 : 0) } }
  }

  /// Customers without any tag.
  public var untaggedCount: Int {
    customerIDs.indices.reduce(0) { total, row in total + (membership.contains { $0[row] } ? 0 : 1) }
  }
}
