import Charts

/// A chart a report draws beside its Markdown: the file it is written to,
/// the words its Markdown link shows where images are off, and the figure.
public struct ReportChart: Sendable {
  /// The file name beside the Markdown, such as `roc.svg`.
  public let file: String
  public let alt: String
  public let figure: Figure

  public init(file: String, alt: String, figure: Figure) {
    self.file = file
    self.alt = alt
    self.figure = figure
  }

  /// `![alt](file)`, on a line of its own.
  public var markdownLink: String { "![\(alt)](\(file))\n" }

  /// The SVG of each chart by file name, as ``HTMLReport`` inlines them.
  public static func images(_ charts: [ReportChart]) -> [String: String] {
    Dictionary(charts.map { ($0.file, $0.figure.svg) }, uniquingKeysWith: { first, _ in first })
  }
}

extension ReportLanguage {
  /// How this language's reports count large amounts on chart axes.
  var numberUnits: TickFormat.NumberUnits { self == .zh ? .chinese : .western }
}
