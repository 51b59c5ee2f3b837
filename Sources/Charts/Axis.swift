/// One axis of a chart: what it measures (its label, with units), how
/// values map onto it and how its ticks are spelled.
public struct Axis: Sendable {
  /// How values are placed along the axis.
  public enum Placement: Sendable {
    case linear(LinearScale)
    case log(LogScale)
    /// Named positions 0, 1, … (months, deciles): labels are thinned to fit.
    case categories([String])
  }

  public var label: String
  public var placement: Placement
  public var format: TickFormat

  public init(label: String, placement: Placement, format: TickFormat = .number(.western)) {
    self.label = label
    self.placement = placement
    self.format = format
  }

  /// A linear axis over `values` (and 0 when `includeZero`), widened to round ticks.
  public static func linear(
    _ label: String, covering values: [Double], includeZero: Bool = true, format: TickFormat = .number(.western),
    ticks: Int = 5
  ) -> Axis {
    let finite = values.filter(\.isFinite) + (includeZero ? [0] : [])
    let scale = LinearScale(nice: finite.min() ?? 0, finite.max() ?? 1, count: ticks)
    return Axis(label: label, placement: .linear(scale), format: format)
  }

  /// A share axis from 0 to 100%, ticks every 20%.
  public static func unitShare(_ label: String) -> Axis {
    Axis(
      label: label, placement: .linear(LinearScale(fixed: 0...1, step: TickStep(multiplier: 2, exponent: -1))),
      format: .percent)
  }

  /// Where `value` falls along the axis, 0…1.
  public func fraction(_ value: Double) -> Double {
    switch placement {
    case .linear(let scale): scale.fraction(value)
    case .log(let scale): scale.fraction(value)
    case .categories(let names): names.count > 1 ? value / Double(names.count - 1) : 0.5
    }
  }

  /// The tick values and their labels.
  public var ticks: [(value: Double, label: String)] {
    switch placement {
    case .linear(let scale):
      return Array(zip(scale.ticks, format.labels(scale.ticks) { _ in scale.step.exponent }))
    case .log(let scale):
      return Array(zip(scale.ticks, format.labels(scale.ticks, exponent: LogScale.exponent)))
    case .categories(let names):
      return names.enumerated().map { (Double($0.offset), $0.element) }
    }
  }

  /// The values the axis spans.
  public var domain: ClosedRange<Double> {
    switch placement {
    case .linear(let scale): scale.domain
    case .log(let scale): scale.domain
    case .categories(let names): 0...Double(max(names.count - 1, 0))
    }
  }

  /// `value` moved into the domain (marks beyond it are drawn at its edge).
  func clamped(_ value: Double) -> Double {
    min(max(value, domain.lowerBound), domain.upperBound)
  }
}
