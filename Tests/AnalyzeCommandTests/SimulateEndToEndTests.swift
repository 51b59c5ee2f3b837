import Foundation
import Testing
import TestSupport

@Suite struct SimulateEndToEndTests {
  @Test("simulate writes the four files and reports the counts")
  func writesFiles() throws {
    let out = TemporaryDirectory()
    let folder = "\(out.path)/new/sim"
    let result = try runAnalyze([
      "simulate", "--customers", "300", "--seed", "5", "--out", folder, "--start", "2024-01-01", "--end", "2024-12-31",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.hasPrefix("300 customers, "))
    for name in ["transactions.csv", "customers.csv", "events.csv", "truth.csv"] {
      #expect(FileManager.default.fileExists(atPath: "\(folder)/\(name)"), "\(name) missing")
    }
    #expect(out.read("new/sim/customers.csv").split(separator: "\n").count == 301)
    #expect(out.read("new/sim/transactions.csv").hasPrefix("order_id,customer_id,order_date,amount,"))
  }

  @Test("invalid values are usage errors (status 2) that name the option", arguments: [
    (["--customers", "0"], "--customers 0: must be at least 1."),
    (["--customers", "10", "--start", "2025-02-30"], "--start 2025-02-30: not a date"),
    (["--customers", "10", "--start", "2025-01-01", "--end", "2024-12-31"], "--end 2024-12-31: must be after start"),
    (["--customers", "10", "--threads", "0"], "--threads must be at least 1."),
  ])
  func usageErrors(arguments: [String], message: String) throws {
    let result = try runAnalyze(["simulate", "--out", "/tmp/analyze-simulate-unused"] + arguments)
    #expect(result.status == 2)
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: "/tmp/analyze-simulate-unused"))
  }
}
