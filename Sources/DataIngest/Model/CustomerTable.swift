/// Accepted rows of the customers table, stored by column.
///
/// Canonical attributes have their own columns; any other column of the file
/// is kept as text in ``attributes`` under its header.
public struct CustomerTable: Sendable, Equatable {
  /// Customer index per row (one row per customer after de-duplication).
  public var customer: [Int32] = []
  /// Day number of `signup_date`, ``DayNumber/missing`` where empty.
  public var signupDay: [Int32]? = nil
  public var gender: CategoricalColumn? = nil
  /// Year of birth, `.nan` where empty.
  public var birthYear: [Double]? = nil
  public var province: CategoricalColumn? = nil
  public var city: CategoricalColumn? = nil
  public var source: CategoricalColumn? = nil
  public var memberTier: CategoricalColumn? = nil
  public var industry: CategoricalColumn? = nil
  public var companySize: CategoricalColumn? = nil
  /// Columns the contract does not name, by their header, in file order.
  public var attributes: [(name: String, values: CategoricalColumn)] = []

  public init() {}

  public var count: Int { customer.count }

  /// The canonical categorical columns that are present, with their names.
  public var categoricalColumns: [(name: String, values: CategoricalColumn)] {
    let named: [(String, CategoricalColumn?)] = [
      ("gender", gender), ("province", province), ("city", city), ("source", source),
      ("member_tier", memberTier), ("industry", industry), ("company_size", companySize),
    ]
    return named.compactMap { name, column in column.map { (name, $0) } }
  }

  public static func == (lhs: CustomerTable, rhs: CustomerTable) -> Bool {
    lhs.customer == rhs.customer && lhs.signupDay == rhs.signupDay && lhs.gender == rhs.gender
      && lhs.birthYear?.bitPatterns == rhs.birthYear?.bitPatterns && lhs.province == rhs.province
      && lhs.city == rhs.city && lhs.source == rhs.source && lhs.memberTier == rhs.memberTier
      && lhs.industry == rhs.industry && lhs.companySize == rhs.companySize
      && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
      && lhs.attributes.map(\.values) == rhs.attributes.map(\.values)
  }
}

extension Array where Element == Double {
  /// Bit patterns, so that two columns with `.nan` in the same places compare equal.
  var bitPatterns: [UInt64] { map(\.bitPattern) }
}
