import Charts

/// Renders the Markdown our reports write as HTML, for `report.html`.
///
/// The subset is what ``ReportTable/markdown(headingLevel:)`` and the
/// report types produce:
///
/// - blocks: ATX headings (`#` … `######`), paragraphs, `-`/`*` and `1.`
///   lists (one line per item), pipe tables with a delimiter row (`---:`
///   right-aligns a column), fenced code (```` ``` ````), and images alone on
///   a line;
/// - inline: `` `code` ``, `**bold**`, `*italic*` (a delimiter opens only
///   before a non-blank and closes only after one, so `*** p < 0.001` stays
///   text), `![alt](file)`, backslash escapes of ASCII punctuation (`\|`),
///   and `<br>`, which table cells use for line breaks.
///
/// Everything else is text: `<`, `>`, `&` and `"` are escaped wherever they
/// appear (``Markup/escape(_:)``), so no input can inject markup. `_` is not a delimiter, because
/// column names such as `recency_days` are full of it.
///
/// Images are replaced with what `image` returns for their file name (the
/// SVG of a chart, inlined so that the page needs no other file), wrapped
/// in `<figure class="chart">`; an image it does not know shows its alt
/// text instead, never a reference to a file or the network.
public struct MarkdownHTML {
  /// Inline markup for an image's file name, or `nil` when there is none.
  public typealias ImageSource = (String) -> String?

  private let image: ImageSource
  /// Added to every heading level (capped at 6), when the Markdown becomes
  /// a section of a larger page.
  private let headingOffset: Int

  public init(headingOffset: Int = 0, image: @escaping ImageSource = { _ in nil }) {
    self.image = image
    self.headingOffset = headingOffset
  }

