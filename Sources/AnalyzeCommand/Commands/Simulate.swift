import ArgumentParser
import DataIngest
import Foundation
import Reports
import Simulation

extension Analyze {
  /// `analyze simulate`: a synthetic data set with known answers, at any size.
  struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Simulate purchase histories with known churn drivers and segments.",
      discussion: """
        Writes transactions.csv, customers.csv and events.csv in the data contract's shape, \
        plus truth.csv: each customer's latent segment, dissatisfaction, price sensitivity, \
        membership, regional effect, purchase rate, churn hazard and churn date. The same \
        arguments give byte-identical files.
        """)

    @Option(help: "Number of customers to simulate.")
    var customers: Int

    @Option(help: "Seed of the random draws; the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("First day of the period.", valueName: "yyyy-mm-dd"))
    var start = "2023-01-01"

    @Option(help: ArgumentHelp("Last day of the period (included).", valueName: "yyyy-mm-dd"))
    var end = "2025-12-31"

    @Option(help: "Threads to use (default: all processors); the output does not depend on it.")
    var threads: Int?

    func validate() throws {
      if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
      do {
        try parameters().validate()
      } catch let error as SimulationError {
        // Name the option the user typed when the parameter is one.
        if case .invalidParameter(let name, let value, let reason) = error, ["customers", "start", "end"].contains(name) {
          throw ValidationError("--\(name) \(value): \(reason).")
        }
        throw ValidationError(error.description)
      }
    }

    func run() throws {
      try AtomicFile.createDirectory(out)
      let started = Date()
      let summary = try PurchaseSimulator(parameters(), threads: threads).write(to: out)
      let seconds = Date().timeIntervalSince(started)
      print(
        "\(summary.customers) customers, \(summary.transactionRows) transaction rows "
          + "(\(summary.purchaseOrders) orders, \(summary.refundOrders) refunds), \(summary.eventRows) events; "
          + "\(summary.churnedCustomers) churned by \(end). Wrote \(out) in \(String(format: "%.1f", seconds)) s.")
    }

    /// The options as library parameters; a date that does not parse is a usage error.
    private func parameters() throws -> SimulationParameters {
      SimulationParameters(
        customers: customers, seed: seed, startDay: try day(start, "--start"), endDay: try day(end, "--end"))
    }

    private func day(_ text: String, _ option: String) throws -> Int32 {
      guard let day = DateParser(order: .ymd).day(from: text) else {
        throw ValidationError("\(option) \(text): not a date (use yyyy-mm-dd).")
      }
      return day
    }
  }
}
