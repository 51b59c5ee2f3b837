/// Accepted rows of the events table, stored by column.
public struct EventTable: Sendable, Equatable {
  /// Customer index per row.
  public var customer: [Int32] = []
  /// Day number of `event_date`.
  public var day: [Int32] = []
  /// `visit`, `complaint`, `inquiry`, `praise`, … as written in the file.
  public var type = CategoricalColumn()
  /// A rating or a count, `.nan` where empty.
  public var value: [Double] = []

  public init() {}

  public var count: Int { customer.count }

  public static func == (lhs: EventTable, rhs: EventTable) -> Bool {
    lhs.customer == rhs.customer && lhs.day == rhs.day && lhs.type == rhs.type
      && lhs.value.bitPatterns == rhs.value.bitPatterns
  }
}
