import DataIngest
import Foundation
import Yams

/// A batch job read from YAML: where the data is, the steps, where results
/// go and the conditions that fail a run.
///
/// ```yaml
/// name: nightly
/// input:
///   data: sample            # or transactions: / customers: / events:, plus encoding:, map: …
/// output: ../out/jobs
/// steps:
///   - describe
///   - churn: {horizon: 90}
///   - segment: {k: auto}
///   - export: {profile: zoho, config: export.yaml}
/// fail_if:
///   - auc < 0.65
/// ```
///
/// A step is an `analyze` command and its options, written as the command
/// line would have them without the dashes (`horizon: 90` is `--horizon 90`,
/// `balanced: true` is `--balanced`, a list is joined with commas). Relative
/// paths (data files, `output`, and the options that name files) are taken
/// from the job file's folder, so a scheduler can run the job from anywhere.
public struct JobConfiguration: Sendable {
  /// One step: the command and its arguments (without input and output).
  public struct Step: Sendable, Equatable {
    public let command: String
    public let arguments: [String]
    /// The step's line in the job file.
    public let line: Int
  }

  public let path: String
  public let name: String
  /// The input options every data-reading step gets (`DATA_DIR` or `--transactions F`, `--encoding` …).
  public let inputArguments: [String]
  /// The input files, for the manifest.
  public let inputFiles: [String]
  /// The customers file of the input, if it has one: where an export step finds the CRM's keys.
  public let customersFile: String?
  public let outputRoot: String
  public let asOf: String?
  public let steps: [Step]
  public let gates: [QualityGate]

  /// Option names whose values are paths, resolved against the job file's folder.
  static let pathOptions: Set<String> = [
    "data", "transactions", "customers", "events", "map", "rules", "config", "model", "regions", "names", "truth",
  ]

