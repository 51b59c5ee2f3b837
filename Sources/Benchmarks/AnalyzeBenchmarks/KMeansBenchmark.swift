import DataIngest
import Models

/// The `kmeans` benchmark: our `KMeans` on a standardized design
/// (`analyze segment`'s default features, or the bench peers' log RFM),
/// then scikit-learn's `KMeans` on the same matrix in a Python child, then
/// one Markdown table.
///
/// Only the fits are timed, on both sides (restarts, seeding, Lloyd and the
/// copies and checks each library makes); loading and the design are not.
struct KMeansBenchmark {
  var arguments: KMeansArguments

  func run() throws {
    log("loading \(arguments.folder) and building the design (not timed)")
    let design = try KMeansDesign.load(folder: arguments.folder, asOf: arguments.asOf, features: arguments.features)
    log("design: \(design.matrix.rows) rows × \(design.names.joined(separator: ", "))")
    let loadBefore = Machine.loadAverage
    let kMeans = KMeans(k: arguments.k, initialisations: arguments.restarts, seed: 0)

    var seconds: [Double] = []
    var cpuSeconds: [Double] = []
    var fitted: KMeansResult?
    for run in 1...arguments.runs {
      let start = monotonicSeconds()
      let cpuStart = processCPUTime()
      let result = try kMeans.fit(design.matrix)
      let end = monotonicSeconds()
      seconds.append(end - start)
      cpuSeconds.append(processCPUTime() - cpuStart)
      fitted = result
      log("run \(run): fit \(String(fixed: end - start, decimals: 3)) s (CPU \(String(fixed: cpuSeconds.last!, decimals: 3)) s), inertia \(result.inertia), \(result.iterations) iterations")
    }
    let ours = fitted!
    // Enough to tell whether a change to the kernels changed the result.
    log("restart inertias: \(ours.restartInertias.map { "\($0)" }.joined(separator: ", "))")
    log("labels digest (FNV-1a): \(String(labelDigest(ours.labels), radix: 16))")

    var peer: KMeansPeerMeasurement?
    if arguments.runPeer {
      let folder = try TemporaryFolder(label: "kmeans")
      defer { folder.remove() }
      try design.save(to: folder.path)
      log("running scikit-learn on the same matrix")
      peer = try KMeansPeerMeasurement.measure(
        folder: folder.path, k: arguments.k, restarts: arguments.restarts, runs: arguments.runs,
        python: arguments.python)
    }
    let loadAfter = Machine.loadAverage

    var lines = [
      "| fitter | fit s | CPU s | inertia | inertia vs scikit-learn | iterations (best restart) | analyze faster by |",
      "|---|--:|--:|--:|--:|--:|--:|",
    ]
    let relative = peer.map { "\(String(format: "%+.4f", 100 * (ours.inertia - $0.inertia) / $0.inertia))%" } ?? "–"
    let speedup = peer.map { "\(String(format2: $0.fitSeconds / seconds.median))×" } ?? "–"
    lines.append(
      "| analyze KMeans (parallel restarts) | \(String(format2: seconds.median)) | \(String(format2: cpuSeconds.median)) | "
        + "\(String(format: "%.2f", ours.inertia)) | \(relative) | \(ours.iterations) | \(speedup) |")
    if let peer {
      lines.append(
        "| scikit-learn \(peer.version) KMeans (lloyd, \(peer.threads) OpenMP threads) | \(String(format2: peer.fitSeconds)) | "
          + "\(String(format2: peer.cpuSeconds)) | \(String(format: "%.2f", peer.inertia)) | – | \(peer.iterations) | – |")
    }
    print(lines.joined(separator: "\n"))
    print()
    print("Design (--features \(arguments.features.rawValue)): \(design.matrix.rows) customers × \(design.names.joined(separator: ", ")),")
    print("standardized (ddof 0),")
    print("features as of \(DayNumber.isoString(arguments.asOf)); data \(arguments.folder). k = \(arguments.k), \(arguments.restarts) k-means++ restarts")
    print("(ours seed 0, scikit-learn random_state 0). Seconds are the median of \(arguments.runs) fits, each library in one process")
    print("with the matrix in memory; CPU s adds up every thread (OpenMP threads spin while they wait).")
    print("OPENBLAS_NUM_THREADS=\(Machine.openBLASThreads) (ours and numpy's).")
    print("Load average (1 min) before: \(loadBefore), after: \(loadAfter); \(Machine.cpuCount) CPUs.")
  }
}

/// FNV-1a over the labels' bytes.
private func labelDigest(_ labels: [Int32]) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for label in labels {
    for shift in stride(from: 0, to: 32, by: 8) {
      hash = (hash ^ UInt64(UInt32(bitPattern: label) >> UInt32(shift) & 0xff)) &* 0x100_0000_01b3
    }
  }
  return hash
}
