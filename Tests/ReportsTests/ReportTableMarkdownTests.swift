import Testing

@testable import Reports

@Suite struct ReportTableMarkdownTests {
  @Test("a full report renders as heading, bullet facts, aligned table and numbered notes")
  func fullReport() {
    let table = ReportTable(
      title: "Logit Regression Results",
      header: [("Dep. Variable", "churn"), ("No. Observations", "1000"), ("Converged", "yes")],
      columns: ["variable", "coef", "std err", "n"],
      rows: [
        ["const", .number(-1.23456, digits: 3), .number(0.1, digits: 3), 1000],
        ["recency|days", .number(0.0004, digits: 3), .missing, 12_345_678],
      ],
      notes: ["Standard errors assume a correctly specified model.", "Line one\nline two"])
    let expected = """
      ## Logit Regression Results

      - **Dep. Variable:** churn
      - **No. Observations:** 1000
      - **Converged:** yes

      | variable | coef | std err | n |
      | --- | ---: | ---: | ---: |
      | const | -1.235 | 0.100 | 1000 |
      | recency\\|days | 0.000 |  | 12345678 |

      Notes:

      1. Standard errors assume a correctly specified model.
      2. Line one<br>line two

      """
    #expect(table.markdown() == expected)
  }

  @Test("a bare table has only the heading at the chosen level and the body")
  func bare() {
    let table = ReportTable(
      title: "Segments", columns: ["segment", "customers"], rows: [["A", 10], ["B", 2]])
    let expected = """
      # Segments

      | segment | customers |
      | --- | ---: |
      | A | 10 |
      | B | 2 |

      """
    #expect(table.markdown(headingLevel: 1) == expected)
  }

  @Test("numbers without digits use the shortest form; NaN, infinity and missing are empty")
  func numbers() {
    let table = ReportTable(
      title: "T", columns: ["x", "label"],
      rows: [
        [.number(0.1 + 0.2), "a"], [.number(.nan, digits: 2), "b"], [.number(-.infinity), "c"],
        [.missing, "d"], [.number(-0.0001, digits: 2), "e"],
      ])
    let expected = """
      ### T

      | x | label |
      | ---: | --- |
      | 0.30000000000000004 | a |
      |  | b |
      |  | c |
      |  | d |
      | 0.00 | e |

      """
    #expect(table.markdown(headingLevel: 3) == expected)
  }

  @Test("pipes and line breaks in headers, columns and cells are escaped")
  func escaping() {
    let table = ReportTable(
      title: "A | B\nC", header: [("Filter", "x|y")], columns: ["a|b"],
      rows: [["one\r\ntwo"], ["three\rfour"]])
    let expected = """
      ## A | B<br>C

      - **Filter:** x|y

      | a\\|b |
      | --- |
      | one<br>two |
      | three<br>four |

      """
    #expect(table.markdown() == expected)
  }

  @Test("a column with no rows or only missing cells is left-aligned")
  func emptyColumns() {
    let empty = ReportTable(title: "E", columns: ["a", "b"])
    #expect(empty.markdown() == "## E\n\n| a | b |\n| --- | --- |\n")
    let missing = ReportTable(title: "M", columns: ["a"], rows: [[.missing]])
    #expect(missing.markdown() == "## M\n\n| a |\n| --- |\n|  |\n")
  }

  @Test("text that looks like a formula is left as it is in Markdown")
  func noFormulaGuard() {
    let table = ReportTable(title: "F", columns: ["a"], rows: [["=1+1"]])
    #expect(table.markdown() == "## F\n\n| a |\n| --- |\n| =1+1 |\n")
  }
}
