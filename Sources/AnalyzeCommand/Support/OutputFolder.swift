import DataIngest
import Foundation
import Reports

/// The folder a command writes into. Every file is written to a temporary
/// name and renamed into place, so a reader never sees half a file.
struct OutputFolder {
  let path: String

  init(_ path: String) throws {
    try AtomicFile.createDirectory(path)
    self.path = path
  }

  func write(_ table: ReportTable, as name: String) throws {
    try table.writeCSV(to: "\(path)/\(name)")
  }

  func write(text: String, as name: String) throws {
    try AtomicFile.write(Array(text.utf8), to: "\(path)/\(name)")
  }

  /// A report for people: the Markdown as `name`, each chart it links to
  /// as SVG beside it, and `report.html`, the Markdown with the charts inlined.
  func writeReport(markdown: String, as name: String, charts: [ReportChart], language: ReportLanguage) throws {
    let images = ReportChart.images(charts)
    for chart in charts { try write(text: images[chart.file]!, as: chart.file) }
    try write(text: markdown, as: name)
    try write(text: HTMLReport.page(markdown: markdown, charts: images, language: language), as: "report.html")
  }

  /// `ingest.csv` and `rejects.csv`, which every command that reads data writes.
  func writeIngest(_ ingest: IngestReport) throws {
    try write(ingest.summaryTable, as: "ingest.csv")
    try write(ingest.rejectsTable, as: "rejects.csv")
  }
}

/// Reads the data a command was pointed at.
func loadHistory(_ input: InputOptions) throws -> PurchaseHistory {
  try PurchaseHistoryLoader.load(try input.dataSource(), options: try input.ingestOptions())
}

/// Under `--strict`, any rejected row fails the run (after the outputs are written).
func enforceStrict(_ input: InputOptions, _ ingest: IngestReport) throws {
  let rejected = ingest.files.reduce(0) { $0 + $1.rejected }
  guard input.strict, rejected > 0 else { return }
  FileHandle.standardError.write(Data("analyze: \(rejected) rows rejected (see rejects.csv); failing under --strict.\n".utf8))
  throw ExitCodeError.dataProblem
}

/// Status 1 without a further message (the message was already written).
enum ExitCodeError: Error {
  case dataProblem
}
