import DataIngest
import Reports

/// Every choice that shapes an export file (spec §8.2), filled from a
/// ``CRMProfile``'s defaults and overridden by the config and the command line.
public struct ExportSettings: Sendable, Equatable {
  /// What an empty value in a non-tag column does to the row.
  public enum EmptyCells: String, Sendable, Equatable, CaseIterable {
    /// Write an empty cell (or ``ExportSettings/nullToken``): the CRM leaves
    /// the field alone (Salesforce Bulk) or clears it.
    case write
    /// Leave the customer out and list them in `<file_name>-rejects.csv`: for CRMs
    /// where an empty cell may clear a field (spec: "never emit empty score cells").
    case skipRow = "skip_row"
  }

  public var format: ExportFormat
  public var encoding: TextEncoding
  /// UTF-8 byte-order mark at the start of each CSV file.
  public var byteOrderMark: Bool
  public var delimiter: Character
  public var lineEnding: LineEnding
  public var quoteHeader: Bool
  /// Quote number, date and boolean cells too (Dynamics quotes every data cell).
  public var quoteTypedCells: Bool
  public var headerStyle: HeaderStyle
  /// The header of the key column; `nil` until configured (Dynamics has no default).
  public var keyHeader: String?
  /// A regular expression every key must match whole; `nil` checks nothing.
  public var keyPattern: String?
  /// Date pattern: `yyyy`, `MM`, `dd` and literal text; `nil` until configured
  /// (the Salesforce Import Wizard reads dates in each user's locale).
  public var dateFormat: String?
  /// Date-time pattern: also `HH`, `mm`, `ss`, `SSS`, `XXX` (`+00:00`) and `xx` (`+0000`).
  public var dateTimeFormat: String
  public var trueWord: String
  public var falseWord: String
  public var multiSelectSeparator: String
  /// HubSpot's append mode: a leading separator adds the values to the existing ones.
  public var multiSelectAppend: Bool
  /// Most values one multi-select cell may hold (Salesforce: 100).
  public var maxMultiSelectValues: Int?
  /// Data rows per file; `nil` is unlimited.
  public var maxRows: Int?
  /// Bytes per file, after encoding, header and BOM included; `nil` is unlimited.
  public var maxBytes: Int?
  /// Columns per file, key included.
  public var maxColumns: Int?
  /// Characters of a text cell; longer text is cut and a warning given.
  public var textMaxLength: Int?
  /// Characters no picklist, tag or key value may contain (Zoho: `|<>`), besides
  /// the separator, `"`, CR and LF, which are always refused.
  public var forbiddenCharacters: String
  /// Decimals of the score columns unless a column says otherwise.
  public var decimalScale: Int
  /// Probabilities as percentages (`87.31`) for CRM percent fields.
  public var probabilityAsPercent: Bool
  /// Written for an empty value instead of an empty cell (Salesforce's `#N/A` sets null).
  public var nullToken: String?
  public var emptyCells: EmptyCells
  /// Line breaks inside text become spaces (else they are kept, quoted).
  public var replaceNewlines: Bool
  /// The file name without extension (parts add `.partNN`).
  public var fileName: String
}
