/// The command line of `AnalyzeBenchmarks`, parsed by hand so the tool needs
/// nothing beyond DataIngest.
enum BenchmarkArguments {
  case help
  /// Hidden: measure one load in this process and print it as one line.
  case child(IngestScenario, folder: String)
  case ingest(IngestArguments)

  static let usage = """
    usage: AnalyzeBenchmarks ingest DATA_DIR [--runs N] [--peer pandas,polars,duckdb|all|none]
                                             [--python PATH] [--peers-dir DIR]

      --runs N       measured loads per scenario (median time, largest peak RSS); default 3
      --peer LIST    Python peers whose read stage to run once each; default none
      --python PATH  the interpreter for the peers; default python3 (looked up on PATH)
      --peers-dir    folder of the *_pipeline.py scripts; default /work/shared/bench/peers
    """

  static func parse(_ arguments: [String]) throws(BenchmarkError) -> BenchmarkArguments {
    guard let command = arguments.first, command != "--help", command != "-h" else { return .help }
    if command == "--child" {
      guard arguments.count == 3, let scenario = IngestScenario(rawValue: arguments[1]) else {
        throw .usage("--child needs a scenario (transactions|all) and a folder")
      }
      return .child(scenario, folder: arguments[2])
    }
    guard command == "ingest" else { throw .usage("unknown command '\(command)'") }
    var options = IngestArguments(folder: "")
    var rest = arguments.dropFirst()
    while let argument = rest.popFirst() {
      if !argument.hasPrefix("--") {
        guard options.folder.isEmpty else { throw .usage("unexpected argument '\(argument)'") }
        options.folder = argument
        continue
      }
      guard let value = rest.popFirst() else { throw .usage("\(argument) needs a value") }
      switch argument {
      case "--runs":
        guard let runs = Int(value), runs >= 1 else { throw .usage("--runs must be a positive integer") }
        options.runs = runs
      case "--peer":
        options.peers = try Peer.list(value)
      case "--python":
        options.python = value
      case "--peers-dir":
        options.peersDirectory = value
      default:
        throw .usage("unknown option '\(argument)'")
      }
    }
    guard !options.folder.isEmpty else { throw .usage("ingest needs a DATA_DIR") }
    return .ingest(options)
  }
}

/// Options of the `ingest` benchmark.
struct IngestArguments {
  var folder: String
  var runs = 3
  var peers: [Peer] = []
  var python = "python3"
  var peersDirectory = "/work/shared/bench/peers"
}
