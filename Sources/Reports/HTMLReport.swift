import Charts

/// `report.html`: a command's Markdown report as one self-contained page,
/// its charts inlined as SVG, with a small stylesheet and no script, so it
/// opens in any browser without a network or the files beside it.
public enum HTMLReport {
  /// One part of a page: a step of a run, or the whole of a command's report.
  public struct Section {
    /// The anchor of the section (`churn`), for the run page's contents; `nil` for none.
    public var anchor: String?
    /// The Markdown of the section.
    public var markdown: String
    /// The SVG of each chart the Markdown links to, by file name.
    public var images: [String: String]

    public init(anchor: String? = nil, markdown: String, images: [String: String]) {
      self.anchor = anchor
      self.markdown = markdown
      self.images = images
    }
  }

  /// The page of one command's report: the Markdown's first heading is the page title.
  public static func page(markdown: String, charts: [String: String], language: ReportLanguage) -> String {
    document(
      title: title(of: markdown) ?? "analyze", language: language,
      body: MarkdownHTML { charts[$0] }.render(markdown))
  }

  /// A page of several sections (the steps of a run): an introduction, a
  /// list of contents, details, then the sections, whose headings move one
  /// level down, below their own entry in the contents.
  public static func page(
    title: String, introduction: String, details: String, sections: [Section], language: ReportLanguage
  ) -> String {
    var body = MarkdownHTML().render("# \(title)\n\n" + introduction)
    let listed = sections.compactMap { section in section.anchor.map { ($0, Self.title(of: section.markdown) ?? $0) } }
    if !listed.isEmpty {
      body += "<nav class=\"contents\">\n<ul>\n"
      for (anchor, heading) in listed {
        body += "<li><a href=\"#\(Markup.escape(anchor))\">\(Markup.escape(heading))</a></li>\n"
      }
      body += "</ul>\n</nav>\n"
    }
    body += MarkdownHTML().render(details)
    for section in sections {
      let id = section.anchor.map { " id=\"\(Markup.escape($0))\"" } ?? ""
      body += "<section\(id)>\n"
      body += MarkdownHTML(headingOffset: 1) { section.images[$0] }.render(section.markdown)
      body += "</section>\n"
    }
    return document(title: title, language: language, body: body)
  }

  /// The text of the first `# ` heading of `markdown`, Markdown left as written.
  static func title(of markdown: String) -> String? {
    for line in markdown.split(separator: "\n") where line.hasPrefix("# ") {
      return String(line.dropFirst(2))
    }
    return nil
  }

  static func document(title: String, language: ReportLanguage, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="\(language == .zh ? "zh-Hans" : "en")">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(Markup.escape(title))</title>
    <style>
    \(stylesheet)</style>
    </head>
    <body>
    <main>
    \(body)</main>
    </body>
    </html>

    """
  }

  static let stylesheet = """
    body { margin: 0; background: #FFFFFF; color: #1F2328; line-height: 1.55; font-size: 15px;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC",
        "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif; }
    html:lang(zh-Hans) body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
      "WenQuanYi Micro Hei", system-ui, sans-serif; }
    main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 64px; }
    h1 { font-size: 1.75em; margin: 0.4em 0 0.6em; padding-bottom: 0.3em; border-bottom: 1px solid #D0D7DE; }
    h2 { font-size: 1.35em; margin: 1.8em 0 0.6em; padding-bottom: 0.25em; border-bottom: 1px solid #E6E8EB; }
    h3 { font-size: 1.12em; margin: 1.4em 0 0.5em; }
    h4, h5, h6 { font-size: 1em; margin: 1.2em 0 0.4em; }
    p, ul, ol { margin: 0.6em 0; }
    table { border-collapse: collapse; margin: 0.8em 0 1.2em; font-size: 0.9em; display: block; max-width: 100%; overflow-x: auto; }
    th, td { border: 1px solid #D0D7DE; padding: 4px 10px; vertical-align: top; }
    th { background: #F6F8FA; text-align: left; font-weight: 600; }
    tbody tr:nth-child(even) td { background: #FAFBFC; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .center { text-align: center; }
    code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88em;
      background: #F3F4F6; padding: 0.1em 0.35em; border-radius: 4px; }
    pre { background: #F6F8FA; padding: 12px; overflow-x: auto; border-radius: 6px; }
    pre code { background: none; padding: 0; }
    figure.chart { margin: 1.2em 0 1.6em; }
    figure.chart svg, span.chart svg { display: block; max-width: 100%; height: auto;
      border: 1px solid #E6E8EB; border-radius: 6px; }
    .missing-figure { color: #57606A; font-style: italic; }
    nav.contents { background: #F6F8FA; border: 1px solid #E6E8EB; border-radius: 6px; padding: 8px 20px; margin: 1em 0 2em; }
    nav.contents ul { margin: 0.3em 0; }
    section { margin-top: 2.5em; }
    section > h2:first-child { margin-top: 0; padding-top: 1em; border-top: 3px solid #4E79A7; border-bottom: none; font-size: 1.55em; }
    @media print { main { max-width: none; padding: 0; } figure.chart, table { break-inside: avoid; } }

    """
}
