import DataIngest

/// The command line of `AnalyzeBenchmarks`, parsed by hand so the tool needs
/// nothing beyond the modules it measures.
enum BenchmarkArguments {
  case help
  /// Hidden: measure one load in this process and print it as one line.
  case child(IngestScenario, folder: String)
  case ingest(IngestArguments)
  case logit(LogitArguments)
  case kmeans(KMeansArguments)
  case job(JobArguments)

  static let usage = """
    usage: AnalyzeBenchmarks ingest DATA_DIR [--runs N] [--peer pandas,polars,duckdb|all|none]
                                             [--python PATH] [--peers-dir DIR]
           AnalyzeBenchmarks logit DATA_DIR [--runs N] [--peer statsmodels,sklearn|all|none]
                                            [--python PATH] [--as-of YYYY-MM-DD] [--horizon H]
           AnalyzeBenchmarks kmeans DATA_DIR [--runs N] [--peer sklearn|none] [--python PATH]
                                             [--as-of YYYY-MM-DD] [--k K] [--restarts R]
                                             [--features default|rfm]
           AnalyzeBenchmarks job DATA_DIR [--runs N] [--peer duckdb,polars,pandas|all|none] [--python PATH]
                                          [--peers-dir DIR] [--analyze PATH]

      --runs N       measured runs (median time); default 3
      --peer LIST    ingest: Python peers whose read stage to run once each; default none
                     logit: Python fitters timed on the same design matrix; default all
                     kmeans: scikit-learn's KMeans on the same matrix (sklearn) or none; default sklearn
                     job: the peers' whole pipelines, each run --runs times; default all
      --python PATH  the interpreter for the peers; default python3 (looked up on PATH)
      --peers-dir    folder of the *_pipeline.py scripts; default /work/shared/bench/peers
      --as-of        logit: T of the churn label; kmeans: T of the features; default 2025-07-01, as the bench peers
      --horizon H    logit: churn window [T, T + H) in days; default 90
      --k K          kmeans: clusters; default 5, as the bench peers
      --restarts R   kmeans: k-means++ restarts (n_init); default 10
      --analyze PATH job: the analyze binary to run; default the one next to this binary
      --features F   kmeans: default (analyze segment's: log purchases a year, log average
                     purchase value) or rfm (log recency, frequency, monetary, as the bench
                     peers); default default
    """

  static func parse(_ arguments: [String]) throws(BenchmarkError) -> BenchmarkArguments {
    guard let command = arguments.first, command != "--help", command != "-h" else { return .help }
    if command == "--child" {
      guard arguments.count == 3, let scenario = IngestScenario(rawValue: arguments[1]) else {
        throw .usage("--child needs a scenario (transactions|all) and a folder")
      }
      return .child(scenario, folder: arguments[2])
    }
    let rest = arguments.dropFirst()
    switch command {
    case "ingest": return .ingest(try parseOptions(rest, command: command))
    case "logit": return .logit(try parseOptions(rest, command: command))
    case "kmeans": return .kmeans(try parseOptions(rest, command: command))
    case "job": return .job(try parseOptions(rest, command: command))
    default: throw .usage("unknown command '\(command)'")
    }
  }

  /// The one positional argument (DATA_DIR) and the `--name value` pairs.
  private static func parseOptions<Options: CommandOptions>(
    _ arguments: ArraySlice<String>, command: String
  ) throws(BenchmarkError) -> Options {
    var folder: String?
    var pairs: [(String, String)] = []
    var rest = arguments
    while let argument = rest.popFirst() {
      if !argument.hasPrefix("--") {
        guard folder == nil else { throw .usage("unexpected argument '\(argument)'") }
        folder = argument
        continue
      }
      guard let value = rest.popFirst() else { throw .usage("\(argument) needs a value") }
      pairs.append((argument, value))
    }
    guard let folder else { throw .usage("\(command) needs a DATA_DIR") }
    var options = Options(folder: folder)
    for (name, value) in pairs {
      switch name {
      case "--runs":
        guard let runs = Int(value), runs >= 1 else { throw .usage("--runs must be a positive integer") }
        options.runs = runs
      case "--python":
        options.python = value
      default:
        guard try options.set(name, value) else { throw .usage("unknown option '\(name)' for \(command)") }
      }
    }
    return options
  }
}

