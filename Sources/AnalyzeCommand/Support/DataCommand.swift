import ArgumentParser
import DataIngest
import Features

/// A command that reads a purchase history and works on it. `run()` loads
/// the data the options name; `analyze run` loads it once and hands the same
/// history, with the features its steps have built, to every step through
/// ``execute(_:)``.
protocol DataCommand: ParsableCommand {
  var input: InputOptions { get }

  /// The command's work on data already loaded with its `input` options.
  func execute(_ data: FeatureStore) throws
}

extension DataCommand {
  func run() throws {
    try execute(FeatureStore(try loadHistory(input)))
  }
}
