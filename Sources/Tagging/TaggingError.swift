import DataIngest

/// Why tag rules could not be read or applied. A rules file with any error
/// is refused whole: no customer is tagged by half a file.
public enum TaggingError: Error, Equatable, CustomStringConvertible {
  /// The rules file could not be read at all.
  case unreadableFile(path: String, reason: String)
  /// The file is not valid YAML; `problem` is libyaml's description.
  case invalidYAML(FilePosition, problem: String)
  /// The YAML is not shaped like a rules file (a `tags:`
  /// list of `name:` and `when:` entries).
  case invalidRuleFile(FilePosition, found: String, expected: String)
  /// A `when:` expression does not follow the grammar.
  case syntax(FilePosition, found: String, expected: String)
  /// A field the feature table does not have; `suggestion` is the nearest name.
  case unknownField(FilePosition, name: String, suggestion: String?)
  /// A population function that does not exist; `suggestion` is the nearest one.
  case unknownFunction(FilePosition, name: String, suggestion: String?)
  /// A value of the wrong kind, such as a text field compared with a number.
  case typeMismatch(FilePosition, found: String, expected: String)
  /// Two rules give the same tag name.
  case duplicateTag(FilePosition, name: String, firstLine: Int)
  /// A file of the run folder could not be read.
  case unreadableRunFile(IngestError)
  /// A `scores.csv` or `segments.csv` of the run folder could not be used.
  case invalidRunFile(path: String, line: Int?, reason: String)
  /// Not one customer of a run file is in the data: the folder belongs to other data.
  case noMatchingCustomers(path: String, rows: Int)

  public var description: String {
    switch self {
    case .unreadableFile(let path, let reason):
      return "\(path): cannot read the rules file (\(reason))."
    case .invalidYAML(let location, let problem):
      return "\(location): not valid YAML: \(problem) (check the indentation and the quotes)."
    case .invalidRuleFile(let location, let found, let expected), .syntax(let location, let found, let expected),
      .typeMismatch(let location, let found, let expected):
      return "\(location): expected \(expected), found \(found)."
    case .unknownField(let location, let name, let suggestion):
      return "\(location): there is no field '\(name)'"
        + (suggestion.map { "; did you mean '\($0)'?" } ?? " (the fields are the columns of features.csv).")
    case .unknownFunction(let location, let name, let suggestion):
      return "\(location): there is no function '\(name)'"
        + (suggestion.map { "; did you mean '\($0)'?" } ?? "; the functions are p1 … p99, median, mean, min, max and sd.")
    case .duplicateTag(let location, let name, let firstLine):
      return "\(location): the tag '\(name)' is already defined on line \(firstLine); tag names must be unique."
    case .unreadableRunFile(let error):
      return error.description
    case .invalidRunFile(let path, let line, let reason):
      return "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)."
    case .noMatchingCustomers(let path, let rows):
      return "\(path): none of its \(rows) customer ids is in the data; is it from another data set?"
    }
  }
}
