import ArgumentParser

/// The `analyze` command: customer purchase histories in, the numbers an
/// analyst needs to classify and manage customers out.
public struct Analyze: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Customer analytics from purchase histories: describe, features, models, segments, CRM export.",
    version: "0.1.0",
    subcommands: []
  )

  public init() {}
}
