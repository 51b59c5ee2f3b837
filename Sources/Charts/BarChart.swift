/// Bars for named categories: counts per class, lift per decile, a
/// segment's ratios to the base. Several series make grouped bars.
///
/// Bars start at ``baseline`` (0 on a linear axis, 1 for ratios on a log
/// axis, where bars below 1 point the other way) and stop at the value,
/// clamped to the axis.
public struct BarChart: Chart {
  public enum Orientation: Sendable {
    /// Categories down the left, bars to the right: long or many labels.
    case horizontal
    /// Categories along the bottom: few, short labels such as deciles.
    case vertical
  }

  /// One bar per category.
  public struct Series: Sendable {
    public var name: String
    /// `nil` leaves the category without a bar.
    public var values: [Double?]
    public var color: String
    /// Text at the end of each bar (`1,204 (23.4%)`).
    public var labels: [String]?

    public init(name: String, values: [Double?], color: String, labels: [String]? = nil) {
      self.name = name
      self.values = values
      self.color = color
      self.labels = labels
    }
  }

  /// A labelled line across the bars at one value (lift 1 = the base rate).
  public struct Reference: Sendable {
    public var value: Double
    public var name: String

    public init(value: Double, name: String) {
      self.value = value
      self.name = name
    }
  }

  public var title: String?
  public var categories: [String]
  public var series: [Series]
  public var value: Axis
  /// The label of the category axis ("" for none).
  public var categoryLabel: String
  public var orientation: Orientation
  public var baseline: Double
  public var reference: Reference?

  public init(
    title: String? = nil, categories: [String], series: [Series], value: Axis, categoryLabel: String = "",
    orientation: Orientation = .horizontal, baseline: Double = 0, reference: Reference? = nil
  ) {
    self.title = title
    self.categories = categories
    self.series = series
    self.value = value
    self.categoryLabel = categoryLabel
    self.orientation = orientation
    self.baseline = baseline
    self.reference = reference
  }

  var legendEntries: [LegendEntry] {
    (series.count > 1 ? series.map { LegendEntry($0.name, color: $0.color, symbol: .box) } : [])
      + (reference.map { [LegendEntry($0.name, color: ChartStyle.reference, symbol: .dashedLine)] } ?? [])
  }

  static let barThickness = 18.0
  static let bandGap = 10.0

  public func height(forWidth width: Double) -> Double {
    let header = PanelHeader.height(title: title, legend: legendEntries, width: width)
    switch orientation {
    case .horizontal:
      let band = Double(series.count) * Self.barThickness + Self.bandGap
      return header + 8 + Double(categories.count) * band + CartesianPlot.bottomMargin(value) + 4
    case .vertical:
      return header + 270
    }
  }

  /// The widest value label, which the plot leaves room for beside the bars.
  private var labelReserve: Double {
    let widths = series.flatMap { $0.labels ?? [] }.map { TextMetrics.width($0, size: ChartStyle.valueSize) }
    return widths.isEmpty ? 0 : (widths.max() ?? 0) + 8
  }

  /// Bars point below the baseline only when the axis reaches below it.
  private var pointsBothWays: Bool { value.domain.lowerBound < baseline }

  public func draw(in frame: Frame, into svg: inout SVGBuilder) {
    let area = PanelHeader.draw(title: title, legend: legendEntries, in: frame, into: &svg)
    switch orientation {
    case .horizontal: drawHorizontal(in: area, into: &svg)
    case .vertical: drawVertical(in: area, into: &svg)
    }
  }

  private func tooltip(_ series: Series, _ c: Int) -> String {
    "\(categories[c]) · \(series.name): \(series.labels?[c] ?? "")"
  }

