/// A Python fitter's times on our design matrix, and how far its estimate
/// lies from ours.
struct LogitPeerMeasurement {
  var peer: LogitPeer
  /// The library's version.
  var version: String
  /// Median seconds of the fit (statsmodels: building `Logit` too).
  var fitSeconds: Double
  /// Median seconds of the probabilities of every row.
  var predictSeconds: Double
  /// Newton iterations (statsmodels) or L-BFGS iterations (scikit-learn).
  var iterations: Int
  /// `max |β_peer − β_ours|` over the terms, intercept included.
  var coefficientDifference: Double
  /// `max |SE_peer − SE_ours|`; statsmodels only.
  var standardErrorDifference: Double?
  /// `max |p_peer − p_ours|` over the rows.
  var probabilityDifference: Double

  /// Times `peers` in one Python child on the design and outcome saved in
  /// `folder` (see ``LogitDesign/save(to:)``), beside our coefficients,
  /// standard errors and probabilities saved there too.
  /// - Throws: what ``ChildProcess/runPython(_:)`` throws.
  static func measure(
    _ peers: [LogitPeer], folder: String, runs: Int, python: String
  ) throws(BenchmarkError) -> [LogitPeerMeasurement] {
    guard !peers.isEmpty else { return [] }
    let script = "\(folder)/logit_peers.py"
    try OutputFile.save(logitPeerScript, to: script)
    let arguments = [python, script, folder, "\(runs)", peers.map(\.rawValue).joined(separator: ",")]
    let (child, json) = try ChildProcess.runPython(arguments)
    var measurements: [LogitPeerMeasurement] = []
    for peer in peers {
      let key = peer.rawValue
      guard let version = json.string(key), let fit = json.number("\(key)_fit"),
        let predict = json.number("\(key)_predict"), let iterations = json.number("\(key)_iterations"),
        let coefficients = json.number("\(key)_coef_diff"), let probabilities = json.number("\(key)_probability_diff")
      else { throw .unreadableOutput(command: arguments.joined(separator: " "), output: child.output) }
      measurements.append(
        LogitPeerMeasurement(
          peer: peer, version: version, fitSeconds: fit, predictSeconds: predict, iterations: Int(iterations),
          coefficientDifference: coefficients, standardErrorDifference: json.number("\(key)_se_diff"),
          probabilityDifference: probabilities))
    }
    return measurements
  }
}

/// The child script: loads the saved arrays (not timed), then times each
/// peer's fit and prediction `runs` times and prints one JSON line.
private let logitPeerScript = #"""
  import json, statistics, sys, time
  import numpy as np
  import sklearn, statsmodels
  import statsmodels.api as sm
  from sklearn.linear_model import LogisticRegression

  folder, runs, peers = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
  # C order, as the peers' np.column_stack builds it.
  X = np.ascontiguousarray(np.load(folder + "/design.npy"))
  y = np.load(folder + "/outcome.npy")
  ours = np.load(folder + "/ours_coef.npy")
  ours_se = np.load(folder + "/ours_se.npy")
  ours_p = np.load(folder + "/ours_probability.npy")
  out = {"numpy": np.__version__, "rows": X.shape[0], "columns": X.shape[1]}

  def measure(name, fit, predict, iterations, coef, se=None):
      fits, predicts = [], []
      for run in range(runs):
          t0 = time.perf_counter()
          model = fit()
          t1 = time.perf_counter()
          p = predict(model)
          t2 = time.perf_counter()
          fits.append(t1 - t0)
          predicts.append(t2 - t1)
          print(f"{name} run {run + 1}: fit {t1 - t0:.3f} s, predict {t2 - t1:.3f} s", file=sys.stderr)
      out[name + "_fit"] = statistics.median(fits)
      out[name + "_predict"] = statistics.median(predicts)
      out[name + "_iterations"] = iterations(model)
      out[name + "_coef_diff"] = float(np.max(np.abs(coef(model) - ours)))
      if se is not None:
          out[name + "_se_diff"] = float(np.max(np.abs(se(model) - ours_se)))
      out[name + "_probability_diff"] = float(np.max(np.abs(p - ours_p)))

  if "statsmodels" in peers:
      out["statsmodels"] = statsmodels.__version__
      measure("statsmodels",
              lambda: sm.Logit(y, X).fit(method="newton", disp=0, maxiter=100),
              lambda res: res.predict(X),
              lambda res: int(res.mle_retvals["iterations"]),
              lambda res: res.params, lambda res: res.bse)
  if "sklearn" in peers:
      out["sklearn"] = sklearn.__version__
      measure("sklearn",
              lambda: LogisticRegression(C=np.inf, solver="lbfgs", max_iter=1000,
                                         fit_intercept=False).fit(X, y),
              lambda sk: sk.predict_proba(X)[:, 1],
              lambda sk: int(np.max(sk.n_iter_)),
              lambda sk: sk.coef_.ravel())
  print(json.dumps(out))
  """#
