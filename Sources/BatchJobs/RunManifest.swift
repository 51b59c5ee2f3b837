import Foundation

/// `manifest.json` of a run: what ran, on what, how long, and how it went.
/// Keys are sorted, so two runs of the same job on the same data differ only
/// in the timestamps and durations.
public struct RunManifest: Sendable, Codable {
  public struct Input: Sendable, Codable {
    public var path: String
    public var bytes: Int
    public var sha256: String
    public var rowsRead: Int?
    public var accepted: Int?
    public var rejected: Int?

    public init(path: String, bytes: Int, sha256: String, rowsRead: Int? = nil, accepted: Int? = nil, rejected: Int? = nil) {
      self.path = path
      self.bytes = bytes
      self.sha256 = sha256
      self.rowsRead = rowsRead
      self.accepted = accepted
      self.rejected = rejected
    }
  }

  public struct Step: Sendable, Codable {
    public var command: String
    public var arguments: [String]
    public var folder: String
    public var seconds: Double
    public var status: String

    public init(command: String, arguments: [String], folder: String, seconds: Double, status: String) {
      self.command = command
      self.arguments = arguments
      self.folder = folder
      self.seconds = seconds
      self.status = status
    }
  }

  public struct Gate: Sendable, Codable {
    public var condition: String
    /// `passed`, `failed` or `not evaluated` (the metric was not produced).
    public var result: String
    public var detail: String?
  }

  public var toolVersion: String
  public var job: String
  public var jobFile: String
  public var jobFileSHA256: String
  public var asOf: String
  public var started: String
  public var finished: String
  /// `succeeded` or `gates failed`.
  public var status: String
  public var inputs: [Input]
  public var steps: [Step]
  public var metrics: [String: Double]
  public var gates: [Gate]
  public var warnings: [String]

  public init(
    toolVersion: String, job: String, jobFile: String, jobFileSHA256: String, asOf: String, started: Date,
    inputs: [Input], steps: [Step], metrics: [String: Double], gates: [QualityGate], warnings: [String]
  ) {
    self.toolVersion = toolVersion
    self.job = job
    self.jobFile = jobFile
    self.jobFileSHA256 = jobFileSHA256
    self.asOf = asOf
    self.started = Self.timestamp(started)
    finished = Self.timestamp(Date())
    self.inputs = inputs
    self.steps = steps
    self.metrics = metrics
    self.warnings = warnings
    self.gates = gates.map { gate in
      if metrics[gate.metric] == nil { return Gate(condition: gate.description, result: "not evaluated", detail: "no \(gate.metric) in this run") }
      if let reason = gate.failure(in: metrics) { return Gate(condition: gate.description, result: "failed", detail: reason) }
      return Gate(condition: gate.description, result: "passed", detail: nil)
    }
    status = self.gates.contains { $0.result == "failed" } ? "gates failed" : "succeeded"
  }

  /// The reasons of the failed gates.
  public var failedGates: [String] { gates.filter { $0.result == "failed" }.compactMap(\.detail) }

  /// Pretty-printed JSON with sorted keys, ending in a line feed.
  public func jsonBytes() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return Array(try encoder.encode(self)) + [10]
  }

  /// Reads a previous run's manifest, or `nil`.
  public static func read(_ path: String) -> RunManifest? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try? decoder.decode(RunManifest.self, from: data)
  }

  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}
