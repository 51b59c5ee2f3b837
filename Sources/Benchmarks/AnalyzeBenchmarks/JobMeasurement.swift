import Foundation

/// One run of `analyze run` on the benchmark's job, in a child process.
struct JobMeasurement {
  /// Wall-clock seconds of the whole process: start, load, steps, manifest.
  var seconds: Double
  /// Peak RSS of the process (ru_maxrss from `wait4`), in KiB.
  var peakRSSKiB: Int
  /// Each step's seconds, as the run's manifest.json records them, in job order.
  var steps: [(name: String, seconds: Double)]
  /// The one-minute load average before and after the run.
  var loadBefore: String
  var loadAfter: String

  /// The seconds of the process outside its steps: loading the data, hashing
  /// the inputs for the manifest, starting and finishing.
  var outsideSteps: Double { seconds - steps.reduce(0) { $0 + $1.seconds } }

  /// Runs `analyze run job` and reads the manifest of the run folder it wrote.
  /// - Throws: what ``ChildProcess/run(_:)`` throws, and
  ///   ``BenchmarkError/unreadableOutput(command:output:)`` when the manifest
  ///   has no steps.
  static func measure(analyze: String, job: String, manifest: String) throws(BenchmarkError) -> JobMeasurement {
    let loadBefore = Machine.loadAverage
    let child = try ChildProcess.run([analyze, "run", job])
    let loadAfter = Machine.loadAverage
    let steps = Self.steps(manifest: manifest)
    guard !steps.isEmpty else {
      throw .unreadableOutput(command: "\(analyze) run \(job)", output: "no steps in \(manifest)")
    }
    return JobMeasurement(
      seconds: child.seconds, peakRSSKiB: child.peakRSSKiB, steps: steps, loadBefore: loadBefore, loadAfter: loadAfter)
  }

  /// The `folder` and `seconds` of each step of a manifest.json.
  private static func steps(manifest path: String) -> [(name: String, seconds: Double)] {
    guard let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let steps = object["steps"] as? [[String: Any]]
    else { return [] }
    return steps.compactMap { step in
      guard let name = step["folder"] as? String, let seconds = step["seconds"] as? Double else { return nil }
      return (name, seconds)
    }
  }
}
