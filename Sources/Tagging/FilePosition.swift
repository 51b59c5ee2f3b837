/// A place in a rules file, as editors and compilers show it: `file:line:column`.
///
/// Lines and columns are 1-based; columns count Unicode scalars, as Yams
/// (libyaml) counts them, so `名称: 高价值` has `高` at column 5.
public struct FilePosition: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public var description: String { "\(file):\(line):\(column)" }
}
