import ArgumentParser
import BatchJobs
import DataIngest
import Features
import Foundation
import Models
import Reports

extension Analyze {
  /// `analyze run`: a YAML job of steps, run unattended into a run folder.
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a batch job (job.yaml): load the data once, run its steps, write a complete run folder or nothing.",
      discussion: """
        Writes OUTPUT/<job>/<as-of>/ with one folder per step, manifest.json and report.html (every \
        step's report and charts on one page), first into a hidden \
        partial folder renamed into place when every step succeeded; OUTPUT/<job>/latest points at the \
        newest finished run. A second run of the same job exits with status 3 (or waits with --wait). \
        fail_if conditions that hold exit with status 1 after the run is written (latest is not moved). \
        See datasets/job.yaml.
        """)

    /// How progress is logged on standard error.
    enum LogFormat: String, ExpressibleByArgument {
      case text, json
    }

    @Argument(help: "The job file.")
    var job: String

    @Option(help: ArgumentHelp("The as-of day of the run (default: the job's as_of, or the day after the last transaction).", valueName: "YYYY-MM-DD"))
    var asOf: DayArgument?

    @Option(help: ArgumentHelp("Write the run under this folder instead of the job's output folder.", valueName: "dir"))
    var output: String?

    @Flag(help: "Wait for another run of the same job to finish instead of exiting with status 3.")
    var wait = false

    @Option(help: "text (for people) or json (one JSON object per line, for schedulers).")
    var logFormat: LogFormat = .text

    /// The commands a job may run, and whether each reads the job's data.
    static let stepCommands: [String: Bool] = [
      "describe": true, "features": true, "churn": true, "propensity": true, "segment": true, "score": true, "tag": true,
      "export": false,
    ]

    func run() throws {
      let started = Date()
      let configuration = try JobConfiguration.load(path: job, commands: Set(Self.stepCommands.keys))
      let log = JobLog(format: logFormat)
      let lock: JobLock
      do {
        lock = try JobLock(root: output ?? configuration.outputRoot, job: configuration.name, wait: wait) { lockFile in
          log.event("waiting", ["job": configuration.name, "lock": lockFile])
        }
      } catch {
        guard case .locked = error else { throw error }
        FileHandle.standardError.write(Data("analyze: \(error.description)\n".utf8))
        throw ExitCode(3)
      }
      log.event("loading", ["job": configuration.name])
      // The steps share the history and the features they build (see FeatureStore); both go once no later step reads data.
      var store: FeatureStore? = FeatureStore(try Self.load(configuration))
      let ingest = store!.history.ingest
      guard let dayAfterLast = FeatureBuilder.dayAfterLastTransaction(store!.history) else {
        throw ValidationError("the job's data has no transaction")
      }
      let lastDataStep = configuration.steps.lastIndex { Self.stepCommands[$0.command] == true }
      // The inputs are hashed for the manifest while the steps run.
      let inputFiles = configuration.inputFiles
      let inputs = BackgroundWork { RunMetrics.inputs(inputFiles, ingest: ingest) }
      let asOfDay = asOf?.day ?? configuration.asOf.flatMap { DateParser(order: .ymd).day(from: $0) } ?? dayAfterLast
      let asOfText = DayNumber.isoString(asOfDay)

      let folder = try RunFolder(lock: lock, asOf: asOfText)

      var steps: [RunManifest.Step] = []
      // The key figures come from the data steps' folders: read beside the steps after the last of them.
      var metricsWork: BackgroundWork<RunMetrics>? = nil
      var used: [String: Int] = [:]
      for (index, step) in configuration.steps.enumerated() {
        used[step.command, default: 0] += 1
        let name = used[step.command]! == 1 ? step.command : "\(step.command)-\(used[step.command]!)"
        let out = "\(folder.partial)/\(name)"
        var arguments = [step.command]
        if Self.stepCommands[step.command] == true {
          arguments += configuration.inputArguments
          if asOf != nil || configuration.asOf != nil, ["features", "segment", "score", "tag"].contains(step.command),
            !step.arguments.contains("--as-of")
          {
            arguments += ["--as-of", asOfText]
          }
        } else {
          arguments.append(folder.partial)
        }
        // Tags may use the scores and segments of the steps before them.
        if step.command == "tag", !step.arguments.contains("--run") { arguments += ["--run", folder.partial] }
        // The CRM keys are a column of the job's customers file, not of the run folder.
        if step.command == "export", !step.arguments.contains("--customers"), let customers = configuration.customersFile {
          arguments += ["--customers", customers]
        }
        arguments += step.arguments + ["--out", out]
        log.event("step", ["step": name, "number": "\(index + 1)/\(configuration.steps.count)"])
        let clock = Date()
        do {
          var command = try Analyze.parseAsRoot(arguments)
          if let data = command as? DataCommand { try data.execute(store!) } else { try command.run() }
          if index == lastDataStep { store = nil }
          // What the step freed goes back to the system before the next step allocates its own.
          FreedMemory.release()
        } catch {
          folder.discard()
          // A command that printed its own error exits with a bare status; say so rather than nothing.
          var message = Analyze.fullMessage(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
          if message.isEmpty { message = "exit status \(Analyze.exitCode(for: error).rawValue) (the step's message is above)" }
          log.event("failed", ["step": name, "message": message])
          throw JobError.stepFailed(step: name, message: message)
        }
        let seconds = Date().timeIntervalSince(clock)
        // The manifest names where the run ends up, not the partial folder of this process.
        let recorded = arguments.dropFirst().map { argument in
          argument.hasPrefix(folder.partial) ? folder.final + argument.dropFirst(folder.partial.count) : argument
        }
        steps.append(.init(command: step.command, arguments: recorded, folder: name, seconds: seconds, status: "succeeded"))
        log.event("done", ["step": name, "seconds": String(format: "%.3f", seconds)])
        if index == lastDataStep { metricsWork = Self.metrics(of: steps, in: folder, ingest: ingest) }
      }

      let metrics = (metricsWork ?? Self.metrics(of: steps, in: folder, ingest: ingest)).value
      let manifest = RunManifest(
        toolVersion: Analyze.configuration.version, job: configuration.name, jobFile: configuration.path,
        jobFileSHA256: FileDigest.sha256(path: configuration.path) ?? "",
        asOf: asOfText, started: started,
        inputs: inputs.value, steps: steps, metrics: metrics.values,
        gates: configuration.gates, warnings: metrics.warnings)
      do { try Data(try manifest.jsonBytes()).write(to: URL(fileURLWithPath: "\(folder.partial)/manifest.json")) } catch {
        folder.discard()
        throw JobError.cannotWrite(path: "\(folder.partial)/manifest.json", reason: error.localizedDescription)
      }
      do {
        try AtomicFile.write(Array(RunReport.html(run: folder.partial, final: folder.final, manifest: manifest).utf8), to: "\(folder.partial)/report.html")
      } catch {
        folder.discard()
        throw JobError.cannotWrite(path: "\(folder.partial)/report.html", reason: error.description)
      }
      let failed = manifest.failedGates
      try folder.commit(updateLatest: failed.isEmpty)
      log.event("finished", ["run": folder.final, "status": manifest.status])
      print("Run \(configuration.name) as of \(asOfText): \(manifest.status), \(steps.count) steps, in \(folder.final)")
      if !failed.isEmpty { throw JobError.gatesFailed(failed) }
    }

    /// ``RunMetrics/collect(run:steps:ingest:previous:)`` of `steps`, on another thread.
    static func metrics(of steps: [RunManifest.Step], in folder: RunFolder, ingest: IngestReport) -> BackgroundWork<RunMetrics> {
      let (run, previous) = (folder.partial, folder.previous)
      return BackgroundWork { RunMetrics.collect(run: run, steps: steps, ingest: ingest, previous: previous) }
    }

    /// The job's data, without the columns none of its steps reads: they
    /// would take memory all through the run (a tenth of it for quantity and
    /// channel of ten million transactions).
    static func load(_ configuration: JobConfiguration) throws -> PurchaseHistory {
      let input = try InputOptions.parse(configuration.inputArguments)
      var history = try PurchaseHistoryLoader.load(try input.dataSource(), options: try input.ingestOptions())
      let commands = Set(configuration.steps.map(\.command))
      // Only describe summarises quantities; describe and propensity (--channel) read channels.
      if !commands.contains("describe") { history.transactions.quantity = nil }
      if commands.isDisjoint(with: ["describe", "propensity"]) { history.transactions.channel = nil }
      // Features count events by type; only describe summarises their values.
      if !commands.contains("describe") { history.events?.value = [] }
      return history
    }
  }
}
