import Foundation
import Testing
import TestSupport

@Suite struct DescribeEndToEndTests {
  let dirty = repositoryPath("Tests/DataIngestTests/Fixtures/dirty")

  @Test("describe writes the summary, the tables and the ingest account of a dirty export")
  func dirtyExport() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze(["describe", dirty, "--out", out.path])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("Rows rejected: 108, duplicates dropped: 69."))
    let ingest = out.read("ingest.csv").split(separator: "\n").map { $0.split(separator: ",").prefix(7).joined(separator: ",") }
    // rows read = accepted + rejected + duplicates, per file, as loaded in PurchaseHistoryLoaderTests.
    #expect(ingest.contains("\(dirty)/transactions.csv,transactions,4085,3945,94,46,37"))
    #expect(ingest.contains("\(dirty)/customers.csv,customers,405,400,0,5,0"))
    #expect(ingest.contains("\(dirty)/events.csv,events,1701,1669,14,18,0"))
    // 50 empty amounts + 45 bad transaction dates + 14 bad event dates, one line each, plus the header.
    #expect(out.read("rejects.csv").split(separator: "\n").count == 1 + 50 + 45 + 14)
    for file in ["summary.md", "overview.csv", "numeric_summary.csv", "categorical.csv", "monthly.csv",
                 "cohort_retention.csv", "interpurchase_days.csv", "correlation.csv", "age_bands.csv", "gender.csv"] {
      #expect(!out.read(file).isEmpty, "\(file) missing")
    }
    #expect(out.read("summary.md").contains("Repeat-purchase rate"))
  }

  @Test("--strict fails with status 1 when rows were rejected, after writing the outputs")
  func strict() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze(["describe", dirty, "--out", out.path, "--strict"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("108 rows rejected"))
    #expect(!out.read("rejects.csv").isEmpty)
  }

  @Test("a GB18030 export with Chinese headers, reported in Chinese")
  func chinese() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze([
      "describe", repositoryPath("Tests/DataIngestTests/Fixtures/gb18030"), "--out", out.path, "--lang", "zh",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let summary = out.read("summary.md")
    #expect(summary.contains("# 数据概览"))
    #expect(summary.contains("| transactions | 实付金额 | amount |"))
    #expect(out.read("ingest.csv").contains("transactions,300,300,0,0,0,gb18030"))
  }

  @Test("a headerless whitespace-separated dump, columns named on the command line")
  func headerlessWhitespace() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze([
      "describe", "--transactions", repositoryPath("Tests/DataIngestTests/Fixtures/whitespace.txt"),
      "--no-header", "--columns", "customer_id,order_date,quantity,amount", "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(out.read("ingest.csv").contains("transactions,200,200,0,0,0,utf-8,whitespace"))
    // Sum of the 200 amounts, computed with Python's str.split: 49625.60.
    #expect(out.read("overview.csv").contains("revenue,49625.6\n"))
  }

  @Test("a missing data folder is a data problem (status 1) named in the message")
  func missingFolder() throws {
    let result = try runAnalyze(["describe", "/nonexistent/data", "--out", "/tmp/unused"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("/nonexistent/data: not a folder with transactions.csv"))
  }

  @Test("usage errors exit with status 2", arguments: [
    ["describe", "--out", "/tmp/x"],
    ["describe", "a", "--transactions", "t.csv", "--out", "/tmp/x"],
    ["describe", "a", "--no-header", "--out", "/tmp/x"],
    ["describe", "a", "--delimiter", "colon", "--out", "/tmp/x"],
    ["no-such-command"],
  ])
  func usage(arguments: [String]) throws {
    let result = try runAnalyze(arguments)
    #expect(result.status == 2, "\(arguments): \(result.standardError)")
    #expect(!result.standardError.isEmpty && result.standardOutput.isEmpty)
  }
}
