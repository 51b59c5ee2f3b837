/// A finished chart: a title, an optional subtitle and note, and one or more
/// panels in a grid, rendered as one SVG document.
public struct Figure: Sendable {
  public var title: String
  public var subtitle: String?
  public var panels: [any Chart]
  /// Panels per row.
  public var columns: Int
  public var width: Double
  /// A line under the panels: what the figure leaves out, where the full numbers are.
  public var note: String?

  public init(
    title: String, subtitle: String? = nil, panels: [any Chart], columns: Int = 1, width: Double = 760,
    note: String? = nil
  ) {
    self.title = title
    self.subtitle = subtitle
    self.panels = panels
    self.columns = max(1, columns)
    self.width = width
    self.note = note
  }

  static let padding = 20.0
  static let gap = 28.0

  /// The SVG document.
  public var svg: String {
    let panelWidth = (width - 2 * Self.padding - Double(columns - 1) * Self.gap) / Double(columns)
    var top = Self.padding + ChartStyle.titleSize + 4
    if subtitle != nil { top += ChartStyle.subtitleSize + 8 }
    top += 14
    var rowHeights: [Double] = []
    for start in stride(from: 0, to: panels.count, by: columns) {
      let row = panels[start..<min(start + columns, panels.count)]
      rowHeights.append(row.map { $0.height(forWidth: panelWidth) }.max() ?? 0)
    }
    let panelsHeight = rowHeights.reduce(0, +) + Double(max(rowHeights.count - 1, 0)) * Self.gap
    let height = top + panelsHeight + (note == nil ? 0 : ChartStyle.tickSize + 14) + Self.padding
    var svg = SVGBuilder(width: width, height: height.rounded(.up))
    let textWidth = width - 2 * Self.padding
    svg.text(
      TextMetrics.fit(title, size: ChartStyle.titleSize, maxWidth: textWidth), x: Self.padding,
      y: Self.padding + ChartStyle.titleSize, size: ChartStyle.titleSize, bold: true, className: "title")
    if let subtitle {
      svg.text(
        TextMetrics.fit(subtitle, size: ChartStyle.subtitleSize, maxWidth: textWidth), x: Self.padding,
        y: Self.padding + ChartStyle.titleSize + 8 + ChartStyle.subtitleSize, size: ChartStyle.subtitleSize,
        fill: ChartStyle.muted, className: "subtitle")
    }
    var y = top
    for (r, rowHeight) in rowHeights.enumerated() {
      for c in 0..<columns {
        let index = r * columns + c
        guard index < panels.count else { break }
        let frame = Frame(
          x: Self.padding + Double(c) * (panelWidth + Self.gap), y: y, width: panelWidth, height: rowHeight)
        svg.beginGroup([("class", "panel")])
        panels[index].draw(in: frame, into: &svg)
        svg.endGroup()
      }
      y += rowHeight + Self.gap
    }
    if let note {
      svg.text(
        TextMetrics.fit(note, size: ChartStyle.tickSize, maxWidth: textWidth), x: Self.padding,
        y: height - Self.padding, size: ChartStyle.tickSize, fill: ChartStyle.muted, className: "note")
    }
    return svg.document(title: title)
  }
}
