#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import DataIngest
import Features

/// One timed load, as measured inside a child process and passed back to the
/// parent as one line of `key=value` pairs.
struct IngestMeasurement {
  /// Data rows read, over every file of the scenario.
  var rows: Int
  /// Bytes of the files read.
  var bytes: Int
  /// Wall-clock seconds of `PurchaseHistoryLoader.load`.
  var seconds: Double
  /// CPU seconds (user + system) of the whole child process.
  var cpuSeconds: Double
  /// CPU seconds of the loading thread alone: on a busy machine, a steadier
  /// measure of the critical path than wall-clock time.
  var threadCPUSeconds: Double
  /// Seconds to build the features as of T = 2025-07-01 and T + 90 with labels, as
  /// the peers' `features` stage does; 0 when the scenario does not build them.
  var featureSeconds: Double
  /// The child's peak resident set (ru_maxrss), in KiB.
  var peakRSSKiB: Int
  /// A hash of every loaded column and of the ingest report, so an
  /// optimisation that changes any output shows up as a new digest.
  var digest: UInt64

  /// Loads `scenario` from `folder` once, in this process.
  static func measure(_ scenario: IngestScenario, folder: String) throws -> IngestMeasurement {
    let source = try scenario.source(folder: folder)
    let start = monotonicSeconds()
    let threadStart = threadCPUTime()
    let history = try PurchaseHistoryLoader.load(source)
    let threadCPUSeconds = threadCPUTime() - threadStart
    let seconds = monotonicSeconds() - start
    var featureSeconds = 0.0
    if scenario == .all {
      let featureStart = monotonicSeconds()
      let t = DayNumber.day(year: 2025, month: 7, day: 1)!
      _ = try FeatureBuilder.build([t, t + 90].map { FeatureBuilder(asOf: $0, horizon: 90) }, history)
      featureSeconds = monotonicSeconds() - featureStart
    }
    // Taken before the digest, so the peak is the load's.
    var usage = rusage()
    #if canImport(Glibc)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    let paths = [source.customers, source.transactions, source.events].compactMap { $0 }
    return IngestMeasurement(
      rows: history.ingest.files.reduce(0) { $0 + $1.rowsRead },
      bytes: paths.reduce(0) { $0 + fileSize($1) },
      seconds: seconds,
      cpuSeconds: usage.ru_utime.seconds + usage.ru_stime.seconds,
      threadCPUSeconds: threadCPUSeconds,
      featureSeconds: featureSeconds,
      peakRSSKiB: usage.ru_maxrss,
      digest: history.digest)
  }

  var encoded: String {
    "rows=\(rows) bytes=\(bytes) seconds=\(seconds) cpu=\(cpuSeconds) thread_cpu=\(threadCPUSeconds) features=\(featureSeconds) peak_rss_kib=\(peakRSSKiB) "
      + "digest=\(String(digest, radix: 16))"
  }

  init(
    rows: Int, bytes: Int, seconds: Double, cpuSeconds: Double, threadCPUSeconds: Double,
    featureSeconds: Double, peakRSSKiB: Int, digest: UInt64
  ) {
    self.featureSeconds = featureSeconds
    self.rows = rows
    self.bytes = bytes
    self.seconds = seconds
    self.cpuSeconds = cpuSeconds
    self.threadCPUSeconds = threadCPUSeconds
    self.peakRSSKiB = peakRSSKiB
    self.digest = digest
  }

  /// Reads the line written by ``encoded``; `nil` when a field is missing.
  init?(decoding line: String) {
    var values: [Substring: Substring] = [:]
    for pair in line.split(separator: " ") {
      guard let equals = pair.firstIndex(of: "=") else { continue }
      values[pair[..<equals]] = pair[pair.index(after: equals)...]
    }
    guard let rows = values["rows"].flatMap({ Int($0) }),
      let bytes = values["bytes"].flatMap({ Int($0) }),
      let seconds = values["seconds"].flatMap({ Double($0) }),
      let cpu = values["cpu"].flatMap({ Double($0) }),
      let threadCPU = values["thread_cpu"].flatMap({ Double($0) }),
      let features = values["features"].flatMap({ Double($0) }),
      let rss = values["peak_rss_kib"].flatMap({ Int($0) }),
      let digest = values["digest"].flatMap({ UInt64($0, radix: 16) })
    else { return nil }
    self.init(rows: rows, bytes: bytes, seconds: seconds, cpuSeconds: cpu, threadCPUSeconds: threadCPU,
      featureSeconds: features, peakRSSKiB: rss, digest: digest)
  }
}

extension timeval {
  var seconds: Double { Double(tv_sec) + Double(tv_usec) / 1e6 }
}

func monotonicSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// CPU seconds of the whole process (every thread) so far.
func processCPUTime() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func threadCPUTime() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Size of the file at `path` in bytes (0 when it cannot be read).
func fileSize(_ path: String) -> Int {
  var info = stat()
  return stat(path, &info) == 0 ? Int(info.st_size) : 0
}
