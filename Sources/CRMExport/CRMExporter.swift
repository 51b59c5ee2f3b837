import Foundation
import Reports

/// Joins a run folder's scores, segments, classifications and tags by
/// customer and writes files a CRM's bulk import takes to update existing
/// records (spec §8), each with a JSON manifest, plus `<file_name>-rejects.csv`.
///
/// ```swift
/// var config = try ExportConfig.load(path: "export.yaml", profile: .zoho)
/// let run = try RunFolder(path: "out/run")
/// let result = try CRMExporter(config: config).export(run, customers: "data/customers.csv", to: "out/crm")
/// ```
///
/// Everything is checked and rendered before the first file is written:
/// a refusal leaves the output folder as it was.
public struct CRMExporter {
  public let config: ExportConfig
  /// The file listing the customers and values left out: `<file_name>-rejects.csv`,
  /// so exports for several CRMs can share a folder.
  public var rejectsFileName: String { config.settings.fileName + "-rejects.csv" }

  public init(config: ExportConfig) {
    self.config = config
  }

  /// The input columns the export reads (`scores.probability`, `tags`…): what
  /// ``RunFolder/init(path:columns:)`` needs to hold of the run folder.
  public var sourceColumns: [String] {
    config.columns?.map(\.source) ?? ScoreField.all.map { "\($0.file.rawValue).\($0.source)" }
  }

  /// The columns the file will have besides the key.
  ///
  /// - Throws: ``ExportError/invalidSetting(name:message:)`` for a column no
  ///   input has, or when nothing would be exported.
  public func columns(for run: RunFolder) throws(ExportError) -> [ExportColumn] {
    // Defaults are looked up in the file that writes them: a features.csv column named like a score is not one.
    let specs =
      config.columns
      ?? ScoreField.all.map { ColumnSpec(source: "\($0.file.rawValue).\($0.source)") }.filter { run.locate($0.source) != nil }
    for spec in specs where run.locate(spec.source) == nil {
      throw .invalidSetting(
        name: "columns",
        message: "no input file has the column \(quoted(spec.source)); the inputs have \(run.availableColumns.joined(separator: ", "))")
    }
    guard !specs.isEmpty else {
      throw .invalidSetting(
        name: "columns",
        message: "\(run.path) has none of the score columns (\(ScoreField.all.map(\.source).joined(separator: ", "))); "
          + "name the columns to export in the config")
    }
    return specs.map { $0.resolved(config.settings) }
  }

