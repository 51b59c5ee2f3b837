/// One entry of a rules file: a tag and the condition that gives it.
public struct TagRule: Sendable {
  /// The tag, as it appears in `tags.csv`.
  public let name: String
  /// The `when:` expression as written.
  public let when: String
  /// An optional `description:`, shown in the summary.
  public let description: String?
  /// Where the rule's `name:` value stands in the file.
  public let location: FilePosition

  let expression: Expression
  let map: ScalarSourceMap
}
