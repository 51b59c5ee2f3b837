/// One panel of a ``Figure``: a line chart, bar chart, heatmap or forest plot.
public protocol Chart: Sendable {
  /// The height the panel needs at `width` to be legible.
  func height(forWidth width: Double) -> Double
  /// Draws the panel, its title and legend included, inside `frame`.
  func draw(in frame: Frame, into svg: inout SVGBuilder)
}
