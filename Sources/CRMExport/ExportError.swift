/// Why an export was refused. Nothing is written when one is thrown.
///
/// The command-line tool prints ``description`` as it is; configuration
/// problems (``isUsageError``) exit with status 2, data problems with 1.
public enum ExportError: Error, Equatable, CustomStringConvertible {
  /// A customer named in an error, with where the evidence is.
  public struct Offender: Sendable, Equatable {
    public var customerID: String
    /// The file and 1-based line the value comes from.
    public var file: String
    public var line: Int
    /// The offending value (a key, a cell).
    public var value: String

    public init(customerID: String, file: String, line: Int, value: String) {
      self.customerID = customerID
      self.file = file
      self.line = line
      self.value = value
    }
  }

  /// The folder holds none of the files an export reads.
  case noInputs(folder: String, expected: [String])
  /// An input file could not be read (missing, unreadable, bad encoding).
  case unreadable(path: String, reason: String)
  /// A file has no column the customers can be told apart by.
  case missingColumn(path: String, column: String, headers: [String])
  /// The same customer twice in one input file.
  case duplicateCustomer(path: String, offenders: [Offender])
  /// A cell of an input file is not what its column's kind needs (a number, a date…).
  case invalidValue(offender: Offender, column: String, expected: String)
  /// Customers whose CRM key is empty.
  case emptyKeys(column: String, offenders: [Offender])
  /// Keys that appear for more than one exported customer.
  case duplicateKeys(column: String, offenders: [Offender])
  /// Keys that do not look like the CRM's record ids.
  case invalidKeys(column: String, pattern: String, offenders: [Offender])
  /// A cell a spreadsheet would run as a formula, in a column whose guard is `reject`.
  case formulaCell(column: String, offender: Offender)
  /// A picklist or tag value the config's allowed list does not have.
  case valueNotAllowed(column: String, offender: Offender, allowed: [String])
  /// A controlled value containing a character the CRM cannot take in it.
  case forbiddenCharacter(column: String, offender: Offender, character: String)
  /// More values in one multi-select cell than the CRM keeps.
  case tooManyValues(column: String, offender: Offender, limit: Int)
  /// One row alone is larger than the profile's file-size limit.
  case rowTooLarge(offender: Offender, bytes: Int, limit: Int)
  /// The import would create records instead of updating them.
  case wouldCreateRecords(profile: String, reason: String)
  /// The config file cannot be used; line and column are 1-based.
  case invalidConfiguration(path: String, line: Int?, column: Int?, message: String)
  /// The settings, taken together, cannot produce a valid file.
  case invalidSetting(name: String, message: String)
  /// Text could not be encoded, or a workbook not built.
  case cannotEncode(reason: String)
  /// Writing a file failed.
  case cannotWrite(reason: String)

  /// A problem with the command's options or config rather than with the data.
  public var isUsageError: Bool {
    switch self {
    case .noInputs, .invalidConfiguration, .invalidSetting, .wouldCreateRecords: true
    default: false
    }
  }

  /// How many offenders a message lists before it says how many more there are.
  static let listed = 10

  public var description: String {
    switch self {
    case .noInputs(let folder, let expected):
      return "\(folder) holds none of \(expected.joined(separator: ", ")); run analyze features, churn, "
        + "segment or tag with --out \(folder) first."
    case .unreadable(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .missingColumn(let path, let column, let headers):
      return "\(path) has no column \(quoted(column)); its columns are \(headers.map(quoted).joined(separator: ", "))."
    case .duplicateCustomer(let path, let offenders):
      return "\(path) lists the same customer more than once: \(list(offenders, values: false))."
    case .invalidValue(let offender, let column, let expected):
      return "\(offender.file) line \(offender.line), column \(quoted(column)), customer \(offender.customerID): "
        + "\(quoted(offender.value)) is not \(expected)."
    case .emptyKeys(let column, let offenders):
      return "the CRM key \(quoted(column)) is empty for \(offenders.count) customer(s), so their records "
        + "cannot be matched: \(list(offenders, values: false)). Fill the keys, or set match_key: missing: report."
    case .duplicateKeys(let column, let offenders):
      return "the CRM key \(quoted(column)) is shared by several customers; a CRM would update only one of "
        + "them: \(list(offenders, values: true))."
    case .invalidKeys(let column, let pattern, let offenders):
      return "\(offenders.count) value(s) of the CRM key \(quoted(column)) do not look like this CRM's record ids "
        + "(\(pattern)): \(list(offenders, values: true)). Check the key column, or set match_key: pattern."
    case .formulaCell(let column, let offender):
      return "customer \(offender.customerID) (\(offender.file) line \(offender.line)), column \(quoted(column)): "
        + "\(quoted(offender.value)) would run as a spreadsheet formula, and this column's formula_guard is reject."
    case .valueNotAllowed(let column, let offender, let allowed):
      return "customer \(offender.customerID) (\(offender.file) line \(offender.line)), column \(quoted(column)): "
        + "\(quoted(offender.value)) is not one of the allowed values \(allowed.map(quoted).joined(separator: ", ")); "
        + "add it, map it with values:, or set on_invalid: report."
    case .forbiddenCharacter(let column, let offender, let character):
      return "customer \(offender.customerID) (\(offender.file) line \(offender.line)), column \(quoted(column)): "
        + "\(quoted(offender.value)) contains \(quoted(character)), which this CRM cannot take in such a value."
    case .tooManyValues(let column, let offender, let limit):
      return "customer \(offender.customerID) (\(offender.file) line \(offender.line)), column \(quoted(column)): "
        + "more than \(limit) values; the CRM would leave the field blank."
    case .rowTooLarge(let offender, let bytes, let limit):
      return "the row of customer \(offender.customerID) takes \(bytes) bytes with the header, over the "
        + "\(limit)-byte file limit."
    case .wouldCreateRecords(let profile, let reason):
      return "refusing to write a \(profile) file that would create records instead of updating them: \(reason)."
    case .invalidConfiguration(let path, let line, let column, let message):
      let place = [line, column].compactMap { $0.map(String.init) }.joined(separator: ":")
      return "\(path)\(place.isEmpty ? "" : ":" + place): \(message)."
    case .invalidSetting(let name, let message):
      return "\(name): \(message)."
    case .cannotEncode(let reason), .cannotWrite(let reason):
      return reason
    }
  }

  /// The first ``listed`` offenders as `id ["value"] (file line N)`, and how many more.
  private func list(_ offenders: [Offender], values: Bool) -> String {
    var parts = offenders.prefix(Self.listed).map { offender in
      "\(offender.customerID)\(values ? " " + quoted(offender.value) : "") (\(offender.file) line \(offender.line))"
    }
    if offenders.count > Self.listed { parts.append("and \(offenders.count - Self.listed) more") }
    return parts.joined(separator: ", ")
  }
}

/// `text` in double quotes with control characters made visible, so a hostile
/// value cannot break a message across lines.
func quoted(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    case "\"": result += "\\\""
    case _ where scalar.value < 0x20: result += "\\u{\(String(scalar.value, radix: 16))}"
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result + "\""
}
