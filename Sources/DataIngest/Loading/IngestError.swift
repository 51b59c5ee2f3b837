/// Why a data set could not be read at all. Row-level problems are not
/// errors: they become ``RejectedRow``s.
public enum IngestError: Error, Equatable, CustomStringConvertible {
  case fileNotFound(path: String)
  case unreadable(path: String, reason: String)
  case notAFolder(path: String)
  case emptyFile(path: String)
  case invalidEncoding(file: String, line: Int, reason: String)
  /// A required column is missing; `closest` is the alias nearest to a header found.
  case missingColumn(file: String, column: String, headers: [String], closest: String?)
  /// Two headers map to the same canonical column.
  case duplicateColumn(file: String, column: String, headers: [String])
  /// A mapping names a header the file does not have.
  case mappedHeaderNotFound(file: String, column: String, header: String, headers: [String])
  /// A mapping or `--columns` names a column the data contract does not have.
  case unknownColumn(table: TableKind, column: String, known: [String])
  /// The mapping file could not be read or has the wrong shape.
  case invalidMapping(path: String, line: Int?, column: Int?, message: String)

  public var description: String {
    switch self {
    case .fileNotFound(let path):
      return "\(path): no such file."
    case .unreadable(let path, let reason):
      return "\(path): cannot be read: \(reason)."
    case .notAFolder(let path):
      return "\(path): not a folder with transactions.csv (give a data folder, or --transactions FILE)."
    case .emptyFile(let path):
      return "\(path): the file is empty (no header line)."
    case .invalidEncoding(let file, let line, let reason):
      return "\(file):\(line): bytes that are not valid text: \(reason) (try --encoding utf-8 or gb18030)."
    case .missingColumn(let file, let column, let headers, let closest):
      var text = "\(file):1: no column for required '\(column)'; headers found: \(headers.joined(separator: ", "))"
      if let closest { text += "; closest: '\(closest)'" }
      return text + ". Map it with --map mapping.yaml."
    case .duplicateColumn(let file, let column, let headers):
      return "\(file):1: columns \(headers.map { "'\($0)'" }.joined(separator: " and ")) both map to '\(column)'; choose one in --map mapping.yaml."
    case .mappedHeaderNotFound(let file, let column, let header, let headers):
      return "\(file):1: the mapping gives '\(header)' for '\(column)', but the headers are: \(headers.joined(separator: ", "))."
    case .unknownColumn(let table, let column, let known):
      return "'\(column)' is not a column of \(table.rawValue); known: \(known.joined(separator: ", "))."
    case .invalidMapping(let path, let line, let column, let message):
      let place = [line.map { "\($0)" }, column.map { "\($0)" }].compactMap { $0 }.joined(separator: ":")
      return "\(path)\(place.isEmpty ? "" : ":" + place): \(message)."
    }
  }
}
