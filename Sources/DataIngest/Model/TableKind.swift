/// The three input tables of the data contract.
public enum TableKind: String, Sendable, CaseIterable, Codable {
  /// Purchase rows: one per order line (required).
  case transactions
  /// One row per known customer, with attributes (optional).
  case customers
  /// Dated interactions: visits, complaints, praise… (optional).
  case events

  /// The file name looked for in a data folder, e.g. `transactions.csv`.
  public var defaultFileName: String { "\(rawValue).csv" }
}
