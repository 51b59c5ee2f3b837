import Charts
import Foundation
import Testing
import TestSupport

/// The x position of `value` on a log axis, read from two tick labels'
/// positions in the drawing: x(v) = x(a) + log(v / a) / log(b / a) · (x(b) − x(a)).
private func logPosition(_ value: Double, ticks: [(value: Double, x: Double)]) -> Double {
  let (a, b) = (ticks.first!, ticks.last!)
  return a.x + log(value / a.value) / log(b.value / a.value) * (b.x - a.x)
}

@Suite struct ChartSVGTests {
  let square = Axis.unitShare("false-positive rate")

  @Test("a line chart draws one polyline per series through its points, and a dot per point with markers")
  func lineChart() throws {
    let roc = [(0.0, 0.0), (0.0, 0.5), (0.25, 0.75), (0.5, 1.0), (1.0, 1.0)].map { (x: $0.0, y: $0.1) }
    let chart = LineChart(
      x: square, y: .unitShare("true-positive rate"),
      series: [.init(name: "model <AUC 0.9>", points: roc, color: ChartStyle.color(0), markers: true)],
      guides: [.init(name: "chance", from: (0, 0), to: (1, 1))], square: true)
    let svg = Figure(title: "ROC & more", panels: [chart], width: 600).svg
    let root = try #require(XMLTree.parse(svg))
    #expect(root.name == "svg")
    #expect(root.all("title").first?.text == "ROC & more")
    let line = try #require(root.all("polyline", class: "line").first)
    #expect(line.points.count == 5)
    #expect(line.all("title").first?.text == "model <AUC 0.9>")
    #expect(root.all("circle", class: "point").count == 5)
    // (0, 0) is the plot's lower left corner and (1, 1) its upper right, as the chance diagonal's ends.
    let guide = try #require(root.all("line", class: "guide").first)
    let (x0, y0, x1, y1) = (guide.number("x1")!, guide.number("y1")!, guide.number("x2")!, guide.number("y2")!)
    #expect(line.points.first!.x == x0 && line.points.first!.y == y0)
    #expect(line.points.last!.x == x1 && line.points.last!.y == y1)
    // Square: as wide as high. (0.25, 0.75) lies a quarter across and three quarters up.
    #expect(abs((x1 - x0) - (y0 - y1)) < 0.01)
    #expect(abs(line.points[2].x - (x0 + 0.25 * (x1 - x0))) <= 0.01)
    #expect(abs(line.points[2].y - (y0 - 0.75 * (y0 - y1))) <= 0.01)
    // Ticks every 20% on both axes.
    #expect(root.all("text", class: "x-tick").map(\.text) == ["0%", "20%", "40%", "60%", "80%", "100%"])
    #expect(root.all("text", class: "y-tick").map(\.text) == ["0%", "20%", "40%", "60%", "80%", "100%"])
  }

