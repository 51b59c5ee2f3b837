/// The plotting area of a chart with an x and a y axis: where values land
/// in pixels, and the gridlines, tick labels and axis labels around it.
struct CartesianPlot {
  let x: Axis
  let y: Axis
  /// The area inside the axes.
  let plot: Frame

  static let tickGap = 6.0

  /// Fits the axes into `area`: the left margin holds the y tick labels and
  /// the rotated y label, the bottom the x tick labels and the x label.
  /// A `square` plot is as wide as it is high, centred in `area`.
  init(x: Axis, y: Axis, in area: Frame, square: Bool = false) {
    let lastX = x.ticks.last.map { TextMetrics.width($0.label, size: ChartStyle.tickSize) / 2 } ?? 0
    var plot = area.inset(top: 8, left: Self.leftMargin(y), bottom: Self.bottomMargin(x), right: max(10, lastX))
    if square {
      let side = min(plot.width, plot.height)
      plot = Frame(x: plot.x + (plot.width - side) / 2, y: plot.y, width: side, height: side)
    }
    self.init(x: x, y: y, plot: plot)
  }

  init(x: Axis, y: Axis, plot: Frame) {
    self.x = x
    self.y = y
    self.plot = plot
  }

  /// Room for `axis`'s tick labels and label left of the plot.
  static func leftMargin(_ axis: Axis) -> Double {
    tickLabelWidth(axis) + tickGap + 4 + (axis.label.isEmpty ? 0 : ChartStyle.labelSize + 10)
  }

  /// Room for `axis`'s tick labels and label below the plot.
  static func bottomMargin(_ axis: Axis) -> Double {
    ChartStyle.tickSize + tickGap + 6 + (axis.label.isEmpty ? 0 : ChartStyle.labelSize + 12)
  }

  static func tickLabelWidth(_ axis: Axis) -> Double {
    axis.ticks.map { TextMetrics.width($0.label, size: ChartStyle.tickSize) }.max() ?? 0
  }

  func px(_ value: Double) -> Double { plot.x + x.fraction(value) * plot.width }
  func py(_ value: Double) -> Double { plot.maxY - y.fraction(value) * plot.height }

  /// Both axes: gridlines, tick labels, the axis lines and the axis labels.
  func drawAxes(into svg: inout SVGBuilder) {
    svg.beginGroup([("class", "axes")])
    drawYTicks(into: &svg)
    drawXTicks(into: &svg)
    svg.line(x1: plot.x, y1: plot.maxY, x2: plot.maxX, y2: plot.maxY, stroke: ChartStyle.axis, className: "axis")
    svg.line(x1: plot.x, y1: plot.y, x2: plot.x, y2: plot.maxY, stroke: ChartStyle.axis, className: "axis")
    drawXLabel(into: &svg)
    drawYLabel(into: &svg)
    svg.endGroup()
  }

  /// Horizontal gridlines at the y ticks, with their labels on the left.
  func drawYTicks(into svg: inout SVGBuilder) {
    for tick in y.ticks {
      let ty = py(tick.value)
      svg.line(x1: plot.x, y1: ty, x2: plot.maxX, y2: ty, stroke: ChartStyle.grid, className: "grid")
      svg.text(
        tick.label, x: plot.x - Self.tickGap, y: ty + 4, size: ChartStyle.tickSize, anchor: .end, fill: ChartStyle.muted,
        className: "y-tick")
    }
  }

  /// Tick labels below the plot (thinned so they do not overlap), with
  /// vertical gridlines unless the axis names categories.
  func drawXTicks(into svg: inout SVGBuilder) {
    let ticks = x.ticks
    let positions = ticks.map { px($0.value) }
    drawXLabels(zip(positions, ticks.map(\.label)).map { ($0, $1) }, gridlines: !x.isCategorical, into: &svg)
  }

  /// Labels below the plot at the given x positions, every n-th when they would overlap.
  func drawXLabels(_ labels: [(x: Double, text: String)], gridlines: Bool, into svg: inout SVGBuilder) {
    let spacing = labels.count > 1 ? abs(labels[1].x - labels[0].x) : plot.width
    let widest = labels.map { TextMetrics.width($0.text, size: ChartStyle.tickSize) }.max() ?? 0
    let every = max(1, Int(((widest + 10) / max(spacing, 1)).rounded(.up)))
    for (i, label) in labels.enumerated() where i % every == 0 {
      if gridlines {
        svg.line(x1: label.x, y1: plot.y, x2: label.x, y2: plot.maxY, stroke: ChartStyle.grid, className: "grid")
      }
      svg.text(
        label.text, x: label.x, y: plot.maxY + Self.tickGap + ChartStyle.tickSize, size: ChartStyle.tickSize,
        anchor: .middle, fill: ChartStyle.muted, className: "x-tick")
    }
  }

  func drawXLabel(into svg: inout SVGBuilder) {
    guard !x.label.isEmpty else { return }
    svg.text(
      x.label, x: plot.x + plot.width / 2, y: plot.maxY + Self.tickGap + ChartStyle.tickSize + 8 + ChartStyle.labelSize,
      size: ChartStyle.labelSize, anchor: .middle, className: "x-label")
  }

  func drawYLabel(into svg: inout SVGBuilder) {
    guard !y.label.isEmpty else { return }
    let labelX = plot.x - Self.tickGap - 4 - Self.tickLabelWidth(y) - 6
    svg.text(
      TextMetrics.fit(y.label, size: ChartStyle.labelSize, maxWidth: plot.height), x: labelX, y: plot.y + plot.height / 2,
      size: ChartStyle.labelSize, anchor: .middle, rotated: true, className: "y-label")
  }
}

extension Axis {
  var isCategorical: Bool {
    if case .categories = placement { return true }
    return false
  }
}
