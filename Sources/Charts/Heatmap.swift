/// A grid of coloured cells, one per row and column (cohort × months since
/// first purchase), darker for higher values, with a colour key.
public struct Heatmap: Chart {
  public var title: String?
  public var rowLabels: [String]
  public var columnLabels: [String]
  /// `values[row][column]`; `nil` leaves the cell blank (not yet observed).
  public var values: [[Double?]]
  public var rowAxisLabel: String
  public var columnAxisLabel: String
  /// The values the colours span; larger values take the darkest colour.
  public var scale: LinearScale
  public var format: TickFormat
  /// The text in a cell and its tooltip, for cells large enough to hold it.
  public var cellText: @Sendable (Double) -> String

  public init(
    title: String? = nil, rowLabels: [String], columnLabels: [String], values: [[Double?]], rowAxisLabel: String,
    columnAxisLabel: String, scale: LinearScale, format: TickFormat, cellText: @escaping @Sendable (Double) -> String
  ) {
    self.title = title
    self.rowLabels = rowLabels
    self.columnLabels = columnLabels
    self.values = values
    self.rowAxisLabel = rowAxisLabel
    self.columnAxisLabel = columnAxisLabel
    self.scale = scale
    self.format = format
    self.cellText = cellText
  }

  static let rowHeight = 22.0
  static let keyWidth = 14.0

  public func height(forWidth width: Double) -> Double {
    PanelHeader.height(title: title, legend: [], width: width) + 8 + Double(rowLabels.count) * Self.rowHeight
      + CartesianPlot.bottomMargin(columnAxis) + 4
  }

  private var columnAxis: Axis { Axis(label: columnAxisLabel, placement: .categories(columnLabels)) }
  private var keyAxis: Axis { Axis(label: "", placement: .linear(scale), format: format) }

  public func draw(in frame: Frame, into svg: inout SVGBuilder) {
    let area = PanelHeader.draw(title: title, legend: [], in: frame, into: &svg)
    let rowLabelWidth = (rowLabels.map { TextMetrics.width($0, size: ChartStyle.tickSize) }.max() ?? 0) + 8
    let keyRoom = Self.keyWidth + 10 + CartesianPlot.tickLabelWidth(keyAxis) + 16
    let left = rowLabelWidth + (rowAxisLabel.isEmpty ? 0 : ChartStyle.labelSize + 10)
    let plot = area.inset(top: 8, left: left, bottom: CartesianPlot.bottomMargin(columnAxis), right: keyRoom)
    let cellWidth = plot.width / Double(max(columnLabels.count, 1))
    let cellHeight = plot.height / Double(max(rowLabels.count, 1))
    let showText = cellWidth >= 30 && cellHeight >= 16
    let axes = CartesianPlot(x: columnAxis, y: Axis(label: rowAxisLabel, placement: .categories([])), plot: plot)
    svg.beginGroup([("class", "axes")])
    axes.drawXLabels(
      columnLabels.indices.map { (plot.x + (Double($0) + 0.5) * cellWidth, columnLabels[$0]) }, gridlines: false, into: &svg)
    axes.drawXLabel(into: &svg)
    if !rowAxisLabel.isEmpty {
      svg.text(
        TextMetrics.fit(rowAxisLabel, size: ChartStyle.labelSize, maxWidth: plot.height), x: area.x + ChartStyle.labelSize,
        y: plot.y + plot.height / 2, size: ChartStyle.labelSize, anchor: .middle, rotated: true, className: "y-label")
    }
    for (r, label) in rowLabels.enumerated() {
      svg.text(
        label, x: plot.x - 6, y: plot.y + (Double(r) + 0.5) * cellHeight + 4, size: ChartStyle.tickSize, anchor: .end,
        fill: ChartStyle.muted, className: "y-tick")
    }
    svg.endGroup()
    svg.beginGroup([("class", "cells")])
    for (r, row) in values.enumerated() {
      for (c, value) in row.enumerated() {
        guard let value, value.isFinite else { continue }
        let t = scale.fraction(value)
        let cell = Frame(
          x: plot.x + Double(c) * cellWidth, y: plot.y + Double(r) * cellHeight, width: cellWidth - 1,
          height: cellHeight - 1)
        let text = cellText(value)
        svg.rect(cell, fill: ColorRamp.blues(t), className: "cell", title: "\(rowLabels[r]) · \(columnLabels[c]): \(text)")
        if showText {
          svg.text(
            text, x: cell.x + cell.width / 2, y: cell.y + cell.height / 2 + 4, size: ChartStyle.valueSize,
            anchor: .middle, fill: ColorRamp.needsLightText(t) ? "#FFFFFF" : ChartStyle.text, className: "cell-text")
        }
      }
    }
    svg.endGroup()
    drawKey(x: plot.maxX + 12, top: plot.y, height: min(plot.height, 220), into: &svg)
  }

  /// The colour key: ten steps of the ramp with the scale's ticks beside it.
  private func drawKey(x: Double, top: Double, height: Double, into svg: inout SVGBuilder) {
    svg.beginGroup([("class", "key")])
    let steps = 10
    for i in 0..<steps {
      let t = (Double(i) + 0.5) / Double(steps)
      let y = top + height - Double(i + 1) * height / Double(steps)
      svg.rect(Frame(x: x, y: y, width: Self.keyWidth, height: height / Double(steps) + 0.5), fill: ColorRamp.blues(t))
    }
    for tick in keyAxis.ticks {
      let y = top + height - scale.fraction(tick.value) * height
      svg.text(tick.label, x: x + Self.keyWidth + 5, y: y + 4, size: ChartStyle.tickSize, fill: ChartStyle.muted, className: "key-tick")
    }
    svg.endGroup()
  }
}