  @Test("a curve over many points is thinned to those at least half a pixel apart, ends kept")
  func thinning() throws {
    // 1,001 points on the diagonal of a plot a few hundred pixels wide: about one per pixel is left.
    let points = (0...1000).map { (x: Double($0) / 1000, y: Double($0) / 1000) }
    let chart = LineChart(
      x: square, y: .unitShare("y"), series: [.init(name: "s", points: points, color: "#000000")], square: true,
      legend: .none)
    let root = try #require(XMLTree.parse(Figure(title: "t", panels: [chart], width: 500).svg))
    let line = try #require(root.all("polyline", class: "line").first)
    let guideWidth = try #require(root.all("line", class: "axis").first.map { $0.number("x2")! - $0.number("x1")! })
    // Neighbours are w / 1000 apart across and up: every k-th point is kept, k = ⌈0.5 / (w / 1000)⌉, and the last.
    let k = (0.5 / (guideWidth / 1000)).rounded(.up)
    let expected = Int((1000 / k).rounded(.down)) + (1000.truncatingRemainder(dividingBy: k) == 0 ? 1 : 2)
    #expect(abs(line.points.count - expected) <= 1, "\(line.points.count) points, \(expected) expected")
    for (a, b) in zip(line.points, line.points.dropFirst()) { #expect(abs(b.x - a.x) >= 0.49 || abs(b.y - a.y) >= 0.49) }
  }

  @Test("a forest plot draws one interval per term, each odds ratio where the log axis puts it")
  func forestPlot() throws {
    let terms = [("a", 2.0, 1.5, 2.6), ("b", 0.5, 0.3, 0.9), ("c", 1.1, 0.8, 1.5), ("d", 8.0, 2.0, 500.0)]
    let axis = Axis(label: "odds ratio", placement: .log(LogScale(covering: 0.3, 500, limits: 0.1...20)))
    let plot = ForestPlot(
      rows: terms.map {
        .init(label: $0.0, estimate: $0.1, lower: $0.2, upper: $0.3, color: ChartStyle.color(0), highlighted: true, valueText: "\($0.1)")
      }, axis: axis)
    let root = try #require(XMLTree.parse(Figure(title: "Odds ratios", panels: [plot]).svg))
    let intervals = root.all("g", class: "interval")
    #expect(intervals.count == 4)
    #expect(intervals.map { $0.all("text", class: "term").first?.text } == ["a", "b", "c", "d"])
    let ticks = root.all("text", class: "x-tick").map { (value: Double($0.text)!, x: $0.number("x")!) }
    #expect(ticks.map(\.value) == [0.2, 0.5, 1, 2, 5, 10, 20])
    let reference = try #require(root.all("line", class: "reference").first?.number("x1"))
    #expect(abs(reference - logPosition(1, ticks: ticks)) < 0.02)
    for (interval, term) in zip(intervals, terms) {
      let estimate = try #require(interval.all("rect", class: "estimate").first)
      let centre = estimate.number("x")! + estimate.number("width")! / 2
      #expect(abs(centre - logPosition(term.1, ticks: ticks)) < 0.02, "\(term.0)")
      let ci = try #require(interval.all("line", class: "ci").first)
      #expect(abs(ci.number("x1")! - logPosition(term.2, ticks: ticks)) < 0.02, "\(term.0)")
    }
    // d's upper end lies beyond the axis (20): its interval stops at the edge with an arrow.
    #expect(intervals.map { $0.all("polygon", class: "clipped").count } == [0, 0, 0, 1])
    #expect(abs(intervals[3].all("line", class: "ci")[0].number("x2")! - logPosition(20, ticks: ticks)) < 0.02)
  }

  @Test("a bar chart's bars start at the baseline, their lengths proportional to the values")
  func barChart() throws {
    let chart = BarChart(
      categories: ["A", "B", "C & D"],
      series: [.init(name: "customers", values: [300, 150, nil], color: ChartStyle.color(0), labels: ["300", "150", "–"])],
      value: .linear("customers", covering: [300, 150]))
    let root = try #require(XMLTree.parse(Figure(title: "Tiers", panels: [chart]).svg))
    let bars = root.all("rect", class: "bar")
    #expect(bars.count == 2)
    #expect(bars.map { $0.number("x")! } == [bars[0].number("x")!, bars[0].number("x")!])
    #expect(abs(bars[0].number("width")! - 2 * bars[1].number("width")!) < 0.02)
    #expect(root.all("text", class: "category").map(\.text) == ["A", "B", "C & D"])
    #expect(root.all("text", class: "x-tick").map(\.text) == ["0", "50", "100", "150", "200", "250", "300"])
  }

  @Test("a heatmap draws a cell per known value, darker for higher values, blank where unknown")
  func heatmap() throws {
    let map = Heatmap(
      rowLabels: ["2025-01", "2025-02"], columnLabels: ["1", "2"], values: [[0.5, 0.25], [0.4, nil]],
      rowAxisLabel: "cohort", columnAxisLabel: "months", scale: LinearScale(nice: 0, 0.5), format: .percent,
      cellText: { "\(Int($0 * 100))%" })
    let root = try #require(XMLTree.parse(Figure(title: "Cohorts", panels: [map]).svg))
    let cells = root.all("rect", class: "cell")
    #expect(cells.count == 3)
    #expect(cells.map { $0.attributes["fill"] } == [ColorRamp.blues(1), ColorRamp.blues(0.5), ColorRamp.blues(0.8)])
    #expect(root.all("text", class: "cell-text").map(\.text) == ["50%", "25%", "40%"])
    #expect(cells[0].all("title").first?.text == "2025-01 · 1: 50%")
  }

  @Test("the same figure gives the same bytes; Chinese text is kept as written")
  func deterministic() {
    func figure() -> String {
      Figure(
        title: "月度趋势", subtitle: "订单 <含退款>",
        panels: [
          LineChart(
            x: Axis(label: "月份", placement: .categories(["2025-01", "2025-02", "2025-03"])),
            y: .linear("金额", covering: [12_000, 56_000], format: .number(.chinese)),
            series: [.init(name: "金额", points: [(0, 12_000), (1, 34_000), (2, 56_000)], color: ChartStyle.color(2))])
        ]
      ).svg
    }
    let svg = figure()
    #expect(svg == figure())
    #expect(svg.contains(">月度趋势</text>"))
    #expect(svg.contains("订单 &lt;含退款&gt;"))
    #expect(svg.contains(">6万</text>"))
    #expect(XMLTree.parse(svg) != nil)
  }
}
