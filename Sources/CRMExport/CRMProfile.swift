/// The CRMs an export targets, each with the import rules of spec §8.2 as defaults.
public enum CRMProfile: String, Sendable, Equatable, CaseIterable {
  case zoho
  case salesforce
  case hubspot
  case dynamics
  case fxiaoke
  case generic

  /// The defaults of spec §8.2. Values marked ❓ there (Zoho's BOM and
  /// multi-select separator, every Fxiaoke rule…) are defaults, not facts:
  /// each can be overridden in the config.
  public var defaults: ExportSettings {
    var s = ExportSettings(
      format: .csv, encoding: .utf8, byteOrderMark: true, delimiter: ",", lineEnding: .crlf, quoteHeader: true,
      quoteTypedCells: false, headerStyle: .label, keyHeader: nil, keyPattern: nil, dateFormat: "yyyy-MM-dd",
      dateTimeFormat: "yyyy-MM-dd'T'HH:mm:ssXXX", trueWord: "true", falseWord: "false", multiSelectSeparator: ";",
      multiSelectAppend: false, maxMultiSelectValues: nil, maxRows: nil, maxBytes: nil, maxColumns: nil,
      textMaxLength: nil, forbiddenCharacters: "", decimalScale: 4, probabilityAsPercent: false, nullToken: nil,
      emptyCells: .skipRow, replaceNewlines: true, fileName: "\(rawValue)-update")
    switch self {
    case .zoho:
      s.keyHeader = "Record Id"
      s.keyPattern = "[0-9]{15,19}"
      s.maxRows = 25_000
      s.maxBytes = 20_000_000
      s.maxColumns = 200
      s.textMaxLength = 255
      s.forbiddenCharacters = "|<>"
    case .salesforce:
      s.byteOrderMark = false
      s.headerStyle = .salesforceAPI
      s.keyHeader = "Id"
      s.keyPattern = "[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?"
      s.dateFormat = nil
      s.dateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSxx"
      s.trueWord = "1"
      s.falseWord = "0"
      s.maxMultiSelectValues = 100
      s.maxRows = 50_000
      s.maxBytes = 95_000_000
      s.maxColumns = 90
      s.textMaxLength = 255
      s.emptyCells = .write
    case .hubspot:
      s.keyHeader = "Record ID"
      s.keyPattern = "[0-9]+"
      s.dateTimeFormat = "yyyy-MM-dd"
      s.trueWord = "Yes"
      s.falseWord = "No"
      s.maxRows = 1_000_000
      s.maxBytes = 20_000_000
      s.maxColumns = 999
      s.textMaxLength = 65_536
    case .dynamics:
      s.quoteHeader = false
      s.quoteTypedCells = true
      s.trueWord = "Yes"
      s.falseWord = "No"
      s.maxRows = 20_000
      s.maxBytes = 8_000_000
      s.textMaxLength = 4_000
    case .fxiaoke:
      s.format = .xlsx
      s.headerStyle = .chinese
      s.keyHeader = "客户编号"
      s.trueWord = "是"
      s.falseWord = "否"
      s.maxRows = 10_000
      s.maxBytes = 10_000_000
      s.maxColumns = 100
    case .generic:
      s.headerStyle = .internalName
      s.keyHeader = "customer_key"
      s.emptyCells = .write
    }
    return s
  }

  /// Why an import with these settings would create records rather than
  /// update them, or `nil` when it only updates.
  public func creationRisk(_ settings: ExportSettings) -> String? {
    switch self {
    case .salesforce where settings.keyHeader != "Id":
      return "Salesforce matches \"\(settings.keyHeader ?? "")\" as an external ID: an upsert, which inserts "
        + "every row without a match. Export the Salesforce record Id (key header Id) to update only"
    case .dynamics where settings.keyHeader == nil:
      return "Dynamics 365 creates a record for every row without a matching GUID or alternate key. Name the "
        + "GUID or alternate-key column in the config (match_key: header: …)"
    default:
      return nil
    }
  }

  /// What the analyst must do in the CRM's import tool, printed and kept in the manifest.
  public func importNotes(_ settings: ExportSettings) -> [String] {
    switch self {
    case .zoho:
      return settings.headerStyle == .zohoAPI
        ? ["Zoho Bulk Write API: zip each CSV and create the job with operation=update, find_by=id, ignore_empty=true."]
        : [
          "Zoho import: choose \"Overwrite\" for existing records and map the column \(settings.keyHeader ?? "") to "
            + "the Record Id field; unmapped, Zoho falls back to the module's unique field."
        ]
    case .salesforce:
      return [
        "Salesforce: update existing records matched by Salesforce ID. The Import Wizard fills unmapped picklist "
          + "and checkbox fields with their defaults; map every exported column."
      ]
    case .hubspot:
      return [
        "HubSpot: import to update existing records matched by \(settings.keyHeader ?? "the key"); dropdown and "
          + "checkbox values must be the properties' internal values."
      ]
    case .dynamics:
      return [
        "Dynamics 365: map \(settings.keyHeader ?? "the key") as the record GUID or alternate key in Review Mapping; "
          + "unmatched rows are created."
      ]
    case .fxiaoke:
      return ["纷享销客: the defaults are unconfirmed; verify headers, separators and the match field against 导入说明 in your template."]
    case .generic:
      return []
    }
  }
}
