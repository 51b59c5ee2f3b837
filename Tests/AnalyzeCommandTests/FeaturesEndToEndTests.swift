import Foundation
import Testing
import TestSupport

/// Rows of a simple CSV (no quoted fields) keyed by their first cell.
private func rowsByID(_ text: String) -> (header: [String], rows: [String: [String]]) {
  let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  return (lines[0], Dictionary(uniqueKeysWithValues: lines.dropFirst().map { ($0[0], $0) }))
}

@Suite struct FeaturesEndToEndTests {
  @Test("features.csv equals the pandas reference pipeline's features.csv, cell for cell")
  func matchesPandasFile() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze([
      "features", repositoryPath("Tests/FeaturesTests/Fixtures/data"), "--as-of", "2025-07-01", "--horizon", "90",
      "--keep-duplicates", "events", "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("customers known before 2025-07-01"))
    let ours = rowsByID(out.read("features.csv"))
    let reference = rowsByID(
      try String(contentsOfFile: repositoryPath("Tests/FeaturesTests/Fixtures/pandas/features.csv"), encoding: .utf8))
    #expect(Array(ours.header.prefix(reference.header.count)) == reference.header)
    for (id, expected) in reference.rows {
      let row = try #require(ours.rows[id], "\(id) missing")
      for (i, name) in reference.header.enumerated().dropFirst() {
        if expected[i].isEmpty {
          #expect(row[i].isEmpty, "\(id) \(name)")
        } else {
          let a = try #require(Double(row[i]), "\(id) \(name): '\(row[i])'")
          let b = Double(expected[i])!
          #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(id) \(name): \(a) vs \(b)")
        }
      }
    }
    // Prospects: known customers without an order before T have rows of their own.
    #expect(ours.rows.count > reference.rows.count)
  }

  @Test("labels are left out, with a warning, when the data end inside the horizon")
  func shortData() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze([
      "features", repositoryPath("Tests/FeaturesTests/Fixtures/data"), "--as-of", "2025-12-01", "--horizon", "90",
      "--out", out.path,
    ])
    #expect(result.status == 0)
    #expect(result.standardError.contains("no labels"))
    #expect(!out.read("features.csv").split(separator: "\n")[0].contains("churn"))
  }

  @Test("a bad date for --as-of is a usage error")
  func badDate() throws {
    let result = try runAnalyze(["features", "x", "--as-of", "2025-13-01", "--out", "/tmp/x"])
    #expect(result.status == 2)
  }
}
