import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A job on the PredictionTests fixture (1,500 customers), written into `folder`.
private func writeJob(_ folder: TemporaryDirectory, steps: String, gates: String = "") -> String {
  folder.write("job.yaml", """
    name: test-job
    input:
      data: \(repositoryPath("Tests/PredictionTests/Fixtures/data"))
    output: runs
    steps:
    \(steps)
    \(gates.isEmpty ? "" : "fail_if:\n" + gates)
    """)
}

@Suite struct RunEndToEndTests {
  @Test("a job writes a complete run folder, latest points at it, and a rerun gives the same outputs")
  func completeRun() throws {
    let folder = TemporaryDirectory()
    let rules = folder.write("tags.yaml", "tags:\n  - name: at risk\n    when: probability > 0.5 and segment = 0\n")
    let job = writeJob(folder, steps: "  - features\n  - churn: {horizon: 90}\n  - segment: {k: 3}\n  - tag: {rules: \(rules)}")
    let first = try runAnalyze(["run", job])
    #expect(first.status == 0, "\(first.standardError)")
    let run = "\(folder.path)/runs/test-job/2026-01-01"
    for file in ["features/features.csv", "churn/scores.csv", "churn/report.md", "segment/segments.csv", "manifest.json"] {
      #expect(FileManager.default.fileExists(atPath: "\(run)/\(file)"), "\(file)")
    }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(folder.path)/runs/test-job/latest") == "2026-01-01")
    let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(run)/manifest.json"))) as! [String: Any]
    #expect(manifest["status"] as? String == "succeeded")
    #expect((manifest["steps"] as? [[String: Any]])?.map { $0["command"] as? String } == ["features", "churn", "segment", "tag"])
    #expect(((manifest["metrics"] as? [String: Double])?["auc"] ?? 0) > 0.8)
    #expect((manifest["inputs"] as? [[String: Any]])?.count == 3)
    // One page with every step's report and charts: contents, then a section per step with a report.
    let page = try String(contentsOfFile: "\(run)/report.html", encoding: .utf8)
    for step in ["features", "churn", "segment"] {
      #expect(page.contains("<section id=\"\(step)\">"), "\(step)")
      #expect(FileManager.default.fileExists(atPath: "\(run)/\(step)/report.html"), "\(step)")
    }
    #expect(page.components(separatedBy: "<svg xmlns=").count - 1 == 3 + 4 + 2)
    // No temporary folder, timestamp or duration: a rerun on the same inputs writes the same page.
    #expect(!page.contains(".partial-"))
    #expect(!page.contains(manifest["started"] as! String) && !page.contains("seconds"))

    // Every step's files, byte for byte; the manifest names the final folder, never the partial one.
    let stepFiles = try FileManager.default.subpathsOfDirectory(atPath: run).filter { $0.contains("/") }.sorted()
    let before = try stepFiles.map { try Data(contentsOf: URL(fileURLWithPath: "\(run)/\($0)")) }
    let arguments = (manifest["steps"] as! [[String: Any]]).map { $0["arguments"] as! [String] }
    #expect(arguments.allSatisfy { $0.allSatisfy { !$0.contains(".partial-") } })
    #expect(arguments[0].contains("\(run)/features"))
    let second = try runAnalyze(["run", job])
    #expect(second.status == 0)
    #expect(try FileManager.default.subpathsOfDirectory(atPath: run).filter { $0.contains("/") }.sorted() == stepFiles)
    for (file, bytes) in zip(stepFiles, before) {
      #expect(try Data(contentsOf: URL(fileURLWithPath: "\(run)/\(file)")) == bytes, "\(file)")
    }
    // The second run compares its scores with the first's.
    let again = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(run)/manifest.json"))) as! [String: Any]
    #expect((again["metrics"] as? [String: Double])?["psi"] == 0)
    #expect((again["metrics"] as? [String: Double])?["population_change"] == 0)
  }

  @Test("a failing step leaves no run folder and the previous run intact; a broken job names its line")
  func failures() throws {
    let folder = TemporaryDirectory()
    let good = writeJob(folder, steps: "  - features")
    #expect(try runAnalyze(["run", good]).status == 0)
    let bad = writeJob(folder, steps: "  - features\n  - churn: {formula: 'churn ~ nothing_here'}")
    let result = try runAnalyze(["run", bad])
    #expect(result.status == 1)
    #expect(result.standardError.contains("step churn failed"))
    let entries = try FileManager.default.contentsOfDirectory(atPath: "\(folder.path)/runs/test-job").sorted()
    #expect(entries == [".lock", "2026-01-01", "latest"])
    #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/runs/test-job/2026-01-01/churn"))

    // A step that prints its own error and exits 2 (no key column): the run names the step and points at the message.
    let noKey = writeJob(folder, steps: "  - features\n  - export: {profile: zoho}")
    let export = try runAnalyze(["run", noKey])
    #expect(export.status == 1)
    #expect(export.standardError.contains("has no column \"Record Id\""))
    #expect(export.standardError.contains("step export failed: exit status 2 (the step's message is above)"))

    let typo = writeJob(folder, steps: "  - features\n  - chrun")
    let refused = try runAnalyze(["run", typo])
    #expect(refused.status == 1)
    #expect(refused.standardError.contains("job.yaml:7:5: unknown step 'chrun'; did you mean 'churn'?"))
  }