  /// The HTML of `markdown`'s blocks, one per line group.
  public func render(_ markdown: String) -> String {
    var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
    }
    if lines.last == "" { lines.removeLast() }
    var html = ""
    var i = 0
    while i < lines.count {
      let line = lines[i]
      let trimmed = line.trimmingLeadingBlanks()
      if trimmed.isEmpty {
        i += 1
      } else if let (level, text) = Self.heading(trimmed) {
        let n = min(level + headingOffset, 6)
        html += "<h\(n)>\(inline(text))</h\(n)>\n"
        i += 1
      } else if trimmed.hasPrefix("```") {
        var code: [String] = []
        i += 1
        while i < lines.count, !lines[i].trimmingLeadingBlanks().hasPrefix("```") {
          code.append(lines[i])
          i += 1
        }
        i += 1
        html += "<pre><code>\(Markup.escape(code.joined(separator: "\n")))</code></pre>\n"
      } else if trimmed.hasPrefix("|"), i + 1 < lines.count, let alignments = Self.delimiterRow(lines[i + 1]) {
        var rows: [String] = []
        var j = i + 2
        while j < lines.count, lines[j].trimmingLeadingBlanks().hasPrefix("|") {
          rows.append(lines[j])
          j += 1
        }
        html += table(header: line, alignments: alignments, rows: rows)
        i = j
      } else if let ordered = Self.listItem(trimmed)?.ordered {
        var items: [String] = []
        while i < lines.count, let item = Self.listItem(lines[i].trimmingLeadingBlanks()), item.ordered == ordered {
          items.append(item.text)
          i += 1
        }
        let tag = ordered ? "ol" : "ul"
        html += "<\(tag)>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</\(tag)>\n"
      } else {
        var paragraph: [String] = []
        while i < lines.count {
          let t = lines[i].trimmingLeadingBlanks()
          if t.isEmpty || Self.heading(t) != nil || t.hasPrefix("```") || Self.listItem(t) != nil
            || (t.hasPrefix("|") && i + 1 < lines.count && Self.delimiterRow(lines[i + 1]) != nil)
          {
            break
          }
          paragraph.append(t)
          i += 1
        }
        html += block(paragraph.joined(separator: "\n"))
      }
    }
    return html
  }

  /// A paragraph, or a figure when the paragraph is one image.
  private func block(_ text: String) -> String {
    if let (alt, source, end) = Self.image(in: Array(text.unicodeScalars), at: 0), end == text.unicodeScalars.count {
      if let markup = image(source) { return "<figure class=\"chart\">\n\(markup)</figure>\n" }
      return "<p class=\"missing-figure\">[\(Markup.escape(alt))]</p>\n"
    }
    return "<p>\(inline(text))</p>\n"
  }

  // MARK: - Blocks

  private static func heading(_ line: String) -> (Int, String)? {
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes) else { return nil }
    let rest = line.dropFirst(hashes)
    guard rest.isEmpty || rest.first == " " else { return nil }
    return (hashes, rest.trimmingCharacters(" "))
  }

  private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
    if line.hasPrefix("- ") || line.hasPrefix("* ") { return (false, String(line.dropFirst(2))) }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 9 else { return nil }
    let rest = line.dropFirst(digits.count)
    guard rest.hasPrefix(". ") else { return nil }
    return (true, String(rest.dropFirst(2)))
  }

  /// Column alignments of a delimiter row (`| --- | ---: |`), or `nil` if `line` is not one.
  private static func delimiterRow(_ line: String) -> [String?]? {
    let cells = splitRow(line)
    guard !cells.isEmpty else { return nil }
    var alignments: [String?] = []
    for cell in cells {
      let c = cell.trimmingCharacters(" ")
      let dashes = c.filter { $0 == "-" }.count
      guard dashes >= 1, c.allSatisfy({ $0 == "-" || $0 == ":" }) else { return nil }
      switch (c.hasPrefix(":"), c.hasSuffix(":")) {
      case (true, true): alignments.append("center")
      case (false, true): alignments.append("num")
      default: alignments.append(nil)
      }
    }
    return alignments
  }

  /// The cells of a table row: split at `|` not escaped by `\`, outer pipes dropped.
  private static func splitRow(_ line: String) -> [String] {
    var body = Substring(line.trimmingLeadingBlanks())
    guard body.hasPrefix("|") else { return [] }
    body = body.dropFirst()
    var cells: [String] = []
    var cell = ""
    var escaped = false
    for c in body {
      if escaped {
        cell.append(c)
        escaped = false
      } else if c == "\\" {
        cell.append(c)
        escaped = true
      } else if c == "|" {
        cells.append(cell)
        cell = ""
      } else {
        cell.append(c)
      }
    }
    if !cell.trimmingCharacters(" ").isEmpty { cells.append(cell) }
    return cells
  }

  private func table(header: String, alignments: [String?], rows: [String]) -> String {
    func cells(_ line: String, tag: String) -> String {
      let values = Self.splitRow(line)
      return "<tr>" + alignments.indices.map { c in
        let text = c < values.count ? values[c].trimmingCharacters(" ") : ""
        let attribute = alignments[c].map { " class=\"\($0)\"" } ?? ""
        return "<\(tag)\(attribute)>\(inline(text))</\(tag)>"
      }.joined() + "</tr>\n"
    }
    return "<table>\n<thead>\n" + cells(header, tag: "th") + "</thead>\n<tbody>\n"
      + rows.map { cells($0, tag: "td") }.joined() + "</tbody>\n</table>\n"
  }

  // MARK: - Inline

  /// The HTML of one line of inline Markdown (no blocks), everything not markup escaped.
  public func inline(_ text: String) -> String {
    render(Array(text.unicodeScalars)[...])
  }

  private func render(_ s: ArraySlice<Unicode.Scalar>) -> String {
    var out = ""
    var i = s.startIndex
    while i < s.endIndex {
      let c = s[i]
      switch c {
      case "\\" where i + 1 < s.endIndex && Self.isASCIIPunctuation(s[i + 1]):
        out += Markup.escape(String(s[i + 1]))
        i += 2
      case "`":
        let run = s[i...].prefix { $0 == "`" }.count
        if let close = Self.find(run: run, of: "`", in: s, from: i + run) {
          let code = String(String.UnicodeScalarView(s[(i + run)..<close]))
          out += "<code>\(Markup.escape(code.trimmingCharacters(" ")))</code>"
          i = close + run
        } else {
          out += String(repeating: "`", count: run)
          i += run
        }
      case "<" where Self.matches("<br>", s, at: i):
        out += "<br>"
        i += 4
      case "!" where i + 1 < s.endIndex && s[i + 1] == "[":
        if let (alt, source, end) = Self.image(in: Array(s), at: i - s.startIndex) {
          out += image(source).map { "<span class=\"chart\">\($0)</span>" } ?? "[\(Markup.escape(alt))]"
          i = s.startIndex + end
        } else {
          out += "!"
          i += 1
        }
      case "*":
        let run = s[i...].prefix { $0 == "*" }.count
        let width = run >= 2 ? 2 : 1
        if Self.canOpen(s, at: i, width: run), let close = Self.closer(width: width, in: s, from: i + width) {
          let tag = width == 2 ? "strong" : "em"
          out += "<\(tag)>\(render(s[(i + width)..<close]))</\(tag)>"
          i = close + width
        } else {
          out += String(repeating: "*", count: run)
          i += run
        }
      default:
        out += Markup.escape(String(c))
        i += 1
      }
    }
    return out
  }

  /// A run of `*` opens emphasis when a non-blank follows it.
  private static func canOpen(_ s: ArraySlice<Unicode.Scalar>, at i: Int, width: Int) -> Bool {
    i + width < s.endIndex && !s[i + width].properties.isWhitespace
  }

  /// The index of the first run of exactly `width` stars after `from` that
  /// follows a non-blank, skipping code spans.
  private static func closer(width: Int, in s: ArraySlice<Unicode.Scalar>, from: Int) -> Int? {
    var j = from
    while j < s.endIndex {
      if s[j] == "`" {
        let run = s[j...].prefix { $0 == "`" }.count
        j = (find(run: run, of: "`", in: s, from: j + run).map { $0 + run }) ?? (j + run)
        continue
      }
      if s[j] == "\\" {
        j += 2
        continue
      }
      if s[j] == "*" {
        let run = s[j...].prefix { $0 == "*" }.count
        if run >= width, j > from, !s[j - 1].properties.isWhitespace {
          return j + (run - width)
        }
        j += run
        continue
      }
      j += 1
    }
    return nil
  }

  /// The start of the next run of exactly `run` `mark`s at or after `from`.
  private static func find(run: Int, of mark: Unicode.Scalar, in s: ArraySlice<Unicode.Scalar>, from: Int) -> Int? {
    var j = from
    while j < s.endIndex {
      if s[j] == mark {
        let length = s[j...].prefix { $0 == mark }.count
        if length == run { return j }
        j += length
      } else {
        j += 1
      }
    }
    return nil
  }

  /// `![alt](source)` starting at `start`: its parts and the index after it.
  private static func image(in s: [Unicode.Scalar], at start: Int) -> (alt: String, source: String, end: Int)? {
    guard start + 1 < s.count, s[start] == "!", s[start + 1] == "[",
      let closeBracket = s[(start + 2)...].firstIndex(of: "]"), closeBracket + 1 < s.count, s[closeBracket + 1] == "(",
      let closeParen = s[(closeBracket + 2)...].firstIndex(of: ")")
    else { return nil }
    let alt = String(String.UnicodeScalarView(s[(start + 2)..<closeBracket]))
    let source = String(String.UnicodeScalarView(s[(closeBracket + 2)..<closeParen]))
    guard !source.isEmpty, !source.unicodeScalars.contains(where: { $0 == " " }) else { return nil }
    return (alt, source, closeParen + 1)
  }

  private static func matches(_ literal: String, _ s: ArraySlice<Unicode.Scalar>, at i: Int) -> Bool {
    let scalars = Array(literal.unicodeScalars)
    guard i + scalars.count <= s.endIndex else { return false }
    return Array(s[i..<(i + scalars.count)]) == scalars
  }

  private static func isASCIIPunctuation(_ c: Unicode.Scalar) -> Bool {
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(c)
  }
}

extension StringProtocol {
  fileprivate func trimmingLeadingBlanks() -> String {
    String(drop { $0 == " " || $0 == "\t" })
  }

  fileprivate func trimmingCharacters(_ set: Character...) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}