  /// Reads the job file at `path`.
  ///
  /// - Throws: ``JobError/invalidJob(path:line:column:message:)`` with the
  ///   line and column of the first problem.
  public static func load(path: String, commands: Set<String>) throws(JobError) -> JobConfiguration {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw .invalidJob(path: path, line: nil, column: nil, message: "cannot be read (\(error.localizedDescription))")
    }
    return try parse(yaml: text, path: path, commands: commands)
  }

  /// Reads a job from YAML text; `path` names it in messages and anchors relative paths.
  public static func parse(yaml: String, path: String, commands: Set<String>) throws(JobError) -> JobConfiguration {
    let root: Node?
    do { root = try Yams.compose(yaml: yaml) } catch let error as YamlError {
      switch error {
      case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
        throw .invalidJob(path: path, line: mark.line, column: mark.column, message: problem)
      default:
        throw .invalidJob(path: path, line: nil, column: nil, message: "\(error)")
      }
    } catch {
      throw .invalidJob(path: path, line: nil, column: nil, message: "\(error)")
    }
    func fail(_ node: Node?, _ message: String) -> JobError {
      .invalidJob(path: path, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }
    guard let root, let top = root.mapping else { throw fail(root, "expected name, input, output and steps at the top level") }
    let folder = (path as NSString).deletingLastPathComponent
    func resolve(_ value: String) -> String {
      value.hasPrefix("/") || folder.isEmpty ? value : ((folder as NSString).appendingPathComponent(value) as NSString).standardizingPath
    }

    var name: String?
    var inputArguments: [String] = []
    var inputFiles: [String] = []
    var customersFile: String? = nil
    var output: String?
    var asOf: String?
    var steps: [Step] = []
    var gates: [QualityGate] = []
    for (key, value) in top {
      switch key.string {
      case "name":
        guard let text = value.string, !text.isEmpty, !text.contains("/"), !text.hasPrefix(".") else {
          throw fail(value, "the job name must be a word without '/' (it names the run folder)")
        }
        name = text
      case "input":
        guard let options = value.mapping else { throw fail(value, "expected input options such as data: FOLDER") }
        for (option, optionValue) in options {
          guard let optionName = option.string else { throw fail(option, "expected an option name") }
          let words = try arguments(optionName, optionValue, resolve: resolve, fail: fail)
          if optionName == "data" {
            inputArguments.insert(contentsOf: words.dropFirst(), at: 0)
            let data = words.last!
            inputFiles += ["transactions.csv", "customers.csv", "events.csv"].map { "\(data)/\($0)" }
              .filter { FileManager.default.fileExists(atPath: $0) }
            if customersFile == nil, FileManager.default.fileExists(atPath: "\(data)/customers.csv") {
              customersFile = "\(data)/customers.csv"
            }
          } else {
            inputArguments += words
            if ["transactions", "customers", "events"].contains(optionName) { inputFiles.append(words.last!) }
            if optionName == "customers" { customersFile = words.last! }
          }
        }
      case "output":
        guard let text = value.string, !text.isEmpty else { throw fail(value, "expected the output folder") }
        output = resolve(text)
      case "as_of":
        guard let text = value.string else { throw fail(value, "expected a date YYYY-MM-DD") }
        asOf = text
      case "steps":
        guard let list = value.sequence, !list.isEmpty else { throw fail(value, "expected a list of steps") }
        for item in list {
          let command: String
          var words: [String] = []
          if let plain = item.string {
            command = plain
          } else if let pair = item.mapping, pair.count == 1, let (commandNode, options) = pair.first, let text = commandNode.string {
            command = text
            if let map = options.mapping {
              for (option, optionValue) in map {
                guard let optionName = option.string else { throw fail(option, "expected an option name") }
                guard !["out", "data", "transactions", "customers", "events"].contains(optionName) || command == "export" else {
                  throw fail(option, "'\(optionName)' is set by the job (input and output), not by a step")
                }
                words += try arguments(optionName, optionValue, resolve: resolve, fail: fail)
              }
            } else if !(options.string ?? "").isEmpty || options.mapping == nil && options.string == nil {
              throw fail(options, "expected the options of \(text) as name: value pairs")
            }
          } else {
            throw fail(item, "expected a command, or a command with its options (churn: {horizon: 90})")
          }
          guard commands.contains(command) else {
            let suggestion = EditDistance.nearest(to: command, among: commands.sorted())
            throw fail(item, "unknown step '\(command)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
          }
          steps.append(Step(command: command, arguments: words, line: item.mark?.line ?? 0))
        }
      case "fail_if":
        guard let list = value.sequence else { throw fail(value, "expected a list of conditions such as 'auc < 0.65'") }
        for item in list {
          guard let text = item.string else { throw fail(item, "expected a condition such as 'auc < 0.65'") }
          switch QualityGate.parse(text) {
          case .success(let gate): gates.append(gate)
          case .failure(let error): throw fail(item, error.message)
          }
        }
      default:
        throw fail(key, "unknown key '\(key.string ?? "?")'; expected name, input, output, as_of, steps or fail_if")
      }
    }
    guard let name else { throw fail(root, "the job has no name") }
    guard !inputArguments.isEmpty else { throw fail(root, "the job has no input (input: {data: FOLDER})") }
    guard let output else { throw fail(root, "the job has no output folder") }
    guard !steps.isEmpty else { throw fail(root, "the job has no steps") }
    return JobConfiguration(
      path: path, name: name, inputArguments: inputArguments, inputFiles: inputFiles, customersFile: customersFile,
      outputRoot: output, asOf: asOf, steps: steps, gates: gates)
  }

  /// `--name value` words for one option; `data` gives the bare folder.
  private static func arguments(
    _ name: String, _ value: Node, resolve: (String) -> String, fail: (Node?, String) -> JobError
  ) throws(JobError) -> [String] {
    let flag = "--" + name.replacingOccurrences(of: "_", with: "-")
    if let list = value.sequence {
      let items = list.compactMap(\.string)
      guard items.count == list.count else { throw fail(value, "expected a list of plain values for \(name)") }
      return [flag, items.joined(separator: ",")]
    }
    if let bool = value.bool, value.string.map({ ["true", "false", "yes", "no"].contains($0.lowercased()) }) == true {
      return bool ? [flag] : []
    }
    guard let text = value.string else { throw fail(value, "expected a value for \(name)") }
    let resolved = pathOptions.contains(name) ? resolve(text) : text
    return [flag, resolved]
  }
}
