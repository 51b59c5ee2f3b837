import Foundation

/// The result of running the built `analyze` executable.
public struct CommandResult: Sendable {
  public var status: Int32
  public var standardOutput: String
  public var standardError: String
}

/// Runs the `analyze` executable built beside the test bundle, as a user would.
public func runAnalyze(_ arguments: [String], environment: [String: String]? = nil) throws -> CommandResult {
  let process = Process()
  process.executableURL = analyzeExecutable()
  process.arguments = arguments
  if let environment { process.environment = environment }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Read before waiting, so a large output cannot fill the pipe and stall the child.
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus, standardOutput: String(decoding: stdout, as: UTF8.self),
    standardError: String(decoding: stderr, as: UTF8.self))
}

/// `.build/<configuration>/analyze`: the products folder holds the test bundle too.
public func analyzeExecutable() -> URL {
  var folder = Bundle.main.bundleURL
  for _ in 0..<4 {
    let candidate = folder.appendingPathComponent("analyze")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    folder.deleteLastPathComponent()
  }
  fatalError("the analyze executable was not built next to \(Bundle.main.bundleURL.path)")
}

/// A folder of the repository, found from the calling test file's path.
public func repositoryPath(_ relative: String, file: StaticString = #filePath) -> String {
  var url = URL(fileURLWithPath: "\(file)")
  while url.path != "/" {
    url.deleteLastPathComponent()
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      return url.appendingPathComponent(relative).path
    }
  }
  fatalError("no Package.swift above \(file)")
}
