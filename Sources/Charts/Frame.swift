/// A rectangle in SVG user units (pixels), y growing downwards.
public struct Frame: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public var width: Double
  public var height: Double

  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  public var maxX: Double { x + width }
  public var maxY: Double { y + height }

  /// The frame shrunk by the given margins.
  public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Frame {
    Frame(x: x + left, y: y + top, width: max(0, width - left - right), height: max(0, height - top - bottom))
  }
}
