import BatchJobs
import DataIngest
import Foundation
import Models

/// The key figures of a run, read back from its step folders, for the
/// manifest and the quality gates.
struct RunMetrics {
  var values: [String: Double] = [:]
  var warnings: [String] = []

  static func collect(run: String, steps: [RunManifest.Step], ingest: IngestReport, previous: String?) -> RunMetrics {
    var metrics = RunMetrics()
    let read = ingest.files.reduce(0) { $0 + $1.rowsRead }
    let rejected = ingest.files.reduce(0) { $0 + $1.rejected }
    metrics.values["reject_share"] = read > 0 ? Double(rejected) / Double(read) : 0
    for step in steps {
      let folder = "\(run)/\(step.folder)"
      switch step.command {
      case "churn", "propensity":
        for row in csvRows("\(folder)/metrics.csv").dropFirst() where row.count == 2 {
          if ["auc", "ks", "log_loss"].contains(row[0]), let value = Double(row[1]) { metrics.values[row[0]] = value }
        }
        let scores = probabilities("\(folder)/scores.csv")
        metrics.values["scored"] = Double(scores.count)
        if let previous {
          let before = probabilities("\(previous)/\(step.folder)/scores.csv")
          if !before.isEmpty {
            metrics.values["population_change"] = abs(Double(scores.count - before.count)) / Double(before.count)
            if let psi = try? PopulationStabilityIndex(reference: before, current: scores) {
              metrics.values["psi"] = psi.value
            } else {
              metrics.warnings.append("psi: the scores of \(step.folder) could not be compared with the previous run's")
            }
          }
        }
      case "segment":
        if let data = FileManager.default.contents(atPath: "\(folder)/model.json"),
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let k = object["k"] as? Int
        {
          metrics.values["segments"] = Double(k)
        }
      default:
        break
      }
    }
    return metrics
  }

  /// Each input file's size, hash and row account.
  static func inputs(_ paths: [String], ingest: IngestReport) -> [RunManifest.Input] {
    paths.map { path in
      let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
      let file = ingest.files.first { $0.file == path }
      return RunManifest.Input(
        path: path, bytes: size, sha256: FileDigest.sha256(path: path) ?? "", rowsRead: file?.rowsRead,
        accepted: file?.accepted, rejected: file?.rejected)
    }
  }

  /// The `probability` column of a scores.csv.
  static func probabilities(_ path: String) -> [Double] {
    // A million rows: only the one field becomes a String.
    guard let reader = reader(path), let header = try? reader.next(),
      let column = (0..<header.count).first(where: { header.string($0) == "probability" })
    else { return [] }
    var values: [Double] = []
    try? reader.forEachRemainingRecord { record in
      if record.count > column, let value = Double(record.string(column)) { values.append(value) }
      return true
    }
    return values
  }

  private static func reader(_ path: String) -> CSVReader? {
    try? CSVReader(path: path, options: CSVReaderOptions(delimiter: .comma))
  }

  /// The records of a small CSV file the tool wrote itself.
  static func csvRows(_ path: String) -> [[String]] {
    guard let reader = reader(path) else { return [] }
    var rows: [[String]] = []
    while let record = try? reader.next() { rows.append((0..<record.count).map(record.string)) }
    return rows
  }
}
