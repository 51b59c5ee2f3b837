/// What an export is asked to do: the profile's settings with the config's
/// overrides, the match key and the columns.
public struct ExportConfig: Sendable, Equatable {
  public var profile: CRMProfile
  public var settings: ExportSettings
  public var matchKey: MatchKey
  /// The output columns besides the key; `nil`: every known score column
  /// (``ScoreField/all``) the run folder has.
  public var columns: [ColumnSpec]?
  /// Lets a Dynamics file go without its byte-order mark.
  public var force: Bool
  /// The config file, for messages and relative paths.
  public var path: String?

  /// The profile's defaults, with no config file.
  public init(profile: CRMProfile) {
    self.profile = profile
    settings = profile.defaults
    matchKey = MatchKey()
    columns = nil
    force = false
    path = nil
  }

  /// Checks what only the whole picture shows.
  ///
  /// - Throws: ``ExportError/wouldCreateRecords(profile:reason:)`` and
  ///   ``ExportError/invalidSetting(name:message:)``.
  public func validate() throws(ExportError) {
    if let reason = profile.creationRisk(settings) {
      throw .wouldCreateRecords(profile: profile.rawValue, reason: reason)
    }
    if profile == .dynamics && !settings.byteOrderMark && settings.format == .csv && !force {
      throw .invalidSetting(
        name: "byte_order_mark",
        message: "Dynamics 365 needs UTF-8 with a BOM for East Asian text; set force: true to write without it")
    }
    if settings.encoding == .gb18030 && settings.format == .xlsx {
      throw .invalidSetting(name: "encoding", message: "GB18030 applies to CSV files; an XLSX workbook is always UTF-8")
    }
    let delimiter = settings.delimiter.unicodeScalars
    if delimiter.count != 1 || "\"\r\n".unicodeScalars.contains(delimiter.first!) {
      throw .invalidSetting(name: "delimiter", message: "must be one character other than a double quote, CR or LF")
    }
    if settings.multiSelectSeparator.isEmpty || settings.multiSelectSeparator.contains("\"") {
      throw .invalidSetting(name: "multiselect_separator", message: "must be non-empty text without a double quote")
    }
    if settings.trueWord == settings.falseWord {
      throw .invalidSetting(name: "boolean", message: "the true and false words must differ")
    }
    if let keyPattern = settings.keyPattern, (try? Regex(keyPattern)) == nil {
      throw .invalidSetting(name: "match_key.pattern", message: "\(quoted(keyPattern)) is not a regular expression")
    }
    for (name, limit) in [("max_rows", settings.maxRows), ("max_bytes", settings.maxBytes)] {
      if let limit, limit < 1 { throw .invalidSetting(name: name, message: "must be at least 1") }
    }
  }
}
