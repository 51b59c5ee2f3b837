/// Estimates with their confidence intervals, one row per term, on a log
/// axis with a reference line (odds ratio 1 = no effect). An interval that
/// reaches beyond the axis ends in an arrow at its edge.
public struct ForestPlot: Chart {
  /// One term.
  public struct Row: Sendable {
    public var label: String
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    /// The colour of the estimate and interval.
    public var color: String
    /// Dark text for the label and numbers (significant terms); the others are grey.
    public var highlighted: Bool
    /// The numbers, printed right of the plot: `1.52 (1.21–1.90)`.
    public var valueText: String

    public init(
      label: String, estimate: Double, lower: Double, upper: Double, color: String, highlighted: Bool, valueText: String
    ) {
      self.label = label
      self.estimate = estimate
      self.lower = lower
      self.upper = upper
      self.color = color
      self.highlighted = highlighted
      self.valueText = valueText
    }
  }

  public var title: String?
  public var rows: [Row]
  public var axis: Axis
  public var reference: Double
  /// Legend keys for the rows' colours.
  public var legend: [LegendEntry]

  public init(title: String? = nil, rows: [Row], axis: Axis, reference: Double = 1, legend: [LegendEntry] = []) {
    self.title = title
    self.rows = rows
    self.axis = axis
    self.reference = reference
    self.legend = legend
  }

  static let rowHeight = 26.0

  public func height(forWidth width: Double) -> Double {
    PanelHeader.height(title: title, legend: legend, width: width) + 8 + Double(max(rows.count, 1)) * Self.rowHeight
      + CartesianPlot.bottomMargin(axis) + 4
  }

  public func draw(in frame: Frame, into svg: inout SVGBuilder) {
    let area = PanelHeader.draw(title: title, legend: legend, in: frame, into: &svg)
    let labelColumn = min((rows.map { TextMetrics.width($0.label, size: ChartStyle.labelSize) }.max() ?? 0) + 14, area.width * 0.38)
    let valueColumn = (rows.map { TextMetrics.width($0.valueText, size: ChartStyle.valueSize) }.max() ?? 0) + 14
    let plot = area.inset(top: 8, left: labelColumn, bottom: CartesianPlot.bottomMargin(axis), right: valueColumn)
    let axes = CartesianPlot(x: axis, y: Axis(label: "", placement: .categories([])), plot: plot)
    for r in rows.indices where r % 2 == 1 {
      svg.rect(
        Frame(x: area.x, y: plot.y + Double(r) * Self.rowHeight, width: area.width, height: Self.rowHeight),
        fill: "#F6F8FA", className: "stripe")
    }
    svg.beginGroup([("class", "axes")])
    axes.drawXTicks(into: &svg)
    axes.drawXLabel(into: &svg)
    svg.line(x1: plot.x, y1: plot.maxY, x2: plot.maxX, y2: plot.maxY, stroke: ChartStyle.axis, className: "axis")
    svg.endGroup()
    let rx = axes.px(reference)
    svg.line(x1: rx, y1: plot.y, x2: rx, y2: plot.maxY, stroke: ChartStyle.reference, width: 1.5, dashed: true, className: "reference")
    for (r, row) in rows.enumerated() {
      let cy = plot.y + (Double(r) + 0.5) * Self.rowHeight
      let color = row.color
      let tooltip = "\(row.label): \(row.valueText)"
      svg.beginGroup([("class", "interval")])
      svg.text(
        TextMetrics.fit(row.label, size: ChartStyle.labelSize, maxWidth: labelColumn - 14), x: plot.x - 10, y: cy + 4.5,
        size: ChartStyle.labelSize, anchor: .end, fill: row.highlighted ? ChartStyle.text : ChartStyle.muted,
        className: "term")
      let low = axes.px(axis.clamped(row.lower))
      let high = axes.px(axis.clamped(row.upper))
      svg.line(x1: low, y1: cy, x2: high, y2: cy, stroke: color, width: 2.5, className: "ci", title: tooltip)
      if row.lower < axis.domain.lowerBound { svg.polygon(Self.arrow(at: low, cy, pointing: -1), fill: color, className: "clipped") }
      if row.upper > axis.domain.upperBound { svg.polygon(Self.arrow(at: high, cy, pointing: 1), fill: color, className: "clipped") }
      let ex = axes.px(axis.clamped(row.estimate))
      svg.rect(Frame(x: ex - 5, y: cy - 5, width: 10, height: 10), fill: color, className: "estimate", title: tooltip)
      svg.text(
        row.valueText, x: plot.maxX + 10, y: cy + 4, size: ChartStyle.valueSize,
        fill: row.highlighted ? ChartStyle.text : ChartStyle.muted, className: "value")
      svg.endGroup()
    }
  }

  /// A small triangle at `x` pointing left (−1) or right (+1).
  static func arrow(at x: Double, _ y: Double, pointing direction: Double) -> [(x: Double, y: Double)] {
    [(x + 7 * direction, y), (x, y - 5), (x, y + 5)]
  }
}
