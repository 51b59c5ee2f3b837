import Foundation
import TestSupport
import Testing

/// The committed notebooks checked by Jupyter's own tools, where this machine has them
/// (CI installs them: Debian's python3-nbformat, python3-nbclient, python3-ipykernel,
/// python3-matplotlib, python3-pandas).
@Suite struct NotebookPythonTests {
  static let notebooks = ["churn.ipynb", "segments.ipynb"].map { repositoryPath("notebooks-export/\($0)") }
  static let script = Bundle.module.url(forResource: "check_notebooks", withExtension: "py", subdirectory: "Fixtures")!.path

  @Test(
    "nbformat.validate accepts the committed notebooks, and nbformat would write the same bytes",
    .enabled(if: Python.interpreter(importing: ["nbformat"]) != nil, "skipped: no python3 that imports nbformat (apt-get install python3-nbformat)"))
  func validate() throws {
    let result = try Python.run(Python.interpreter(importing: ["nbformat"])!, [Self.script] + Self.notebooks)
    #expect(result.status == 0, "\(result.output)")
  }

  @Test(
    "The committed notebooks run in a Jupyter kernel without an error, a warning, or a chart cell without a picture",
    .enabled(
      if: Python.interpreter(importing: Python.jupyter) != nil,
      "skipped: no python3 that imports nbformat, nbclient, ipykernel, matplotlib and pandas (apt-get install python3-nbclient python3-ipykernel python3-matplotlib python3-pandas)"),
    arguments: notebooks)
  func execute(notebook: String) throws {
    let result = try Python.run(Python.interpreter(importing: Python.jupyter)!, [Self.script, "--execute", notebook])
    #expect(result.status == 0, "\(result.output)")
  }
}

/// Finding and running a Python 3 that has the modules a test needs.
enum Python {
  static let jupyter = ["nbformat", "nbclient", "ipykernel", "matplotlib", "pandas"]

  /// The first of `python3` on the PATH and Debian's `/usr/bin/python3` that imports every module, or `nil`.
  static func interpreter(importing modules: [String]) -> [String]? {
    let candidates = [["/usr/bin/env", "python3"], ["/usr/bin/python3"]]
    return candidates.first { candidate in
      FileManager.default.isExecutableFile(atPath: candidate[0])
        && (try? run(candidate, ["-c", "import " + modules.joined(separator: ", ")]).status) == 0
    }
  }

  /// Runs the interpreter with `arguments`; standard output and error together.
  static func run(_ interpreter: [String], _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: interpreter[0])
    process.arguments = Array(interpreter.dropFirst()) + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }
}
