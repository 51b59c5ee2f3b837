/// A reason a report could not be rendered or written.
///
/// Every case names the thing that went wrong (the file, the cell) and, for
/// file-system failures, the operating system's own explanation, because the
/// command-line tool prints ``description`` to the user as it is.
public enum ReportError: Error, Equatable, CustomStringConvertible {
  /// A text cell would be read as a formula by a spreadsheet, and the
  /// ``FormulaGuard/reject`` guard was chosen.
  ///
  /// `row` counts data rows from 1; row 0 is the header row of column names.
  case formulaCell(column: String, row: Int, value: String)
  /// The file (or its temporary sibling) could not be created or opened.
  case cannotCreateFile(path: String, reason: String)
  /// Writing or syncing the bytes of the file failed.
  case cannotWriteFile(path: String, reason: String)
  /// The finished temporary file could not be renamed over `path`.
  case cannotReplaceFile(path: String, reason: String)
  /// A directory on the way to `path` could not be created.
  case cannotCreateDirectory(path: String, reason: String)

  public var description: String {
    switch self {
    case .formulaCell(let column, let row, let value):
      let place = row == 0 ? "the header row" : "row \(row)"
      return "The text \(Self.quoted(value)) in column \(Self.quoted(column)), \(place), "
        + "would run as a spreadsheet formula; "
        + "write it with the prefix or strip formula guard instead."
    case .cannotCreateFile(let path, let reason):
      return "Cannot create the file \(Self.quoted(path)): \(reason)."
    case .cannotWriteFile(let path, let reason):
      return "Cannot write the file \(Self.quoted(path)): \(reason)."
    case .cannotReplaceFile(let path, let reason):
      return "Cannot move the finished file into place at \(Self.quoted(path)): \(reason)."
    case .cannotCreateDirectory(let path, let reason):
      return "Cannot create the directory \(Self.quoted(path)): \(reason)."
    }
  }

  /// `text` in double quotes with control characters made visible, so that a
  /// hostile cell cannot break the message across lines.
  private static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\0": result += "\\0"
      case "\"": result += "\\\""
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
