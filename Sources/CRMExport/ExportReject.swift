/// A customer or value left out of an export, one line of `<file_name>-rejects.csv`.
public struct ExportReject: Sendable, Equatable {
  public var customerID: String
  /// The output column concerned, or the key's column.
  public var column: String
  public var value: String
  public var reason: String
  /// `row not exported` or `value dropped`.
  public var action: String

  public init(customerID: String, column: String, value: String, reason: String, action: String) {
    self.customerID = customerID
    self.column = column
    self.value = value
    self.reason = reason
    self.action = action
  }

  public static let rowNotExported = "row not exported"
  public static let valueDropped = "value dropped"
}
