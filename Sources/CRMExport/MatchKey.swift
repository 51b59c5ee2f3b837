/// Where the CRM's own record key comes from (spec §0.1: name matching is unsafe).
///
/// features.csv and the scores carry the toolkit's `customer_id`; the CRM's
/// id (Zoho `Record Id`, Salesforce `Id`, a Dynamics GUID…) is a column of
/// the customers file, which this names.
public struct MatchKey: Sendable, Equatable {
  /// What to do with an exported customer whose key cell is empty.
  public enum MissingPolicy: String, Sendable, Equatable, CaseIterable {
    /// Refuse the export, listing the customers (the default).
    case refuse
    /// Leave them out and list them in `<file_name>-rejects.csv`.
    case report
  }

  /// The customers file; `nil`: the command's `--customers`, else
  /// `customers.csv` in the run folder.
  public var file: String?
  /// Its column holding the CRM key; `nil`: the profile's key header
  /// (`Record Id`, `Id`…). `customer_id` makes the toolkit's id the key
  /// (then no customers file is needed).
  public var column: String?
  /// Its column holding the toolkit's customer id; `nil`: `customer_id` or
  /// any header the ingest aliases map to it (`客户ID`, `Customer Id`…).
  public var idColumn: String?
  public var missing: MissingPolicy

  public init(file: String? = nil, column: String? = nil, idColumn: String? = nil, missing: MissingPolicy = .refuse) {
    self.file = file
    self.column = column
    self.idColumn = idColumn
    self.missing = missing
  }
}
