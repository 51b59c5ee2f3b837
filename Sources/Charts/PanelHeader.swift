/// The top of a panel: its title and its legend.
enum PanelHeader {
  static func height(title: String?, legend: [LegendEntry], width: Double) -> Double {
    (title == nil ? 0 : 24) + (legend.isEmpty ? 0 : LegendEntry.height(legend, width: width) + 6)
  }

  /// Draws the title and legend at the top of `frame` and returns what is left below them.
  static func draw(title: String?, legend: [LegendEntry], in frame: Frame, into svg: inout SVGBuilder) -> Frame {
    var top = frame.y
    if let title {
      svg.text(
        TextMetrics.fit(title, size: ChartStyle.panelTitleSize, maxWidth: frame.width), x: frame.x, y: top + 16,
        size: ChartStyle.panelTitleSize, bold: true, className: "panel-title")
      top += 24
    }
    if !legend.isEmpty {
      LegendEntry.draw(legend, x: frame.x, top: top, width: frame.width, into: &svg)
      top += LegendEntry.height(legend, width: frame.width) + 6
    }
    return frame.inset(top: top - frame.y)
  }
}
