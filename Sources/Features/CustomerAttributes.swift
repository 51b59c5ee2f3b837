import DataIngest

/// The customers table's attributes for the rows of a feature table, as of T.
///
/// Text attributes keep the values as written (`nil` where empty or where the
/// customer is not in the customers table); `age` is the calendar year of T
/// minus birth_year (empty outside 0…120), `signup_age_days` is T minus the
/// signup date (empty when missing or not before T).
public struct CustomerAttributes: Sendable {
  /// Text columns by name, in the customers table's order: gender, province,
  /// city, source, member_tier, industry, company_size, then extra columns.
  public let text: [(name: String, values: [String?])]
  public let age: [Double]?
  public let signupAgeDays: [Double]?

  /// - Parameters:
  ///   - customers: customer indexes, one per output row.
  public init(_ history: PurchaseHistory, customers: [Int32], asOf: Int32) {
    guard let table = history.customers else {
      text = []
      age = nil
      signupAgeDays = nil
      return
    }
    var rowOf = [Int32](repeating: -1, count: history.customerIDs.count)
    for (row, customer) in table.customer.enumerated() { rowOf[Int(customer)] = Int32(row) }
    let rows = customers.map { rowOf[Int($0)] }
    text = (table.categoricalColumns + table.attributes).map { name, column in
      (name, rows.map { $0 < 0 ? nil : column.value(at: Int($0)) })
    }
    let year = Double(DayNumber.components(asOf).year)
    age = table.birthYear.map { birthYears in
      rows.map { row -> Double in
        guard row >= 0 else { return .nan }
        let age = year - birthYears[Int(row)]
        return age >= 0 && age <= 120 ? age : .nan
      }
    }
    signupAgeDays = table.signupDay.map { days in
      rows.map { row -> Double in
        guard row >= 0, days[Int(row)] != DayNumber.missing, days[Int(row)] < asOf else { return .nan }
        return Double(asOf - days[Int(row)])
      }
    }
  }

  /// The text column `name`, if present.
  public func column(_ name: String) -> [String?]? { text.first { $0.name == name }?.values }
}
