import Yams

/// Which header of a file holds which canonical column, beyond the built-in
/// aliases; and the column order of headerless files.
///
/// A mapping file names, per table, the header for a canonical column:
///
/// ```yaml
/// transactions:
///   customer_id: 会员卡号
///   amount: 实付(元)
/// customers:
///   customer_id: Record Id
/// ```
public struct ColumnMapping: Sendable, Equatable {
  /// Per table: canonical column → header as written in the file.
  public var headers: [TableKind: [String: String]] = [:]
  /// Per table: the canonical columns of a file without a header line, in order.
  public var headerlessColumns: [TableKind: [String]] = [:]

  public init(
    headers: [TableKind: [String: String]] = [:], headerlessColumns: [TableKind: [String]] = [:]
  ) {
    self.headers = headers
    self.headerlessColumns = headerlessColumns
  }

  /// Reads a mapping file.
  /// - Throws: ``IngestError/invalidMapping(path:line:column:message:)`` naming the
  ///   line and column of the problem, ``IngestError/unknownColumn(table:column:known:)``.
  public static func load(path: String) throws(IngestError) -> ColumnMapping {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw .unreadable(path: path, reason: "\(error.localizedDescription)")
    }
    return try parse(yaml: text, path: path)
  }

  /// Reads a mapping from YAML text; `path` is used in messages.
  public static func parse(yaml: String, path: String) throws(IngestError) -> ColumnMapping {
    let root: Node?
    do { root = try Yams.compose(yaml: yaml) } catch let error as YamlError {
      throw Self.error(from: error, path: path)
    } catch {
      throw .invalidMapping(path: path, line: nil, column: nil, message: "\(error)")
    }
    guard let root else { return ColumnMapping() }
    guard let tables = root.mapping else {
      throw .invalidMapping(
        path: path, line: root.mark.map { $0.line }, column: root.mark.map { $0.column },
        message: "expected tables (transactions, customers, events) at the top level")
    }
    var mapping = ColumnMapping()
    for (key, value) in tables {
      guard let name = key.string, let table = TableKind(rawValue: name) else {
        throw .invalidMapping(
          path: path, line: key.mark?.line, column: key.mark?.column,
          message: "unknown table '\(key.string ?? "?")'; expected transactions, customers or events")
      }
      guard let pairs = value.mapping else {
        throw .invalidMapping(
          path: path, line: value.mark?.line, column: value.mark?.column,
          message: "expected 'canonical_column: header' pairs under \(name)")
      }
      var headers: [String: String] = [:]
      let known = ColumnAliases.canonicalColumns(of: table)
      for (column, header) in pairs {
        guard let canonical = column.string, let headerText = header.string else {
          throw .invalidMapping(
            path: path, line: column.mark?.line, column: column.mark?.column,
            message: "expected 'canonical_column: header' under \(name)")
        }
        guard known.contains(canonical) else {
          throw .invalidMapping(
            path: path, line: column.mark?.line, column: column.mark?.column,
            message: "'\(canonical)' is not a column of \(name); known: \(known.joined(separator: ", "))")
        }
        headers[canonical] = headerText
      }
      mapping.headers[table] = headers
    }
    return mapping
  }

  private static func error(from error: YamlError, path: String) -> IngestError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return .invalidMapping(path: path, line: mark.line, column: mark.column, message: problem)
    default:
      return .invalidMapping(path: path, line: nil, column: nil, message: "\(error)")
    }
  }
}
