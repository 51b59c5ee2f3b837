import Reports
import Testing

@Suite struct MarkdownHTMLTests {
  let plain = MarkdownHTML()

  @Test("headings, paragraphs and lists")
  func blocks() {
    let html = plain.render("# Title\n\nFirst line\nsecond line.\n\n## Part\n\n- one\n- two\n\n1. first\n2. second\n")
    #expect(
      html == """
        <h1>Title</h1>
        <p>First line
        second line.</p>
        <h2>Part</h2>
        <ul>
        <li>one</li>
        <li>two</li>
        </ul>
        <ol>
        <li>first</li>
        <li>second</li>
        </ol>

        """)
  }

  @Test("a pipe table: header, right-aligned number columns, escaped pipes and line breaks in cells")
  func table() {
    let html = plain.render("| name | count |\n| --- | ---: |\n| a \\| b | 12 |\n| x<br>y | |\n")
    #expect(
      html == """
        <table>
        <thead>
        <tr><th>name</th><th class="num">count</th></tr>
        </thead>
        <tbody>
        <tr><td>a | b</td><td class="num">12</td></tr>
        <tr><td>x<br>y</td><td class="num"></td></tr>
        </tbody>
        </table>

        """)
  }

  @Test("ReportTable's own Markdown renders as a table with its title and header list")
  func reportTable() {
    var table = ReportTable(title: "Scores", header: [("Model", "Logit")], columns: ["band", "customers"])
    table.append(["high", .integer(12)])
    let html = plain.render(table.markdown())
    #expect(html.contains("<h2>Scores</h2>"))
    #expect(html.contains("<li><strong>Model:</strong> Logit</li>"))
    #expect(html.contains("<tr><td>high</td><td class=\"num\">12</td></tr>"))
  }

  @Test("bold, italic and code; stars next to blanks stay text", arguments: [
    ("**bold** and *italic*", "<strong>bold</strong> and <em>italic</em>"),
    ("`C(region)[西北]` and `a*b*c`", "<code>C(region)[西北]</code> and <code>a*b*c</code>"),
    ("Significance: *** p < 0.001, ** p < 0.01, * p < 0.05.", "Significance: *** p &lt; 0.001, ** p &lt; 0.01, * p &lt; 0.05."),
    ("- **days** (per SD): p < 0.001 ***", "- <strong>days</strong> (per SD): p &lt; 0.001 ***"),
    ("2 * 3 = 6 and **unclosed", "2 * 3 = 6 and **unclosed"),
    ("recency_days and _x_", "recency_days and _x_"),
    ("\\*not italic\\*", "*not italic*"),
  ])
  func inline(markdown: String, html: String) {
    #expect(plain.inline(markdown) == html)
  }

  @Test("everything that is not markup is escaped: no input injects HTML")
  func escaping() {
    let html = plain.render("# <script>alert(1)</script>\n\nA & B \"quoted\" <img src=x onerror=alert(1)>\n\n| <b> |\n| --- |\n| `<i>` |\n")
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>"))
    #expect(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
    #expect(html.contains("A &amp; B &quot;quoted&quot; &lt;img src=x onerror=alert(1)&gt;"))
    #expect(html.contains("<td><code>&lt;i&gt;</code></td>"))
  }

  @Test("an image alone on a line becomes its inline SVG; an unknown one shows its alt text, never a file reference")
  func images() {
    let renderer = MarkdownHTML { $0 == "roc.svg" ? "<svg><title>ROC</title></svg>\n" : nil }
    #expect(renderer.render("![ROC curve](roc.svg)\n") == "<figure class=\"chart\">\n<svg><title>ROC</title></svg>\n</figure>\n")
    #expect(renderer.render("![Gains <1>](gains.svg)\n") == "<p class=\"missing-figure\">[Gains &lt;1&gt;]</p>\n")
    #expect(!renderer.render("see ![x](http://example.com/x.png) here").contains("http://example.com\""))
  }

  @Test("a heading offset moves every heading down, at most to h6")
  func headingOffset() {
    let html = MarkdownHTML(headingOffset: 1).render("# A\n\n##### E\n\n###### F\n")
    #expect(html == "<h2>A</h2>\n<h6>E</h6>\n<h6>F</h6>\n")
  }

  @Test("fenced code keeps its lines, escaped")
  func fencedCode() {
    #expect(plain.render("```\na < b\n  c\n```\n") == "<pre><code>a &lt; b\n  c</code></pre>\n")
  }

  @Test("report.html: one page, the charts inline, its language and title, no script and no file or network reference")
  func page() {
    let html = HTMLReport.page(
      markdown: "# 流失模型\n\n![ROC 曲线](roc.svg)\n", charts: ["roc.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n"],
      language: .zh)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hans\">"))
    #expect(html.contains("<title>流失模型</title>"))
    #expect(html.contains("<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n</figure>"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("src="))
    #expect(!html.contains("href="))
    #expect(!html.contains("url("))
  }

  @Test("a run's page: contents linking to each section, headings one level down")
  func runPage() {
    let html = HTMLReport.page(
      title: "Run nightly", introduction: "It **succeeded**.\n", details: "## Steps\n\n- churn\n",
      sections: [
        .init(anchor: "churn", markdown: "# Churn model\n\n## Factors\n", images: [:]),
        .init(anchor: "segment", markdown: "# Customer segments\n", images: [:]),
      ], language: .en)
    #expect(html.contains("<h1>Run nightly</h1>\n<p>It <strong>succeeded</strong>.</p>\n<nav class=\"contents\">"))
    #expect(html.contains("<li><a href=\"#churn\">Churn model</a></li>\n<li><a href=\"#segment\">Customer segments</a></li>"))
    #expect(html.contains("<section id=\"churn\">\n<h2>Churn model</h2>\n<h3>Factors</h3>\n</section>"))
    #expect(html.contains("</nav>\n<h2>Steps</h2>"))
  }
}
