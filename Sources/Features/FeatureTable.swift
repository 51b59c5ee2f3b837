import DataIngest

/// One row per customer and named columns of numbers or text: what
/// `features.csv` holds, and what models, segments and tags read.
public struct FeatureTable: Sendable {
  /// A named column.
  public enum Column: Sendable {
    /// Numbers, `.nan` where missing.
    case number(String, [Double])
    /// Text, `nil` where missing.
    case text(String, [String?])

    public var name: String {
      switch self {
      case .number(let name, _), .text(let name, _): name
      }
    }
  }

  /// Customer id per row.
  public let customerIDs: [String]
  public private(set) var columns: [Column]

  public init(customerIDs: [String], columns: [Column] = []) {
    self.customerIDs = customerIDs
    self.columns = columns
  }

  /// The table of `features` with the customers table's attributes.
  public init(_ features: CustomerFeatures, history: PurchaseHistory) {
    customerIDs = features.customer.map { history.customerIDs[Int($0)] }
    columns = features.columns.map { .number($0.name, $0.values) }
    if let churn = features.churn { columns.append(.number("churn", churn)) }
    if let purchase = features.purchase { columns.append(.number("purchase", purchase)) }
    // After the labels, so the contract's columns come first as the reference pipelines write them.
    columns += features.recentEventColumns.map { .number($0.name, $0.values) }
    let attributes = CustomerAttributes(history, customers: features.customer, asOf: features.asOf)
    for (name, values) in attributes.text { columns.append(.text(name, values)) }
    if let age = attributes.age { columns.append(.number("age", age)) }
    if let days = attributes.signupAgeDays { columns.append(.number("signup_age_days", days)) }
  }

  public var count: Int { customerIDs.count }

  /// Adds a column after the others.
  /// - Precondition: it has one value per row.
  public mutating func append(_ column: Column) {
    switch column {
    case .number(_, let values): precondition(values.count == count, "column length differs from the rows")
    case .text(_, let values): precondition(values.count == count, "column length differs from the rows")
    }
    columns.append(column)
  }

  /// The columns' names and kinds without rows: what checking a formula needs.
  public var schema: FeatureTable {
    FeatureTable(
      customerIDs: [],
      columns: columns.map { column in
        switch column {
        case .number(let name, _): .number(name, [])
        case .text(let name, _): .text(name, [])
        }
      })
  }

  /// The table with only the columns named in `names`, in their order here.
  public func keeping(_ names: Set<String>) -> FeatureTable {
    FeatureTable(customerIDs: customerIDs, columns: columns.filter { names.contains($0.name) })
  }

  /// The numeric column `name`.
  public func numbers(_ name: String) -> [Double]? {
    for case .number(let n, let values) in columns where n == name { return values }
    return nil
  }

  /// The text column `name`.
  public func text(_ name: String) -> [String?]? {
    for case .text(let n, let values) in columns where n == name { return values }
    return nil
  }
}
