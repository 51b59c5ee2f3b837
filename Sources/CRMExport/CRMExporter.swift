import Dispatch
import Foundation
import Models
import Reports

/// Joins a run folder's scores, segments, classifications and tags by
/// customer and writes files a CRM's bulk import takes to update existing
/// records (spec §8), each with a JSON manifest, plus `<file_name>-rejects.csv`.
///
/// ```swift
/// var config = try ExportConfig.load(path: "export.yaml", profile: .zoho)
/// let exporter = CRMExporter(config: config)
/// let run = try exporter.readRun("out/run", customers: "data/customers.csv")  // or RunFolder(path:columns:)
/// let result = try exporter.export(run, customers: "data/customers.csv", to: "out/crm")
/// ```
///
/// Everything is checked and rendered before the first file is written:
/// a refusal leaves the output folder as it was. A large run's customers
/// are made in ranges side by side (see ``ExportChunk``), with the same
/// files, rejects and errors as one loop over them.
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

  /// Reads the run folder at `path` as ``RunFolder/init(path:columns:)``
  /// with ``sourceColumns``, and the customers file holding the keys beside
  /// its files, for ``export(_:customers:to:)`` with the same `customers`.
  public func readRun(_ path: String, customers: String?) throws(ExportError) -> RunFolder {
    let file = KeyLookup.customersFile(config: config, runPath: path, customersFile: customers)
    // A missing file is for the export to report, after the checks of the config.
    return try RunFolder(
      path: path, columns: sourceColumns, customers: file.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil })
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
    // A range per processor, when each has enough customers to be worth a thread.
    let ranges = max(1, min(ProcessInfo.processInfo.activeProcessorCount, run.ids.count / 100_000))
    return try export(run, customers: customers, to: directory, ranges: ranges)
  }

  /// ``export(_:customers:to:)`` with the customers cut into `ranges` ranges
  /// made side by side: the same files, results and errors for any number.
  func export(_ run: RunFolder, customers: String?, to directory: String, ranges: Int) throws(ExportError)
    -> ExportResult
  {
    try config.validate()
    let settings = config.settings
    let columns = try columns(for: run)
    guard let keyHeader = settings.keyHeader else {
      throw .invalidSetting(name: "match_key.header", message: "name the CRM's key column")
    }
    let headers = [keyHeader] + columns.map(\.header)
    try checkHeaders(headers, columns: columns)
    let keys = try KeyLookup(config: config, run: run, customersFile: customers)
    let inputs = ExportChunk.Inputs(
      config: config, run: run, keys: keys, keyHeader: keyHeader,
      keyColumn: ExportColumn(source: keys.column, header: keyHeader, kind: .key),
      pattern: settings.keyPattern.flatMap { try? Regex($0) }, columns: columns,
      sources: columns.map { run.locate($0.source)! })

    let count = run.ids.count
    let made = ConcurrentSlots<ExportChunk?>(repeating: nil, count: ranges)
    DispatchQueue.concurrentPerform(iterations: ranges) { i in
      made[i] = ExportChunk(customers: count * i / ranges..<count * (i + 1) / ranges, inputs)
    }
    var chunks = (0..<ranges).map { made[$0]! }
    for i in 0..<ranges { made[i] = nil }
    // A loop over every customer stops at the first error, and checks the keys after the last customer.
    if let failure = chunks.lazy.compactMap(\.failure).first { throw failure }
    let emptyKeys = chunks.flatMap(\.emptyKeys)
    if !emptyKeys.isEmpty { throw .emptyKeys(column: keys.column, offenders: emptyKeys) }
    let badKeys = chunks.flatMap(\.badKeys)
    if !badKeys.isEmpty { throw .invalidKeys(column: keys.column, pattern: settings.keyPattern!, offenders: badKeys) }
    let duplicates = ExportChunk.duplicates(chunks, keys: keys, customers: count)
    if !duplicates.isEmpty { throw .duplicateKeys(column: keys.column, offenders: duplicates) }

    var parts = ExportParts.Builder(settings: settings, headers: headers, expectedRows: count)
    var log = ExportLog()
    for i in chunks.indices {
      // Each range's rows go once in the parts, so the rows of the whole file are held twice at most a range.
      chunks[i].handRows(to: &parts, ids: run.ids.view)
      log.append(chunks[i].log)
    }
    if chunks.contains(where: \.keysMayBeMangled) && settings.format == .csv {
      log.warn(
        "the keys look like long numbers or have leading zeros: don't open and save this CSV in Excel; "
          + "use --format xlsx or import the file directly")
    }
    return try write(
      try parts.finish(), columns: columns, keyHeader: keyHeader, keySource: keys.source, log: log, run: run,
      to: directory)
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
        let pieces = part.allPieces
        // The checksum is worked out while the file is written (and synced to disk), the manifest after both.
        let written = ConcurrentSlots<Result<SHA256.Digest?, ReportError>>(repeating: .success(nil), count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { task in
          written[task] = Result { () throws(ReportError) in
            guard task == 1 else {
              var hash = SHA256()
              for piece in pieces { hash.update(piece) }
              return hash.finalize()
            }
            let file = try AtomicFileWriter(path: path)
            for piece in pieces { try file.append(piece) }
            try file.commit()
            return nil
          }
        }
        let digest = try written[0].get()!
        let manifest = ExportManifest(
          file: names[index], part: index + 1, parts: parts.parts.count, profile: config.profile.rawValue,
          format: settings.format.rawValue, encoding: settings.format == .xlsx ? "utf-8" : settings.encoding.rawValue,
          byteOrderMark: !parts.prefix.isEmpty,
          delimiter: settings.format == .csv ? String(settings.delimiter) : nil,
          lineEnding: settings.format == .csv ? settings.lineEnding.rawValue.uppercased() : nil,
          rows: part.rows, bytes: part.count, sha256: digest.hex,
          key: .init(header: keyHeader, source: keySource),
          columns: columns.map {
            .init(
              source: $0.source, header: $0.header, kind: $0.kind.rawValue,
              scale: $0.kind == .decimal ? $0.scale : nil, formulaGuard: $0.formulaGuard.rawValue)
          },
          inputs: run.found.map(\.fileName), warnings: log.warnings, notes: notes)
        _ = try written[1].get()
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
