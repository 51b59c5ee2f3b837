/// Lines through points on two axes: trends over months, ROC and gains
/// curves, calibration, scores across k.
public struct LineChart: Chart {
  /// One line.
  public struct Series: Sendable {
    public var name: String
    /// Data coordinates, in drawing order.
    public var points: [(x: Double, y: Double)]
    public var color: String
    public var dashed: Bool
    /// A dot at every point, with its tooltip from ``tooltips``.
    public var markers: Bool
    /// One tooltip per point, for the markers.
    public var tooltips: [String]?

    public init(
      name: String, points: [(x: Double, y: Double)], color: String, dashed: Bool = false, markers: Bool = false,
      tooltips: [String]? = nil
    ) {
      self.name = name
      self.points = points
      self.color = color
      self.dashed = dashed
      self.markers = markers
      self.tooltips = tooltips
    }
  }

  /// A straight grey line between two data points, such as the diagonal of
  /// a model no better than chance.
  public struct Guide: Sendable {
    public var name: String
    public var from: (x: Double, y: Double)
    public var to: (x: Double, y: Double)

    public init(name: String, from: (x: Double, y: Double), to: (x: Double, y: Double)) {
      self.name = name
      self.from = from
      self.to = to
    }
  }

  /// A labelled vertical line at one x, such as the k chosen.
  public struct Marker: Sendable {
    public var x: Double
    public var label: String

    public init(x: Double, label: String) {
      self.x = x
      self.label = label
    }
  }

  /// Where the legend goes.
  public enum LegendPlacement: Sendable {
    case none
    case top
    /// Inside the plot's lower right corner, which ROC and gains curves leave empty.
    case insideBottomRight
  }

  public var title: String?
  public var x: Axis
  public var y: Axis
  public var series: [Series]
  public var guides: [Guide]
  public var markers: [Marker]
  /// A plot as wide as high, for curves whose axes are the same unit (ROC, calibration).
  public var square: Bool
  public var legend: LegendPlacement
  /// The panel's preferred height.
  public var preferredHeight: Double

  public init(
    title: String? = nil, x: Axis, y: Axis, series: [Series], guides: [Guide] = [], markers: [Marker] = [],
    square: Bool = false, legend: LegendPlacement = .top, preferredHeight: Double = 260
  ) {
    self.title = title
    self.x = x
    self.y = y
    self.series = series
    self.guides = guides
    self.markers = markers
    self.square = square
    self.legend = legend
    self.preferredHeight = preferredHeight
  }

  var legendEntries: [LegendEntry] {
    series.map { LegendEntry($0.name, color: $0.color, symbol: $0.dashed ? .dashedLine : .line) }
      + guides.map { LegendEntry($0.name, color: ChartStyle.reference, symbol: .dashedLine) }
  }

  public func height(forWidth width: Double) -> Double {
    square ? max(preferredHeight, min(width, 520) + 60) : preferredHeight
  }

  public func draw(in frame: Frame, into svg: inout SVGBuilder) {
    let entries = legend == .top ? legendEntries : []
    let area = PanelHeader.draw(title: title, legend: entries, in: frame, into: &svg)
    let plot = CartesianPlot(x: x, y: y, in: area, square: square)
    plot.drawAxes(into: &svg)
    for guide in guides {
      svg.line(
        x1: plot.px(guide.from.x), y1: plot.py(guide.from.y), x2: plot.px(guide.to.x), y2: plot.py(guide.to.y),
        stroke: ChartStyle.reference, width: 1.5, dashed: true, className: "guide", title: guide.name)
    }
    for marker in markers {
      let mx = plot.px(marker.x)
      svg.line(
        x1: mx, y1: plot.plot.y, x2: mx, y2: plot.plot.maxY, stroke: ChartStyle.reference, width: 1.5, dashed: true,
        className: "marker")
      svg.text(
        marker.label, x: mx + 5, y: plot.plot.y + 14, size: ChartStyle.valueSize, fill: ChartStyle.text,
        className: "marker-label")
    }
    for series in series {
      let pixels = series.points.map { (x: plot.px(x.clamped($0.x)), y: plot.py(y.clamped($0.y))) }
      svg.beginGroup([("class", "series")])
      if pixels.count > 1 {
        svg.polyline(
          Self.thinned(pixels), stroke: series.color, width: 2.5, dashed: series.dashed, className: "line",
          title: series.name)
      }
      if series.markers || pixels.count == 1 {
        for (i, p) in pixels.enumerated() {
          svg.circle(
            x: p.x, y: p.y, radius: 4, fill: series.color, stroke: ChartStyle.background, className: "point",
            title: series.tooltips?[i] ?? series.name)
        }
      }
      svg.endGroup()
    }
    if legend == .insideBottomRight {
      let all = legendEntries
      let width = (all.map(\.width).max() ?? 0) + 16
      let box = Frame(
        x: plot.plot.maxX - width - 8, y: plot.plot.maxY - Double(all.count) * LegendEntry.rowHeight - 20, width: width,
        height: Double(all.count) * LegendEntry.rowHeight + 12)
      svg.element(
        "rect",
        [
          ("x", SVGBuilder.number(box.x)), ("y", SVGBuilder.number(box.y)), ("width", SVGBuilder.number(box.width)),
          ("height", SVGBuilder.number(box.height)), ("fill", ChartStyle.background), ("fill-opacity", "0.9"),
          ("stroke", ChartStyle.grid),
        ])
      // One entry per row: the box is sized for the widest.
      for (i, entry) in all.enumerated() {
        LegendEntry.draw(
          [entry], x: box.x + 8, top: box.y + 6 + Double(i) * LegendEntry.rowHeight, width: .infinity, into: &svg)
      }
    }
  }

  /// The points without those less than half a pixel from the last one
  /// kept (the first and last always stay): a curve over thousands of
  /// customers draws the same with a few hundred points.
  static func thinned(_ points: [(x: Double, y: Double)], tolerance: Double = 0.5) -> [(x: Double, y: Double)] {
    guard points.count > 2 else { return points }
    var kept = [points[0]]
    for p in points.dropFirst().dropLast() {
      let last = kept[kept.count - 1]
      if abs(p.x - last.x) >= tolerance || abs(p.y - last.y) >= tolerance { kept.append(p) }
    }
    kept.append(points[points.count - 1])
    return kept
  }
}