  /// Checks, renders and writes the export.
  ///
  /// - Parameters:
  ///   - run: the inputs.
  ///   - customers: the customers file holding the CRM keys, unless the
  ///     config names one or the key is `customer_id` itself; `nil` falls
  ///     back to `customers.csv` in the run folder.
  ///   - directory: the output folder (created when missing).
  /// - Throws: ``ExportError``; nothing is written then.
  public func export(_ run: RunFolder, customers: String?, to directory: String) throws(ExportError) -> ExportResult {
    try config.validate()
    let settings = config.settings
    let columns = try columns(for: run)
    guard let keyHeader = settings.keyHeader else {
      throw .invalidSetting(name: "match_key.header", message: "name the CRM's key column")
    }
    let headers = [keyHeader] + columns.map(\.header)
    try checkHeaders(headers, columns: columns)
    var keys = try KeyLookup(config: config, run: run, customersFile: customers)

    var formatter = CellFormatter(settings: settings)
    var parts = ExportParts.Builder(settings: settings, headers: headers, expectedRows: run.ids.count)
    var keysMayBeMangled = false
    var seenKeys = IDIndex()
    // Where each key was first seen: its offender is made only when the key comes again.
    var firstWithKey: [(customer: Int, place: Int)] = []
    var duplicates: [ExportError.Offender] = []
    var emptyKeys: [ExportError.Offender] = []
    var badKeys: [ExportError.Offender] = []
    let keyColumn = ExportColumn(source: keys.column, header: keyHeader, kind: .key)
    let pattern = settings.keyPattern.flatMap { try? Regex($0) }
    let sources = columns.map { run.locate($0.source)! }
    let reads = zip(columns, sources).map { column, source in
      ColumnRead(
        file: source.file, values: run.tables[source.file]!.values[source.column]!.view,
        decimalScale: column.kind == .decimal ? column.scale : nil, percent: column.asPercent)
    }
    let ids = run.ids.view
    var row = ExportRow(settings: settings)
    // A column's values repeat (risk bands, segment names, reasons): the cell of a value is kept once it was
    // made without a warning or reject, which depend on each occurrence. Numbers rarely repeat.
    var remembered = CellCache(columns: columns.count)

    // The views read the run's columns and rows, which live as long as `run`, a parameter.
    let rows = run.rows
    customerLoop: for index in 0..<ids.count {
      guard let place = keys.place(of: index) else {
        formatter.log.reject(
          ExportReject(
            customerID: ids.string(index), column: keyHeader, value: "", reason: "not in \(keys.fileName)",
            action: ExportReject.rowNotExported))
        continue
      }
      let key = keys.key(at: place)
      if key.isEmpty {
        let offender = keys.offender(customer: index, at: place)
        if config.matchKey.missing == .refuse { emptyKeys.append(offender) } else {
          formatter.log.reject(
            ExportReject(
              customerID: offender.customerID, column: keyHeader, value: "",
              reason: "empty CRM key in \(offender.file) line \(offender.line)", action: ExportReject.rowNotExported))
        }
        continue
      }
      if let pattern, (try? pattern.wholeMatch(in: key)) == nil { badKeys.append(keys.offender(customer: index, at: place)) }
      if let first = seenKeys.insert(key).map({ firstWithKey[$0] }) {
        let firstOffender = keys.offender(customer: first.customer, at: first.place)
        if !duplicates.contains(firstOffender) { duplicates.append(firstOffender) }
        duplicates.append(keys.offender(customer: index, at: place))
      } else {
        firstWithKey.append((index, place))
      }
      row.removeAll()
      let keyText = try formatter.guarded(key, column: keyColumn, offender: keys.offender(customer: index, at: place))
      row.append(ExportCell(text: keyText, style: .text))
      for c in reads.indices {
        let read = reads[c]
        let value = rows.row(in: read.file, customer: index).map { read.values[$0] }
        if let value {
          if let entry = remembered.entry(c, value) {
            row.append(remembered.cell(at: entry), rendered: remembered.field(at: entry))
            continue
          }
          if let cell = read.plainDecimal(value) {
            row.append(cell)
            continue
          }
        }
        let column = columns[c]
        let found = run.value(read.file, sources[c].column, customer: index)
        let offender = ExportError.Offender(
          customerID: ids.string(index), file: found?.file ?? read.file.fileName, line: found?.line ?? 0,
          value: found?.text ?? "")
        let events = formatter.log.events
        switch try formatter.format(found?.text, column: column, offender: offender) {
        case .cell(let cell):
          row.append(cell)
          if let value, !column.kind.isNumber, formatter.log.events == events {
            remembered.add(cell, rendered: row.rendered(cell), c, value)
          }
        case .skipRow(let reason):
          formatter.log.reject(
            ExportReject(
              customerID: offender.customerID, column: column.header, value: found?.text ?? "", reason: reason,
              action: ExportReject.rowNotExported))
          continue customerLoop
        }
      }
      if !keysMayBeMangled { keysMayBeMangled = KeyLookup.mayBeMangledByExcel(keyText) }
      row.add(to: &parts, customer: ids.string(index))
    }
    if !emptyKeys.isEmpty { throw .emptyKeys(column: keys.column, offenders: emptyKeys) }
    if !badKeys.isEmpty { throw .invalidKeys(column: keys.column, pattern: settings.keyPattern!, offenders: badKeys) }
    if !duplicates.isEmpty { throw .duplicateKeys(column: keys.column, offenders: duplicates) }

    var log = formatter.log
    if keysMayBeMangled && settings.format == .csv {
      log.warn(
        "the keys look like long numbers or have leading zeros: don't open and save this CSV in Excel; "
          + "use --format xlsx or import the file directly")
    }
    return try write(
      try parts.finish(), columns: columns, keyHeader: keyHeader, keySource: keys.source, log: log, run: run,
      to: directory)
  }

  /// What the loop over the customers reads of a column, as pointers and flags.
  private struct ColumnRead {
    let file: InputFile
    let values: TextColumn.View
    /// The scale of a decimal column, `nil` for other kinds.
    let decimalScale: Int?
    let percent: Bool

    /// The cell of a decimal column's plain decimal value (`0.6932411783877152`),
    /// made from its text when ``DecimalText/fixed(plainDecimal:scale:percent:)`` can.
    @inline(__always)
    func plainDecimal(_ value: UnsafeBufferPointer<UInt8>) -> ExportCell? {
      guard let scale = decimalScale, let trimmed = TextBytes.trimmingSpaces(value), !trimmed.isEmpty,
        let text = DecimalText.fixed(plainDecimal: trimmed, scale: scale, percent: percent)
      else { return nil }
      return ExportCell(text: text, style: .number(scale: scale))
    }
  }

