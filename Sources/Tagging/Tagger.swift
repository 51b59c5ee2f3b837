/// Rules checked against a feature table, ready to tag its customers.
///
/// ```swift
/// let rules = try TagRuleSet.load(path: "datasets/tags.yaml")
/// let tagger = try rules.compile(for: table)
/// let assignment = tagger.apply()
/// ```
public struct Tagger: Sendable {
  public let rules: [TagRule]
  /// The population thresholds the rules use, computed on this table.
  public let thresholds: [PopulationValue]
  let conditions: [Condition]
  let customerIDs: [String]

  init(rules: [TagRule], conditions: [Condition], thresholds: [PopulationValue], customerIDs: [String]) {
    self.rules = rules
    self.conditions = conditions
    self.thresholds = thresholds
    self.customerIDs = customerIDs
  }

  /// Evaluates every rule for every customer. A customer gets a tag only
  /// where its condition is true; unknown (a missing value) is not true.
  ///
  /// - Complexity: O(customers × rule size), column by column.
  public func apply() -> TagAssignment {
    let count = customerIDs.count
    return TagAssignment(
      customerIDs: customerIDs, tagNames: rules.map(\.name),
      membership: conditions.map { $0.evaluate(count: count).map { $0 == .yes } })
  }
}
