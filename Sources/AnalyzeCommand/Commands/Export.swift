import ArgumentParser
import CRMExport
import DataIngest
import Foundation

extension Analyze {
  /// `analyze export`: scores, segments, tiers and tags into files a CRM's bulk import takes.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Scores, segments, tiers and tags as CRM import files that update existing records.",
      discussion: """
        Reads whichever of features.csv, scores.csv, segments.csv and tags.csv the folder holds, joins \
        them by customer, and writes <profile>-update.csv (or .xlsx; .partNN when a file would pass the \
        profile's row or byte limit) with a JSON manifest per file, and <profile>-update-rejects.csv listing \
        customers left out. The CRM's own record key comes from a column of the customers file \
        (--customers, or match_key in --config); it must be filled and unique. Text cells that a \
        spreadsheet would run as formulas are refused, prefixed or stripped per column. \
        See datasets/export.yaml for every setting.
        """)

    @Argument(help: "A folder of earlier outputs (analyze features, churn, segment, tag).")
    var runDirectory: String

    @Option(help: "The CRM: zoho, salesforce, hubspot, dynamics, fxiaoke or generic.")
    var profile: CRMProfile

    @Option(help: ArgumentHelp("A YAML file overriding the profile's settings, the key and the columns.", valueName: "export.yaml"))
    var config: String?

    @Option(help: ArgumentHelp("The customers file holding the CRM key column (default: customers.csv in the folder).", valueName: "file"))
    var customers: String?

    @Option(help: ArgumentHelp("Text encoding of CSV files: utf8 or gb18030.", valueName: "utf8|gb18030"))
    var encoding: String?

    @Option(help: ArgumentHelp("csv or xlsx (default: the profile's).", valueName: "csv|xlsx"))
    var format: ExportFormat?

    @Flag(inversion: .prefixedNo, help: "Start CSV files with a UTF-8 byte-order mark (default: the profile's).")
    var bom: Bool?

    @Flag(help: "Let a Dynamics CSV go without its byte-order mark (with --no-bom), which Microsoft says East Asian text needs.")
    var force = false

    @Option(help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
    var out: String

    func validate() throws {
      if let encoding, TextEncoding(exportName: encoding) == nil {
        throw ValidationError("--encoding must be utf8 or gb18030, not '\(encoding)'.")
      }
    }

    func run() throws {
      do throws(ExportError) {
        var exportConfig = ExportConfig(profile: profile)
        if let config { exportConfig = try ExportConfig.load(path: config, profile: profile) }
        if let encoding { exportConfig.settings.encoding = TextEncoding(exportName: encoding)! }
        if let format { exportConfig.settings.format = format }
        if let bom { exportConfig.settings.byteOrderMark = bom }
        if force { exportConfig.force = true }
        let exporter = CRMExporter(config: exportConfig)
        let run = try exporter.readRun(runDirectory, customers: customers)
        let result = try exporter.export(run, customers: customers, to: out)
        print(summary(result, rejectsFile: "\(out)/\(exporter.rejectsFileName)"))
      } catch {
        guard error.isUsageError else { throw error }
        FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
        throw ExitCode(2)
      }
    }

    private func summary(_ result: ExportResult, rejectsFile: String) -> String {
      var lines = ["inputs: \(result.inputsFound.map(\.fileName).joined(separator: ", "))"]
      if !result.inputsMissing.isEmpty {
        lines[0] += " (not found: \(result.inputsMissing.map(\.fileName).joined(separator: ", ")))"
      }
      lines.append("keys: \(result.keySource)")
      for file in result.files {
        lines.append("wrote \(file.path): \(file.manifest.rows) rows, \(file.manifest.bytes) bytes, manifest \(file.path).json")
      }
      let customersLeftOut = Set(result.rejects.filter { $0.action == ExportReject.rowNotExported }.map(\.customerID)).count
      if !result.rejects.isEmpty {
        lines.append(
          "left out: \(customersLeftOut) customers, \(result.rejects.count - customersLeftOut) values "
            + "(see \(rejectsFile))")
      }
      lines += result.warnings.map { "warning: \($0)" }
      lines += result.notes.map { "note: \($0)" }
      return lines.joined(separator: "\n")
    }
  }
}

extension CRMProfile: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
