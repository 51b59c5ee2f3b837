extension ReportTable {
  /// The report as GitHub-flavoured Markdown.
  ///
  /// Layout, each part only when it has content:
  ///
  /// ```
  /// ## Logit Regression Results
  ///
  /// - **Dep. Variable:** churn
  /// - **No. Observations:** 1000
  ///
  /// | variable | coef | std err |
  /// | --- | ---: | ---: |
  /// | const | -1.235 | 0.100 |
  ///
  /// Notes:
  ///
  /// 1. Standard errors assume the model is correctly specified.
  /// ```
  ///
  /// The header pairs are a bullet list rather than a second table: two
  /// tables in a row read as one broken table, and a list keeps statsmodels'
  /// "label: value" look. A column of numbers (missing cells allowed, text
  /// not) is right-aligned (`---:`). ``ReportCell/number(_:digits:)`` shows
  /// exactly `digits` decimals, or its shortest exact form when `digits` is
  /// `nil`; integers have no thousands separators; missing values, NaN and
  /// infinities are empty cells. In cells, `|` is escaped as `\|` and line
  /// breaks become `<br>`. Cells are not padded to line up, because the
  /// display width of Chinese text depends on the font.
  ///
  /// - Parameter headingLevel: the title's heading level, `1...6`, default 2.
  /// - Returns: the Markdown text, ending in a newline.
  public func markdown(headingLevel: Int = 2) -> String {
    precondition((1...6).contains(headingLevel), "Markdown heading level must be 1...6")
    var blocks: [String] = []
    // An untitled table is a body inside a section that has its own heading.
    if !title.isEmpty {
      blocks.append(String(repeating: "#", count: headingLevel) + " " + Self.inline(title))
    }
    if !header.isEmpty {
      blocks.append(
        header.map { "- **\(Self.inline($0.label)):** \(Self.inline($0.value))" }
          .joined(separator: "\n"))
    }
    if !columns.isEmpty {
      blocks.append(bodyTable())
    }
    if !notes.isEmpty {
      blocks.append("Notes:")
      blocks.append(
        notes.enumerated().map { "\($0.offset + 1). \(Self.inline($0.element))" }
          .joined(separator: "\n"))
    }
    return blocks.joined(separator: "\n\n") + "\n"
  }

  private func bodyTable() -> String {
    // A column is numeric when it holds at least one number and no text;
    // an empty or all-missing column stays left-aligned like text.
    let numeric = columns.indices.map { column in
      var sawNumber = false
      for row in rows {
        switch row[column] {
        case .integer, .number: sawNumber = true
        case .missing: continue
        case .text: return false
        }
      }
      return sawNumber
    }
    var lines: [String] = []
    lines.append(Self.tableLine(columns.map(Self.tableText)))
    lines.append(Self.tableLine(numeric.map { $0 ? "---:" : "---" }))
    for row in rows {
      lines.append(Self.tableLine(row.map(Self.markdownText)))
    }
    return lines.joined(separator: "\n")
  }

  private static func tableLine(_ cells: [String]) -> String {
    "| " + cells.joined(separator: " | ") + " |"
  }

  private static func markdownText(_ cell: ReportCell) -> String {
    switch cell {
    case .text(let text): tableText(text)
    case .integer(let value): String(value)
    case .number(let value, let digits):
      (digits.map { NumberFormatting.fixed(value, digits: $0) }
        ?? NumberFormatting.shortest(value)) ?? ""
    case .missing: ""
    }
  }

  /// Text for a table cell: pipes escaped so they do not split the cell.
  private static func tableText(_ text: String) -> String {
    inline(text).replacingPipes()
  }

  /// Text on one line: CRLF, CR and LF become `<br>`.
  private static func inline(_ text: String) -> String {
    var result = ""
    var scalars = text.unicodeScalars.makeIterator()
    var pending = scalars.next()
    while let scalar = pending {
      pending = scalars.next()
      switch scalar {
      case "\r":
        if pending == "\n" { pending = scalars.next() }
        result += "<br>"
      case "\n":
        result += "<br>"
      default:
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

extension String {
  fileprivate func replacingPipes() -> String {
    var result = ""
    for scalar in unicodeScalars {
      if scalar == "|" { result += "\\" }
      result.unicodeScalars.append(scalar)
    }
    return result
  }
}
