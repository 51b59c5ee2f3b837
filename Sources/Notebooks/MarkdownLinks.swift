import Foundation

/// Links of a report moved into a notebook that lives elsewhere.
enum MarkdownLinks {
  /// `markdown` with every relative link target prefixed by `folder` (the
  /// report's folder as seen from the notebook), and without the lines that
  /// only show one of the `embedded` pictures, which the notebook shows as
  /// cell outputs instead.
  ///
  /// ```swift
  /// MarkdownLinks.rebase("![ROC](roc.svg)\nSee [scores](scores.csv).", onto: "run/churn", dropping: ["roc.svg"])
  /// // "See [scores](run/churn/scores.csv)."
  /// ```
  static func rebase(_ markdown: String, onto folder: String, dropping embedded: Set<String>) -> String {
    markdown.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { line in imageTarget(line).map { !embedded.contains($0) } ?? true }
      .map { rebaseLine($0, onto: folder) }
      .joined(separator: "\n")
  }

  /// The target of a line that is one picture and nothing else: `![alt](target)`.
  private static func imageTarget(_ line: Substring) -> String? {
    let text = line.trimmingCharacters(in: .whitespaces)
    guard text.hasPrefix("!["), text.hasSuffix(")"), let open = text.range(of: "](") else { return nil }
    return String(text[open.upperBound..<text.index(before: text.endIndex)])
  }

  /// Code spans (between backticks) are left alone: `C(x)[level](y)` is not a link.
  private static func rebaseLine(_ line: Substring, onto folder: String) -> String {
    line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
      .map { $0.offset.isMultiple(of: 2) ? rebaseText($0.element, onto: folder) : String($0.element) }
      .joined(separator: "`")
  }

  private static func rebaseText(_ text: Substring, onto folder: String) -> String {
    var result = ""
    var rest = text
    while let open = rest.range(of: "](") {
      result += rest[..<open.upperBound]
      rest = rest[open.upperBound...]
      let target = rest.prefix { $0 != ")" && $0 != " " }
      if isRelative(target) { result += folder + "/" }
    }
    return result + rest
  }

  private static func isRelative(_ target: Substring) -> Bool {
    !target.isEmpty && !target.hasPrefix("/") && !target.hasPrefix("#") && !target.contains(":")
  }
}