  /// Headers must be distinct, fit the profile, and be no formula themselves.
  private func checkHeaders(_ headers: [String], columns: [ExportColumn]) throws(ExportError) {
    let settings = config.settings
    if let limit = settings.maxColumns, headers.count > limit {
      throw .invalidSetting(name: "columns", message: "\(headers.count) columns, over the profile's limit of \(limit)")
    }
    var seen = Set<String>()
    for header in headers {
      if !seen.insert(header).inserted {
        throw .invalidSetting(name: "columns", message: "two columns have the header \(quoted(header))")
      }
      if header.isEmpty || header.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
        throw .invalidSetting(name: "columns", message: "the header \(quoted(header)) is empty or has a line break")
      }
      if !settings.quoteHeader && (header.contains("\"") || header.contains(settings.delimiter)) {
        throw .invalidSetting(
          name: "columns", message: "the unquoted header \(quoted(header)) cannot hold a quote or the delimiter")
      }
      if FormulaGuard.isDangerous(header) {
        throw .invalidSetting(name: "columns", message: "the header \(quoted(header)) would run as a spreadsheet formula")
      }
    }
    if settings.dateFormat == nil, let column = columns.first(where: { $0.kind == .date }) {
      throw .invalidSetting(
        name: "date_format",
        message: "\(column.header) is a date, and the \(config.profile.rawValue) import reads dates in the "
          + "importing user's locale; set date_format (e.g. dd/MM/yyyy), or salesforce_tool: dataloader")
    }
  }

  /// Writes the parts, their manifests and the rejects, then removes parts
  /// an earlier, longer export left behind.
  private func write(
    _ parts: ExportParts, columns: [ExportColumn], keyHeader: String, keySource: String, log: ExportLog,
    run: RunFolder, to directory: String
  ) throws(ExportError) -> ExportResult {
    let settings = config.settings
    let notes = config.profile.importNotes(settings)
    let names = parts.fileNames
    var files: [ExportResult.File] = []
    do {
      try AtomicFile.createDirectory(directory)
      for (index, part) in parts.parts.enumerated() {
        let path = "\(directory)/\(names[index])"
        let manifest = ExportManifest(
          file: names[index], part: index + 1, parts: parts.parts.count, profile: config.profile.rawValue,
          format: settings.format.rawValue, encoding: settings.format == .xlsx ? "utf-8" : settings.encoding.rawValue,
          byteOrderMark: !parts.prefix.isEmpty,
          delimiter: settings.format == .csv ? String(settings.delimiter) : nil,
          lineEnding: settings.format == .csv ? settings.lineEnding.rawValue.uppercased() : nil,
          rows: part.rows, bytes: part.bytes.count, sha256: SHA256.hash(part.bytes).hex,
          key: .init(header: keyHeader, source: keySource),
          columns: columns.map {
            .init(
              source: $0.source, header: $0.header, kind: $0.kind.rawValue,
              scale: $0.kind == .decimal ? $0.scale : nil, formulaGuard: $0.formulaGuard.rawValue)
          },
          inputs: run.found.map(\.fileName), warnings: log.warnings, notes: notes)
        try AtomicFile.write(part.bytes, to: path)
        try AtomicFile.write(try manifest.jsonBytes(), to: path + ".json")
        files.append(ExportResult.File(path: path, manifest: manifest))
      }
      try AtomicFile.write(Self.rejectsCSV(log.rejects), to: "\(directory)/\(rejectsFileName)")
    } catch let error as ReportError {
      throw .cannotWrite(reason: error.description)
    } catch let error as ExportError {
      throw error
    } catch {
      throw .cannotWrite(reason: "\(error)")
    }
    removeStaleParts(in: directory, keeping: Set(names))
    return ExportResult(
      files: files, rows: parts.parts.reduce(0) { $0 + $1.rows }, rejects: log.rejects, warnings: log.warnings,
      notes: notes, inputsFound: run.found, inputsMissing: run.missing, keySource: keySource)
  }

  /// `customer_id,column,value,reason,action`, through the Reports CSV writer and its formula guard.
  static func rejectsCSV(_ rejects: [ExportReject]) throws(ReportError) -> [UInt8] {
    var table = ReportTable(title: "export_rejects", columns: ["customer_id", "column", "value", "reason", "action"])
    for reject in rejects {
      table.append([.text(reject.customerID), .text(reject.column), .text(reject.value), .text(reject.reason), .text(reject.action)])
    }
    return try table.csvBytes()
  }

  /// `<name>.<ext>` and `<name>.partNN.<ext>` files (and their manifests) not written this time.
  private func removeStaleParts(in directory: String, keeping written: Set<String>) {
    let settings = config.settings
    let suffix = "." + settings.format.fileExtension
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    for entry in entries {
      let file = entry.hasSuffix(".json") ? String(entry.dropLast(5)) : entry
      guard file.hasSuffix(suffix), !written.contains(file) else { continue }
      let base = file.dropLast(suffix.count)
      let part = base.hasPrefix(settings.fileName + ".part") ? base.dropFirst(settings.fileName.count + 5) : nil
      guard base == settings.fileName || (part.map { !$0.isEmpty && $0.allSatisfy(\.isNumber) } ?? false) else { continue }
      try? FileManager.default.removeItem(atPath: "\(directory)/\(entry)")
    }
  }
}
