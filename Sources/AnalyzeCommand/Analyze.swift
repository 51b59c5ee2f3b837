import ArgumentParser
import Foundation

/// The `analyze` command: customer purchase histories in, the numbers an
/// analyst needs to classify and manage customers out.
///
/// Exit status: 0 success, 1 a data problem (unreadable file, missing
/// column, rejects under `--strict`), 2 a usage error.
public struct Analyze: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Customer analytics from purchase histories: describe, features, models, segments, CRM export.",
    version: "0.1.0",
    subcommands: [
      Describe.self, FeaturesCommand.self, Churn.self, Propensity.self, Score.self, Segment.self, Tag.self, Export.self,
      Run.self, NotebookCommand.self, Simulate.self,
    ]
  )

  public init() {}

  /// Parses `arguments` (the process's when `nil`), runs the command and
  /// returns the exit status, with messages written to standard error.
  public static func run(arguments: [String]? = nil) async -> Int32 {
    do {
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      return 0
    } catch ExitCodeError.dataProblem {
      return 1
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { print(message) }
        return 0
      }
      if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
      // ArgumentParser's usage failures use EX_USAGE (64); the tool's contract is 2.
      return code == .validationFailure ? 2 : code.rawValue
    }
  }
}
