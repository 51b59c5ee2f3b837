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
  /// - Throws: ``BenchmarkError/pythonNotFound(_:)`` when the interpreter is
  ///   missing, and what ``ChildProcess/run(_:)`` throws.
  static func measure(
    _ peer: Peer, folder: String, python: String, peersDirectory: String
  ) throws(BenchmarkError) -> PeerMeasurement {
    let script = "\(peersDirectory)/\(peer.script)"
    guard access(script, R_OK) == 0 else { throw .missingPeerScript(script) }
    var template = Array("/tmp/analyze-bench-\(peer.rawValue)-XXXXXX".utf8CString)
    guard let out = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw .system(call: "mkdtemp", errno: errno)
    }
    let outDirectory = String(cString: out)
    defer { removeFlatDirectory(outDirectory) }
    let arguments = [
      python, script, "--data", folder, "--as-of", "2025-07-01", "--horizon", "90", "--out", outDirectory,
    ]
    let child: ChildProcess
    do {
      child = try ChildProcess.run(arguments)
    } catch .system(_, let code) where code == ENOENT {
      throw .pythonNotFound(python)
    }
    // The pipeline prints one JSON line of stage timings last.
    guard let line = child.output.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
      let read = JSONLine(line).number("read")
    else { throw .unreadableOutput(command: arguments.joined(separator: " "), output: child.output) }
    let json = JSONLine(line)
    let rows = ["rows_transactions", "rows_customers", "rows_events"].compactMap { json.number($0) }
    return PeerMeasurement(
      peer: peer, version: json.string(peer.rawValue) ?? "?", rows: Int(rows.reduce(0, +)),
      readSeconds: read, featureSeconds: json.number("features") ?? .nan, peakRSSKiB: child.peakRSSKiB, processSeconds: child.seconds)
  }
}

/// Deletes a folder of plain files (what a peer writes to its `--out`).
private func removeFlatDirectory(_ path: String) {
  guard let directory = opendir(path) else { return }
  while let entry = readdir(directory) {
    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
      String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
    }
    if name != "." && name != ".." { unlink("\(path)/\(name)") }
  }
  closedir(directory)
  rmdir(path)
}
