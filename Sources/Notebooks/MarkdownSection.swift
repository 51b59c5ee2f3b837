import Foundation

/// A report cut at its headings: the text under one heading, up to the next
/// heading of any level.
///
/// ```swift
/// MarkdownSection.split("# Title\n\nIntro.\n\n## Factors\n\n- one\n")
/// // [(level 1, "Title", "Intro."), (level 2, "Factors", "- one")]
/// ```
public struct MarkdownSection: Equatable, Sendable {
  /// 1 for `#`, 2 for `##` …; 0 for text before the first heading.
  public var level: Int
  public var title: String
  /// The text under the heading, without the blank lines around it.
  public var body: String

  public init(level: Int, title: String, body: String) {
    self.level = level
    self.title = title
    self.body = body
  }

  /// The heading (at `level`, or the section's own) and the body.
  public func markdown(level: Int? = nil) -> String {
    let heading = self.level == 0 && level == nil ? "" : String(repeating: "#", count: level ?? self.level) + " " + title
    return [heading, body].filter { !$0.isEmpty }.joined(separator: "\n\n")
  }

  /// Whether the title starts with one of `prefixes` (a report's heading in
  /// English or Chinese, with whatever follows it).
  public func isTitled(_ prefixes: [String]) -> Bool {
    prefixes.contains { title.hasPrefix($0) }
  }

  /// The sections of `markdown`, in order; text before the first heading is a level-0 section.
  /// Lines inside fenced code blocks are never headings.
  public static func split(_ markdown: String) -> [MarkdownSection] {
    var sections: [MarkdownSection] = []
    var current = MarkdownSection(level: 0, title: "", body: "")
    var lines: [Substring] = []
    var fenced = false
    func close() {
      current.body = trimmingBlankLines(lines)
      if current.level > 0 || !current.body.isEmpty { sections.append(current) }
      lines = []
    }
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") || line.hasPrefix("~~~") { fenced.toggle() }
      if !fenced, let (level, title) = heading(line) {
        close()
        current = MarkdownSection(level: level, title: title, body: "")
      } else {
        lines.append(line)
      }
    }
    close()
    return sections
  }

  /// `## Title` → (2, "Title"): one to six `#` and a space.
  private static func heading(_ line: Substring) -> (Int, String)? {
    let marks = line.prefix { $0 == "#" }.count
    guard (1...6).contains(marks), line.dropFirst(marks).first == " " else { return nil }
    return (marks, line.dropFirst(marks).trimmingCharacters(in: .whitespaces))
  }

  private static func trimmingBlankLines(_ lines: [Substring]) -> String {
    let isBlank = { (line: Substring) in line.allSatisfy(\.isWhitespace) }
    guard let first = lines.firstIndex(where: { !isBlank($0) }), let last = lines.lastIndex(where: { !isBlank($0) }) else {
      return ""
    }
    return lines[first...last].joined(separator: "\n")
  }
}
