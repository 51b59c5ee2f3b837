import Foundation
import Notebooks
import TestSupport
import Testing

/// `notebooks-export/`: the notebooks of the bundled sample's run, as `notebooks-export/regenerate.sh` writes them.
@Suite struct CommittedNotebookTests {
  static let folder = repositoryPath("notebooks-export")
  static let notebooks: [(file: String, kind: NotebookKind)] = [("churn.ipynb", .churn), ("segments.ipynb", .segments)]

  static func committed(_ file: String) throws -> String {
    try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
  }

  @Test("The committed notebooks are what the generator makes from the committed run (rerun regenerate.sh when this fails)",
    arguments: notebooks.map(\.file))
  func upToDate(file: String) throws {
    let kind = Self.notebooks.first { $0.file == file }!.kind
    let dataPath = RelativePath.to("\(Self.folder)/run", from: Self.folder)
    #expect(dataPath == "run")
    let made = try RunNotebook.make(folder: "\(Self.folder)/run", kind: kind, dataPath: dataPath, language: .en)
    #expect(String(decoding: made.bytes, as: UTF8.self) == (try Self.committed(file)))
  }

  @Test("The committed notebooks are valid nbformat 4.5 (the official schema)", arguments: notebooks.map(\.file))
  func valid(file: String) throws {
    #expect(NotebookSchema.problems(try Self.committed(file)) == [])
  }

  @Test("Every chart of the story has its code cell, after the report section it illustrates")
  func story() throws {
    func sources(_ file: String) throws -> [String] {
      try JSONTestValue.parse(try Self.committed(file))["cells"]!.array!.map { $0["source"]!.joinedLines! }
    }
    let churn = try sources("churn.ipynb")
    for (heading, reads) in [
      ("### Monthly activity", "monthly.csv"), ("### Cohort retention", "cohort_retention.csv"),
      ("### value_tier", "\"value_tier\""), ("### lifecycle_stage", "\"lifecycle_stage\""),
      ("## Factors", "coefficients.csv"), ("## Validation", "validation.csv"),
      ("### Calibration", "calibration.csv"), ("### Cumulative gains", "lift.csv"), ("## Current scores", "scores.csv"),
    ] {
      let section = try #require(churn.firstIndex { $0.contains(heading) }, "\(heading)")
      #expect(churn[section + 1].contains(reads), "\(heading) is followed by the chart reading \(reads)")
    }
    let segments = try sources("segments.ipynb")
    let choice = try #require(segments.firstIndex { $0.hasPrefix("## Choice of k") })
    #expect(segments[choice + 1].contains("k_selection.csv"))
    let profile = try #require(segments.firstIndex { $0.hasPrefix("## Segments") })
    #expect(segments[profile + 1].contains("centroids.csv") && segments[profile + 2].contains("_centre"))
  }
}