/// What every benchmark command takes.
protocol CommandOptions {
  init(folder: String)
  var runs: Int { get set }
  var python: String { get set }
  /// Sets the option `name` of this command; `false` when it has none of that name.
  mutating func set(_ name: String, _ value: String) throws(BenchmarkError) -> Bool
}

/// Options of the `ingest` benchmark.
struct IngestArguments: CommandOptions {
  var folder: String
  var runs = 3
  var peers: [Peer] = []
  var python = "python3"
  var peersDirectory = "/work/shared/bench/peers"

  init(folder: String) { self.folder = folder }

  mutating func set(_ name: String, _ value: String) throws(BenchmarkError) -> Bool {
    switch name {
    case "--peer": peers = try Peer.list(value)
    case "--peers-dir": peersDirectory = value
    default: return false
    }
    return true
  }
}

/// Options of the `logit` benchmark.
struct LogitArguments: CommandOptions {
  var folder: String
  var runs = 3
  var peers: [LogitPeer] = LogitPeer.allCases
  var python = "python3"
  /// T, as the bench peers' `--as-of 2025-07-01`.
  var asOf = DayNumber.day(year: 2025, month: 7, day: 1)!
  var horizon = 90

  init(folder: String) { self.folder = folder }

  mutating func set(_ name: String, _ value: String) throws(BenchmarkError) -> Bool {
    switch name {
    case "--peer":
      peers = try LogitPeer.list(value)
    case "--as-of":
      asOf = try asOfDay(value)
    case "--horizon":
      guard let horizon = Int(value), horizon >= 1 else { throw .usage("--horizon must be a positive integer") }
      self.horizon = horizon
    default:
      return false
    }
    return true
  }
}

/// Options of the `kmeans` benchmark.
struct KMeansArguments: CommandOptions {
  var folder: String
  var runs = 3
  /// Whether scikit-learn runs too (`--peer sklearn`, the default, or `none`).
  var runPeer = true
  var python = "python3"
  /// T of the features, as the bench peers' `--as-of 2025-07-01`.
  var asOf = DayNumber.day(year: 2025, month: 7, day: 1)!
  var k = 5
  var restarts = 10
  var features = KMeansFeatures.segmentDefault

  init(folder: String) { self.folder = folder }

  mutating func set(_ name: String, _ value: String) throws(BenchmarkError) -> Bool {
    switch name {
    case "--peer":
      guard value == "sklearn" || value == "all" || value == "none" else {
        throw .usage("unknown peer '\(value)' (sklearn, all or none)")
      }
      runPeer = value != "none"
    case "--as-of":
      asOf = try asOfDay(value)
    case "--k":
      guard let k = Int(value), k >= 1 else { throw .usage("--k must be a positive integer") }
      self.k = k
    case "--restarts":
      guard let restarts = Int(value), restarts >= 1 else { throw .usage("--restarts must be a positive integer") }
      self.restarts = restarts
    case "--features":
      guard let features = KMeansFeatures(rawValue: value) else {
        throw .usage("unknown features '\(value)' (default or rfm)")
      }
      self.features = features
    default:
      return false
    }
    return true
  }
}

/// Options of the `job` benchmark.
struct JobArguments: CommandOptions {
  var folder: String
  var runs = 3
  var peers: [Peer] = Peer.allCases
  var python = "python3"
  var peersDirectory = "/work/shared/bench/peers"
  /// The `analyze` executable: by default the one built next to this binary.
  var analyze: String

  init(folder: String) {
    self.folder = folder
    let executable = selfExecutable()
    analyze = executable.contains("/") ? String(executable[...executable.lastIndex(of: "/")!]) + "analyze" : "analyze"
  }

  mutating func set(_ name: String, _ value: String) throws(BenchmarkError) -> Bool {
    switch name {
    case "--peer": peers = try Peer.list(value)
    case "--peers-dir": peersDirectory = value
    case "--analyze": analyze = value
    default: return false
    }
    return true
  }
}

/// The day of `--as-of YYYY-MM-DD`.
private func asOfDay(_ value: String) throws(BenchmarkError) -> Int32 {
  let parts = value.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
  guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
    let number = DayNumber.day(year: year, month: month, day: day)
  else { throw .usage("--as-of must be a date YYYY-MM-DD, not '\(value)'") }
  return number
}