  @Test("--wait blocks while another run holds the lock, says so, and runs when it is released")
  func waitForLock() throws {
    let folder = TemporaryDirectory()
    let job = writeJob(folder, steps: "  - features")
    try FileManager.default.createDirectory(atPath: "\(folder.path)/runs/test-job", withIntermediateDirectories: true)
    let descriptor = open("\(folder.path)/runs/test-job/.lock", O_CREAT | O_RDWR, 0o644)
    #expect(flock(descriptor, LOCK_EX) == 0)
    let process = Process()
    process.executableURL = analyzeExecutable()
    process.arguments = ["run", job, "--wait", "--log-format", "json"]
    let log = folder.path + "/stderr.log"
    FileManager.default.createFile(atPath: log, contents: nil)
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    // The waiting run says so at once and has neither loaded nor written anything.
    var waited = 0.0
    while !(try String(contentsOfFile: log, encoding: .utf8)).contains(#""event":"waiting""#), waited < 60 {
      Thread.sleep(forTimeInterval: 0.1)
      waited += 0.1
    }
    #expect(process.isRunning)
    let early = try String(contentsOfFile: log, encoding: .utf8)
    #expect(early.contains(#""event":"waiting""#) && !early.contains(#""event":"loading""#))
    #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/runs/test-job/latest"))
    flock(descriptor, LOCK_UN)
    close(descriptor)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(FileManager.default.fileExists(atPath: "\(folder.path)/runs/test-job/latest/features/features.csv"))
  }

  @Test("a held lock refuses a second run with status 3; a failed gate exits 1 and leaves latest alone")
  func lockAndGates() throws {
    let folder = TemporaryDirectory()
    let job = writeJob(folder, steps: "  - churn", gates: "  - auc > 0.5")
    try FileManager.default.createDirectory(atPath: "\(folder.path)/runs/test-job", withIntermediateDirectories: true)
    let descriptor = open("\(folder.path)/runs/test-job/.lock", O_CREAT | O_RDWR, 0o644)
    #expect(flock(descriptor, LOCK_EX) == 0)
    let locked = try runAnalyze(["run", job])
    #expect(locked.status == 3)
    #expect(locked.standardError.contains("another run of the job 'test-job' is in progress"))
    flock(descriptor, LOCK_UN)
    close(descriptor)

    let gated = try runAnalyze(["run", job])
    #expect(gated.status == 1)
    #expect(gated.standardError.contains("quality gates failed: auc = "))
    #expect(FileManager.default.fileExists(atPath: "\(folder.path)/runs/test-job/2026-01-01/manifest.json"))
    #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/runs/test-job/latest"))
  }

  @Test("a run killed mid-way leaves no partial folder in place, and the next run clears its leftovers")
  func killed() throws {
    let folder = TemporaryDirectory()
    let job = writeJob(folder, steps: "  - features\n  - segment: {k: auto}\n  - churn")
    #expect(try runAnalyze(["run", job]).status == 0)
    let before = try String(contentsOfFile: "\(folder.path)/runs/test-job/latest/manifest.json", encoding: .utf8)

    let process = Process()
    process.executableURL = analyzeExecutable()
    process.arguments = ["run", job]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Kill it once its partial folder exists, while a step is running.
    let jobFolder = "\(folder.path)/runs/test-job"
    for _ in 0..<400 {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: jobFolder)) ?? []
      if entries.contains(where: { $0.hasPrefix(".partial-") }) { break }
      usleep(10_000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(try String(contentsOfFile: "\(jobFolder)/latest/manifest.json", encoding: .utf8) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: "\(jobFolder)/2026-01-01").sorted() == ["churn", "features", "manifest.json", "report.html", "segment"])

    #expect(try runAnalyze(["run", job]).status == 0)
    let after = try FileManager.default.contentsOfDirectory(atPath: jobFolder)
    #expect(!after.contains { $0.hasPrefix(".partial-") })
  }
}
