#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One run of a peer pipeline: its read stage, and the whole process's peak.
struct PeerMeasurement {
  var peer: Peer
  /// The library's version, as the pipeline reports it.
  var version: String
  /// Rows of the three files, as the pipeline counted them.
  var rows: Int
  /// Seconds of the pipeline's `read` stage (the three files into frames or tables).
  var readSeconds: Double
  /// Seconds of the pipeline's `features` stage: features as of T and T + H, and the labels.
  var featureSeconds: Double
  /// Peak RSS of the whole pipeline process (read, features, model fits), in KiB.
  var peakRSSKiB: Int
  /// Wall-clock seconds of the whole process, imports included.
  var processSeconds: Double

  /// Runs `peer` on `folder` once with the bench's standard arguments.
  /// - Throws: what ``ChildProcess/runPython(_:)`` throws.
  static func measure(
    _ peer: Peer, folder: String, python: String, peersDirectory: String
  ) throws(BenchmarkError) -> PeerMeasurement {
    let script = "\(peersDirectory)/\(peer.script)"
    guard access(script, R_OK) == 0 else { throw .missingPeerScript(script) }
    let out = try TemporaryFolder(label: peer.rawValue)
    defer { out.remove() }
    let arguments = [
      python, script, "--data", folder, "--as-of", "2025-07-01", "--horizon", "90", "--out", out.path,
    ]
    let (child, json) = try ChildProcess.runPython(arguments)
    guard let read = json.number("read") else {
      throw .unreadableOutput(command: arguments.joined(separator: " "), output: child.output)
    }
    let rows = ["rows_transactions", "rows_customers", "rows_events"].compactMap { json.number($0) }
    return PeerMeasurement(
      peer: peer, version: json.string(peer.rawValue) ?? "?", rows: Int(rows.reduce(0, +)),
      readSeconds: read, featureSeconds: json.number("features") ?? .nan, peakRSSKiB: child.peakRSSKiB, processSeconds: child.seconds)
  }
}
