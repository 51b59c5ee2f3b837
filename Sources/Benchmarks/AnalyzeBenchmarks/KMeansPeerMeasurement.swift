/// scikit-learn's `KMeans` timed on our design matrix in a Python child.
struct KMeansPeerMeasurement {
  /// scikit-learn's version.
  var version: String
  /// Median seconds of `KMeans(...).fit(X)`, and median CPU seconds of the process during it.
  var fitSeconds: Double
  var cpuSeconds: Double
  /// `inertia_` of the fit (the same every run: `random_state` is fixed).
  var inertia: Double
  /// `n_iter_`: Lloyd iterations of the best restart.
  var iterations: Int
  /// The OpenMP threads scikit-learn's Lloyd loop uses (it ignores `OPENBLAS_NUM_THREADS`).
  var threads: Int

  /// Fits `KMeans(n_clusters: k, n_init: restarts, random_state: 0)` `runs`
  /// times on `design.npy` in `folder` (see ``KMeansDesign/save(to:)``).
  /// - Throws: what ``ChildProcess/runPython(_:)`` throws.
  static func measure(
    folder: String, k: Int, restarts: Int, runs: Int, python: String
  ) throws(BenchmarkError) -> KMeansPeerMeasurement {
    let script = "\(folder)/kmeans_peer.py"
    try OutputFile.save(kMeansPeerScript, to: script)
    let arguments = [python, script, folder, "\(k)", "\(restarts)", "\(runs)"]
    let (child, json) = try ChildProcess.runPython(arguments)
    guard let version = json.string("sklearn"), let fit = json.number("fit"), let cpu = json.number("cpu"),
      let inertia = json.number("inertia"),
      let iterations = json.number("iterations"), let threads = json.number("threads")
    else { throw .unreadableOutput(command: arguments.joined(separator: " "), output: child.output) }
    return KMeansPeerMeasurement(
      version: version, fitSeconds: fit, cpuSeconds: cpu, inertia: inertia, iterations: Int(iterations), threads: Int(threads))
  }
}

/// The child script: loads the matrix into C order as the peers'
/// `np.column_stack` leaves it (not timed), then times only the fit.
private let kMeansPeerScript = #"""
  import json, resource, statistics, sys, time
  import numpy as np
  import sklearn
  from sklearn.cluster import KMeans
  from sklearn.utils._openmp_helpers import _openmp_effective_n_threads

  folder, k, restarts, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
  X = np.ascontiguousarray(np.load(folder + "/design.npy"))
  def cpu():
      usage = resource.getrusage(resource.RUSAGE_SELF)
      return usage.ru_utime + usage.ru_stime

  fits, cpus, model = [], [], None
  for run in range(runs):
      t0, c0 = time.perf_counter(), cpu()
      model = KMeans(n_clusters=k, n_init=restarts, random_state=0).fit(X)
      fits.append(time.perf_counter() - t0)
      cpus.append(cpu() - c0)
      print(f"sklearn run {run + 1}: fit {fits[-1]:.3f} s (CPU {cpus[-1]:.3f} s), inertia {model.inertia_!r}", file=sys.stderr)
  print(json.dumps({"sklearn": sklearn.__version__, "fit": statistics.median(fits), "cpu": statistics.median(cpus),
                    "inertia": float(model.inertia_),
                    "iterations": int(model.n_iter_), "threads": _openmp_effective_n_threads()}))
  """#
