#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import DataIngest

/// The `job` benchmark: the whole nightly job (`analyze run`: load, features,
/// churn with out-of-time validation, k-means k = 5 with 10 restarts, scores,
/// CRM export, manifest) against the bench peers' whole pipelines, each a
/// separate process timed from start to exit, then Markdown tables.
///
/// The comparison: the peers fit the churn model at T = 2025-07-01 with
/// H = 90 and validate it out of time at T + 90; the job fits at the same T
/// and H (`as-of`), validates out of time with a model fitted at T − 90 and
/// scored at T, scores the customers as of T (`score-as-of`, the peers'
/// scores.csv) and clusters the customers as of T. Each side builds features
/// as of two days, labels them, fits two logistic models (ours: two dates;
/// the peers: statsmodels and scikit-learn on one) and runs k-means with
/// k = 5 and 10 restarts; the job also writes its reports, the CRM export
/// and a manifest with the SHA-256 of every input.
struct JobBenchmark {
  var arguments: JobArguments

  func run() throws {
    guard access(arguments.analyze, X_OK) == 0 else { throw BenchmarkError.missingAnalyze(arguments.analyze) }
    let folder = try TemporaryFolder(label: "job")
    defer { folder.remove() }
    let job = "\(folder.path)/job.yaml"
    try OutputFile.save(exportConfig, to: "\(folder.path)/export.yaml")
    try OutputFile.save(jobFile(data: arguments.folder, folder: folder.path), to: job)
    let source = try DataSource.folder(arguments.folder)
    for file in [source.customers, source.transactions, source.events].compactMap({ $0 }) { warmPageCache(file) }

    // Rounds of one run each, ours then every peer's, so that a machine busy for a while slows all alike.
    var ours: [JobMeasurement] = []
    var peerRuns = arguments.peers.map { (peer: $0, runs: [PeerMeasurement](), loads: [String]()) }
    for round in 1...arguments.runs {
      TemporaryFolder.remove("\(folder.path)/out")
      let measurement = try JobMeasurement.measure(
        analyze: arguments.analyze, job: job, manifest: "\(folder.path)/out/bench/2025-07-01/manifest.json")
      ours.append(measurement)
      log(
        "round \(round), analyze: \(String(format2: measurement.seconds)) s, peak \(mebibytes(measurement.peakRSSKiB)) MiB, "
          + measurement.steps.map { "\($0.name) \(String(format2: $0.seconds)) s" }.joined(separator: ", ")
          + " (load \(measurement.loadBefore) → \(measurement.loadAfter))")
      for p in peerRuns.indices {
        let before = Machine.loadAverage
        let peer = try PeerMeasurement.measure(
          peerRuns[p].peer, folder: arguments.folder, python: arguments.python, peersDirectory: arguments.peersDirectory)
        peerRuns[p].runs.append(peer)
        peerRuns[p].loads.append("\(before) → \(Machine.loadAverage)")
        log(
          "round \(round), \(peer.peer.rawValue): \(String(format2: peer.processSeconds)) s, peak \(mebibytes(peer.peakRSSKiB)) MiB "
            + "(load \(peerRuns[p].loads.last!))")
      }
    }

    let ourSeconds = ours.map(\.seconds).median
    var lines = [
      "| pipeline | wall s | peak RSS MiB | runs | load (1 min) before → after | analyze faster by | analyze's peak is |",
      "|---|--:|--:|--:|---|--:|--:|",
      "| analyze run (features, churn, segment, export) | \(String(format2: ourSeconds)) | "
        + "\(mebibytes(ours.map(\.peakRSSKiB).max()!)) | \(ours.count) | "
        + "\(ours.map { "\($0.loadBefore) → \($0.loadAfter)" }.joined(separator: ", ")) | – | – |",
    ]
    for (peer, runs, loads) in peerRuns {
      let seconds = runs.map(\.processSeconds).median
      let peak = runs.map(\.peakRSSKiB).max()!
      let share = Double(ours.map(\.peakRSSKiB).max()!) / Double(peak)
      lines.append(
        "| \(peer.rawValue) \(runs[0].version) (+ statsmodels, scikit-learn) | \(String(format2: seconds)) | \(mebibytes(peak)) | "
          + "\(runs.count) | \(loads.joined(separator: ", ")) | \(String(format2: seconds / ourSeconds))× | "
          + "\(String(format0: 100 * share))% of it |")
    }
    print(lines.joined(separator: "\n"))
    print()
    print(stepTable(ours))
    print()
    print("Data: \(arguments.folder) (warm page cache). Wall and peak RSS are the whole process's (wait4, as /usr/bin/time -v),")
    print("medians of the runs (peak: the largest). T = 2025-07-01, H = 90 on both sides; see the JobBenchmark notes for what")
    print("each side computes. \(Machine.cpuCount) CPUs, OPENBLAS_NUM_THREADS=\(Machine.openBLASThreads).")
  }

  /// The job's steps, median seconds over the runs.
  private func stepTable(_ runs: [JobMeasurement]) -> String {
    var lines = ["| analyze run, by step | s |", "|---|--:|"]
    lines.append("| load, input hashes, manifest (outside the steps) | \(String(format2: runs.map(\.outsideSteps).median)) |")
    for (index, step) in runs[0].steps.enumerated() {
      lines.append("| \(step.name) | \(String(format2: runs.map { $0.steps[index].seconds }.median)) |")
    }
    return lines.joined(separator: "\n")
  }

  private func jobFile(data: String, folder: String) -> String {
    """
    # AnalyzeBenchmarks job: the bench peers' nightly work on one data folder.
    name: bench
    input:
      data: "\(data)"
    output: "\(folder)/out"
    as_of: 2025-07-01
    steps:
      - features
      - churn: {horizon: 90, as-of: 2025-07-01, score-as-of: 2025-07-01}
      - segment: {k: 5, seed: 0}
      - export: {profile: generic, config: "\(folder)/export.yaml"}

    """
  }

  /// The generated data's customer_id is the CRM key (it has no CRM ids), with no pattern to check.
  private var exportConfig: String {
    """
    match_key:
      column: customer_id
      pattern: null

    """
  }
}

private func mebibytes(_ kibibytes: Int) -> String { String(format0: Double(kibibytes) / 1024) }
