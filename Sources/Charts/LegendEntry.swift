/// One key of a legend: a coloured symbol and what it stands for.
public struct LegendEntry: Sendable, Equatable {
  /// How the symbol is drawn: as the series is.
  public enum Symbol: Sendable, Equatable {
    case line
    case dashedLine
    case box
    case dot
  }

  public var name: String
  public var color: String
  public var symbol: Symbol

  public init(_ name: String, color: String, symbol: Symbol) {
    self.name = name
    self.color = color
    self.symbol = symbol
  }

  static let symbolWidth = 20.0
  static let rowHeight = 18.0
  static let gap = 16.0

  var width: Double { Self.symbolWidth + 6 + TextMetrics.width(name, size: ChartStyle.legendSize) }

  /// The rows `entries` wrap into within `width`.
  static func rows(_ entries: [LegendEntry], width: Double) -> [[LegendEntry]] {
    var rows: [[LegendEntry]] = []
    var used = 0.0
    for entry in entries {
      if rows.isEmpty || (used > 0 && used + entry.width > width) {
        rows.append([])
        used = 0
      }
      rows[rows.count - 1].append(entry)
      used += entry.width + gap
    }
    return rows
  }

  /// The height of the legend of `entries` wrapped within `width`.
  static func height(_ entries: [LegendEntry], width: Double) -> Double {
    Double(rows(entries, width: width).count) * rowHeight
  }

  /// Draws the legend with its first row's top at `top`, rows starting at `x`.
  static func draw(_ entries: [LegendEntry], x: Double, top: Double, width: Double, into svg: inout SVGBuilder) {
    svg.beginGroup([("class", "legend")])
    for (r, row) in rows(entries, width: width).enumerated() {
      var left = x
      let middle = top + Double(r) * rowHeight + rowHeight / 2
      for entry in row {
        switch entry.symbol {
        case .line, .dashedLine:
          svg.line(
            x1: left, y1: middle, x2: left + symbolWidth, y2: middle, stroke: entry.color, width: 2.5,
            dashed: entry.symbol == .dashedLine)
        case .box:
          svg.rect(Frame(x: left + 4, y: middle - 6, width: 12, height: 12), fill: entry.color)
        case .dot:
          svg.circle(x: left + symbolWidth / 2, y: middle, radius: 4.5, fill: entry.color)
        }
        svg.text(entry.name, x: left + symbolWidth + 6, y: middle + 4, size: ChartStyle.legendSize, fill: ChartStyle.text)
        left += entry.width + gap
      }
    }
    svg.endGroup()
  }
}
