#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import DataIngest

/// The `ingest` benchmark: our loads in child processes, then the peers,
/// then one Markdown table.
struct IngestBenchmark {
  var arguments: IngestArguments

  func run() throws {
    let source = try DataSource.folder(arguments.folder)
    let files = [source.customers, source.transactions, source.events].compactMap { $0 }
    // Measure on a warm page cache, as the peers' bench runs do.
    for file in files { warmPageCache(file) }
    let loadBefore = Machine.loadAverage

    var ours: [IngestScenario: [IngestMeasurement]] = [:]
    for run in 1...arguments.runs {
      for scenario in IngestScenario.allCases {
        let child = try ChildProcess.run([selfExecutable(), "--child", scenario.rawValue, arguments.folder])
        guard let line = child.output.split(separator: "\n").last,
          let measurement = IngestMeasurement(decoding: String(line))
        else { throw BenchmarkError.unreadableOutput(command: "--child \(scenario.rawValue)", output: child.output) }
        ours[scenario, default: []].append(measurement)
        log("run \(run) \(scenario.rawValue): \(measurement.encoded)")
      }
    }
    for scenario in IngestScenario.allCases where Set(ours[scenario]!.map(\.digest)).count > 1 {
      log("warning: the \(scenario.rawValue) runs gave different digests")
    }

    var peers: [PeerMeasurement] = []
    for peer in arguments.peers {
      log("running the \(peer.rawValue) peer (the whole pipeline; only its read stage is compared)")
      let measurement = try PeerMeasurement.measure(
        peer, folder: arguments.folder, python: arguments.python, peersDirectory: arguments.peersDirectory)
      log("\(peer.rawValue): read \(measurement.readSeconds) s, process \(measurement.processSeconds) s")
      peers.append(measurement)
    }
    let loadAfter = Machine.loadAverage

    let allBytes = files.reduce(0) { $0 + fileSize($1) }
    var table = BenchmarkTable()
    for scenario in IngestScenario.allCases {
      let runs = ours[scenario]!
      table.rows.append(
        .init(
          pipeline: "analyze DataIngest", files: scenario.label, rows: runs[0].rows, bytes: runs[0].bytes,
          seconds: runs.map(\.seconds).median, peakRSSKiB: runs.map(\.peakRSSKiB).max()!, runs: runs.count))
    }
    for peer in peers {
      table.rows.append(
        .init(
          pipeline: "\(peer.peer.rawValue) \(peer.version)", files: "all three files", rows: peer.rows,
          bytes: allBytes, seconds: peer.readSeconds, peakRSSKiB: peer.peakRSSKiB, runs: 1,
          isWholePipelinePeak: true))
    }
    print(table.markdown)
    print()
    print("Data: \(arguments.folder); MB = 10^6 bytes; our seconds are the median of the runs;")
    print("warm page cache; our load uses two threads (duplicate check on the second). Output digest: "
      + IngestScenario.allCases.map { "\($0.rawValue) \(String(ours[$0]![0].digest, radix: 16))" }
      .joined(separator: ", ") + ".")
    print()
    print(featureTable(ours: ours[.all]!, peers: peers))
    print("Load average (1 min) before: \(loadBefore), after: \(loadAfter); \(Machine.cpuCount) CPUs.")
  }
}

/// Features as of T and T + H with labels, and read + features, ours against each peer's stages.
private func featureTable(ours: [IngestMeasurement], peers: [PeerMeasurement]) -> String {
  let read = ours.map(\.seconds).median
  let features = ours.map(\.featureSeconds).median
  var lines = [
    "| pipeline | features s (T and T + 90, labels) | read + features s |",
    "|---|--:|--:|",
    "| analyze | \(String(format2: features)) | \(String(format2: read + features)) |",
  ]
  for peer in peers {
    lines.append(
      "| \(peer.peer.rawValue) \(peer.version) | \(String(format2: peer.featureSeconds)) | \(String(format2: peer.readSeconds + peer.featureSeconds)) |")
  }
  return lines.joined(separator: "\n")
}

/// Writes a progress line to standard error (fd 2 directly: Glibc's
/// `stderr` global is not concurrency-safe under Swift 6).
func log(_ message: String) {
  var line = message + "\n"
  line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// This binary, to re-run as a child.
func selfExecutable() -> String {
  var path = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
  let n = readlink("/proc/self/exe", &path, Int(PATH_MAX))
  return n > 0 ? String(decoding: path[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    : CommandLine.arguments[0]
}

/// Reads `path` once, so measured runs find it in the page cache as the peers' bench runs do.
func warmPageCache(_ path: String) {
  let fd = open(path, O_RDONLY)
  guard fd >= 0 else { return }
  defer { close(fd) }
  let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
  defer { buffer.deallocate() }
  while read(fd, buffer, 1 << 20) > 0 {}
}
