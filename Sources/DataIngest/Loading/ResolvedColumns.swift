/// Where each canonical column of one table stands in one file.
struct ResolvedColumns {
  /// The headers as written (or the canonical names of a headerless file).
  var headers: [String]
  /// Field index per canonical column present.
  var index: [String: Int]
  /// Fields that map to no canonical column: (field index, header).
  var extras: [(field: Int, header: String)]
  var entries: [ColumnMappingEntry]

  /// The field index of `canonical`, or -1 when the file lacks it.
  func field(_ canonical: String) -> Int { index[canonical] ?? -1 }

  /// Maps `headers` to canonical columns: explicit mapping first, then the
  /// built-in aliases. A canonical column named in the mapping takes no alias.
  /// - Throws: ``IngestError`` when a required column is missing, two headers
  ///   claim one column with equal standing, or a mapped header is absent.
  static func resolve(
    headers: [String], table: TableKind, file: String, explicit: [String: String]
  ) throws(IngestError) -> ResolvedColumns {
    var index: [String: Int] = [:]
    var mappedFields = Set<Int>()
    for (canonical, header) in explicit.sorted(by: { $0.key < $1.key }) {
      let wanted = ColumnAliases.normalize(header)
      guard
        let field = headers.firstIndex(of: header)
          ?? headers.firstIndex(where: { ColumnAliases.normalize($0) == wanted })
      else {
        throw .mappedHeaderNotFound(file: file, column: canonical, header: header, headers: headers)
      }
      index[canonical] = field
      mappedFields.insert(field)
    }
    // Headers claiming each canonical column by alias, in file order.
    var claims: [String: [Int]] = [:]
    for (field, header) in headers.enumerated() where !mappedFields.contains(field) {
      if let canonical = ColumnAliases.canonicalName(forHeader: header, in: table), explicit[canonical] == nil {
        claims[canonical, default: []].append(field)
      }
    }
    // Two headers for one column (a Taobao export has 订单创建时间 and 订单付款时间):
    // the alias listed first wins; the other stays an extra column. Equal ranks are an error.
    for (canonical, fields) in claims {
      let preference = ColumnAliases.aliases(for: canonical, in: table).map(ColumnAliases.normalize)
      let ranked = fields.map { field in
        (field, preference.firstIndex(of: ColumnAliases.normalize(headers[field])) ?? preference.count)
      }.sorted { $0.1 < $1.1 }
      if ranked.count > 1 && ranked[0].1 == ranked[1].1 {
        throw .duplicateColumn(file: file, column: canonical, headers: ranked.filter { $0.1 == ranked[0].1 }.map { headers[$0.0] })
      }
      index[canonical] = ranked[0].0
    }
    var entries: [ColumnMappingEntry] = []
    var extras: [(Int, String)] = []
    for (field, header) in headers.enumerated() {
      if let canonical = index.first(where: { $0.value == field })?.key {
        entries.append(.init(header: header, canonical: canonical))
      } else {
        extras.append((field, header))
        entries.append(.init(header: header, canonical: nil))
      }
    }
    for required in ColumnAliases.requiredColumns(of: table) where index[required] == nil {
      let closest = headers.lazy.compactMap { header -> String? in
        guard let near = ColumnAliases.closestAlias(to: header, in: table), near.canonical == required
        else { return nil }
        return "\(header)' looks like '\(near.alias)"
      }.first
      throw .missingColumn(file: file, column: required, headers: headers, closest: closest)
    }
    return ResolvedColumns(headers: headers, index: index, extras: extras, entries: entries)
  }
}