  private func drawHorizontal(in area: Frame, into svg: inout SVGBuilder) {
    let labelColumn = min(
      (categories.map { TextMetrics.width($0, size: ChartStyle.labelSize) }.max() ?? 0) + 12, area.width * 0.5)
    let reserve = labelReserve
    let before = pointsBothWays ? reserve : 0
    let plot = area.inset(top: 8, left: labelColumn + before, bottom: CartesianPlot.bottomMargin(value), right: reserve)
    let axes = CartesianPlot(x: value, y: Axis(label: "", placement: .categories([])), plot: plot)
    svg.beginGroup([("class", "axes")])
    axes.drawXTicks(into: &svg)
    axes.drawXLabel(into: &svg)
    svg.endGroup()
    let band = plot.height / Double(max(categories.count, 1))
    let thickness = min(band * 0.8, Double(series.count) * Self.barThickness) / Double(max(series.count, 1))
    let base = axes.px(value.clamped(baseline))
    for c in categories.indices {
      let top = plot.y + Double(c) * band + (band - thickness * Double(series.count)) / 2
      svg.text(
        TextMetrics.fit(categories[c], size: ChartStyle.labelSize, maxWidth: labelColumn - 12), x: plot.x - 8 - before,
        y: plot.y + (Double(c) + 0.5) * band + 4.5, size: ChartStyle.labelSize, anchor: .end, className: "category")
      for (s, series) in series.enumerated() {
        guard c < series.values.count, let v = series.values[c], v.isFinite else { continue }
        let end = axes.px(value.clamped(v))
        let y = top + Double(s) * thickness
        svg.rect(
          Frame(x: min(base, end), y: y, width: abs(end - base), height: thickness - 2), fill: series.color,
          className: "bar", title: tooltip(series, c))
        if let text = series.labels?[c] {
          let forward = end >= base
          svg.text(
            text, x: end + (forward ? 5 : -5), y: y + thickness / 2 + 3, size: ChartStyle.valueSize,
            anchor: forward ? .start : .end, className: "value")
        }
      }
    }
    if let reference {
      let rx = axes.px(reference.value)
      svg.line(
        x1: rx, y1: plot.y, x2: rx, y2: plot.maxY, stroke: ChartStyle.reference, width: 1.5, dashed: true,
        className: "reference", title: reference.name)
    }
    svg.line(x1: base, y1: plot.y, x2: base, y2: plot.maxY, stroke: ChartStyle.axis, className: "baseline")
  }

  private func drawVertical(in area: Frame, into svg: inout SVGBuilder) {
    let x = Axis(label: categoryLabel, placement: .categories(categories))
    let plot = area.inset(top: 20, left: CartesianPlot.leftMargin(value), bottom: CartesianPlot.bottomMargin(x), right: 10)
    let axes = CartesianPlot(x: x, y: value, plot: plot)
    let band = plot.width / Double(max(categories.count, 1))
    svg.beginGroup([("class", "axes")])
    axes.drawYTicks(into: &svg)
    axes.drawXLabels(
      categories.indices.map { (plot.x + (Double($0) + 0.5) * band, categories[$0]) }, gridlines: false, into: &svg)
    axes.drawXLabel(into: &svg)
    axes.drawYLabel(into: &svg)
    svg.endGroup()
    let thickness = band * 0.75 / Double(max(series.count, 1))
    let base = axes.py(value.clamped(baseline))
    for c in categories.indices {
      let left = plot.x + Double(c) * band + band * 0.125
      for (s, series) in series.enumerated() {
        guard c < series.values.count, let v = series.values[c], v.isFinite else { continue }
        let end = axes.py(value.clamped(v))
        let x = left + Double(s) * thickness
        svg.rect(
          Frame(x: x, y: min(base, end), width: thickness - 2, height: abs(end - base)), fill: series.color,
          className: "bar", title: tooltip(series, c))
        if let text = series.labels?[c], TextMetrics.width(text, size: ChartStyle.valueSize) <= thickness + 4 {
          svg.text(
            text, x: x + thickness / 2 - 1, y: min(base, end) - 4, size: ChartStyle.valueSize, anchor: .middle,
            className: "value")
        }
      }
    }
    if let reference {
      let ry = axes.py(reference.value)
      svg.line(
        x1: plot.x, y1: ry, x2: plot.maxX, y2: ry, stroke: ChartStyle.reference, width: 1.5, dashed: true,
        className: "reference", title: reference.name)
    }
    svg.line(x1: plot.x, y1: base, x2: plot.maxX, y2: base, stroke: ChartStyle.axis, className: "baseline")
  }
}
