/// The account of one input file: every row read is accepted, rejected or
/// dropped as an exact duplicate.
///
/// `rowsRead == accepted + rejected + duplicates` always holds.
public struct FileIngestSummary: Sendable, Equatable, Codable {
  /// The path as given.
  public var file: String
  public var table: TableKind
  /// Data rows read (the header line excluded).
  public var rowsRead = 0
  public var accepted = 0
  public var rejected = 0
  /// Rows identical, field for field, to an earlier row; dropped.
  public var duplicates = 0
  /// Accepted or rejected rows whose `customer_id` is not in the customers
  /// table (0 when there is no customers table, or for the customers file).
  public var unknownCustomers = 0
  /// How the bytes were decoded.
  public var encoding: TextEncoding = .utf8
  /// The field delimiter used.
  public var delimiter: Delimiter = .comma
  /// Each header of the file and the canonical column it was mapped to
  /// (`nil`: kept as an extra attribute or ignored).
  public var columnMapping: [ColumnMappingEntry] = []

  public init(file: String, table: TableKind) {
    self.file = file
    self.table = table
  }
}

/// One header of an input file and what it became.
public struct ColumnMappingEntry: Sendable, Equatable, Codable {
  public var header: String
  public var canonical: String?
  public init(header: String, canonical: String?) {
    self.header = header
    self.canonical = canonical
  }
}

/// Why a row was not accepted.
public enum RejectReason: String, Sendable, Equatable, Codable, CaseIterable {
  case missingCustomerID = "missing_customer_id"
  case missingDate = "missing_date"
  case unparsableDate = "unparsable_date"
  case missingAmount = "missing_amount"
  case unparsableAmount = "unparsable_amount"
  case unparsableNumber = "unparsable_number"
  case wrongFieldCount = "wrong_field_count"
  case invalidText = "invalid_text"
  case missingValue = "missing_value"
  case duplicateCustomerID = "duplicate_customer_id"
}

/// One problem found in one row. A row with two problems (an empty amount
/// and a bad date) has two entries with the same line, so counts by reason
/// add up to the faults present, while ``FileIngestSummary/rejected`` counts rows.
public struct RejectedRow: Sendable, Equatable, Codable {
  public var file: String
  /// 1-based line number where the row starts in the file.
  public var line: Int
  /// The canonical column (or header) at fault; empty for whole-row problems.
  public var column: String
  public var reason: RejectReason
  /// The offending cell, or the whole raw row for whole-row problems.
  public var text: String

  public init(file: String, line: Int, column: String, reason: RejectReason, text: String) {
    self.file = file
    self.line = line
    self.column = column
    self.reason = reason
    self.text = text
  }
}

/// The account of all files read for one data set.
public struct IngestReport: Sendable, Equatable {
  public var files: [FileIngestSummary] = []
  public var rejects: [RejectedRow] = []
  public init(files: [FileIngestSummary] = [], rejects: [RejectedRow] = []) {
    self.files = files
    self.rejects = rejects
  }

  /// Number of reject entries per reason, in ``RejectReason`` order, non-zero only.
  public var rejectCountsByReason: [(reason: RejectReason, count: Int)] {
    var counts: [RejectReason: Int] = [:]
    for r in rejects { counts[r.reason, default: 0] += 1 }
    return RejectReason.allCases.compactMap { reason in counts[reason].map { (reason, $0) } }
  }
}
