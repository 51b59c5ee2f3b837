import DataIngest
import Models

/// The `logit` benchmark: our churn fit and scoring on the bench peers'
/// design, then statsmodels and scikit-learn on the same matrix in a Python
/// child, then one Markdown table.
///
/// Only the fit and the probabilities of every row are timed, on both sides;
/// loading the data and building the features are not (`ingest` times them).
struct LogitBenchmark {
  var arguments: LogitArguments

  func run() throws {
    log("loading \(arguments.folder) and building the design (not timed)")
    let design = try LogitDesign.load(
      folder: arguments.folder, asOf: arguments.asOf, horizon: arguments.horizon)
    let positives = design.outcome.reduce(0, +)
    log("design: \(design.matrix.rows) rows × \(design.names.count + 1) terms, churn rate \(positives / Double(design.outcome.count))")
    let loadBefore = Machine.loadAverage

    var fitSeconds: [Double] = []
    var predictSeconds: [Double] = []
    var fitted: LogisticRegressionResult?
    var probabilities: [Double] = []
    for run in 1...arguments.runs {
      let start = monotonicSeconds()
      let result = try LogisticRegression().fit(design.matrix, outcome: design.outcome, columnNames: design.names)
      let fitEnd = monotonicSeconds()
      probabilities = result.predictProbabilities(for: design.matrix)
      let end = monotonicSeconds()
      fitSeconds.append(fitEnd - start)
      predictSeconds.append(end - fitEnd)
      fitted = result
      log("run \(run): fit \(seconds(fitEnd - start)) s, predict \(seconds(end - fitEnd)) s, \(result.iterations) iterations")
    }
    let ours = fitted!
    let expected = ["intercept"] + design.names
    guard ours.terms == expected else { throw BenchmarkError.droppedTerms(fitted: ours.terms, expected: expected) }
    log("coefficients: " + zip(ours.terms, ours.coefficients).map { "\($0) \($1)" }.joined(separator: ", "))

    var peers: [LogitPeerMeasurement] = []
    if !arguments.peers.isEmpty {
      let folder = try TemporaryFolder(label: "logit")
      defer { folder.remove() }
      try design.save(to: folder.path)
      try NumPyFile.save([ours.coefficients], to: "\(folder.path)/ours_coef.npy")
      try NumPyFile.save([ours.standardErrors], to: "\(folder.path)/ours_se.npy")
      try NumPyFile.save([probabilities], to: "\(folder.path)/ours_probability.npy")
      log("running \(arguments.peers.map(\.rawValue).joined(separator: ", ")) on the same matrix")
      peers = try LogitPeerMeasurement.measure(
        arguments.peers, folder: folder.path, runs: arguments.runs, python: arguments.python)
    }
    let loadAfter = Machine.loadAverage

    let ourTotal = fitSeconds.median + predictSeconds.median
    var lines = [
      "| fitter | fit s | predict s | fit + predict s | iterations | max abs Δcoef | max abs ΔSE | max abs Δp | analyze faster by |",
      "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
      "| analyze LogisticRegression (IRLS) | \(seconds(fitSeconds.median)) | "
        + "\(seconds(predictSeconds.median)) | \(seconds(ourTotal)) | \(ours.iterations) | – | – | – | – |",
    ]
    for peer in peers {
      let total = peer.fitSeconds + peer.predictSeconds
      let name = peer.peer == .statsmodels ? "statsmodels \(peer.version) Logit (newton)" : "scikit-learn \(peer.version) lbfgs"
      lines.append(
        "| \(name) | \(seconds(peer.fitSeconds)) | \(seconds(peer.predictSeconds)) | "
          + "\(seconds(total)) | \(peer.iterations) | \(scientific(peer.coefficientDifference)) | "
          + "\(peer.standardErrorDifference.map(scientific) ?? "–") | \(scientific(peer.probabilityDifference)) | "
          + "\(String(format1: total / ourTotal))× |")
    }
    print(lines.joined(separator: "\n"))
    print()
    print("Design: \(design.matrix.rows) customers × \(expected.count) terms (\(expected.joined(separator: ", "))),")
    print("churn in [T, T + \(arguments.horizon)) with T = \(DayNumber.isoString(arguments.asOf)), \(design.excluded) incomplete rows left out;")
    print("data \(arguments.folder). Seconds are the median of \(arguments.runs) runs, each fitter in one process with the")
    print("matrix in memory; Δ = peer − analyze (coefficients, standard errors, probabilities).")
    print("OPENBLAS_NUM_THREADS=\(Machine.openBLASThreads) (ours and numpy's). Load average (1 min) before: \(loadBefore), after: \(loadAfter); \(Machine.cpuCount) CPUs.")
  }
}

/// Milliseconds matter here: `0.098`.
private func seconds(_ value: Double) -> String { String(fixed: value, decimals: 3) }

/// `1.2e-09`: the differences span many orders of magnitude.
private func scientific(_ value: Double) -> String {
  guard value.isFinite, value != 0 else { return value == 0 ? "0" : "\(value)" }
  var exponent = 0
  var mantissa = abs(value)
  while mantissa >= 10 {
    mantissa /= 10
    exponent += 1
  }
  while mantissa < 1 {
    mantissa *= 10
    exponent -= 1
  }
  if String(format1: mantissa) == "10.0" {
    mantissa /= 10
    exponent += 1
  }
  return "\(value < 0 ? "-" : "")\(String(format1: mantissa))e\(exponent)"
}
