/// A linear axis: data values in ``domain`` map to 0…1 along the axis, and
/// ``ticks`` are round numbers, every one inside the domain.
public struct LinearScale: Sendable, Equatable {
  public let domain: ClosedRange<Double>
  public let ticks: [Double]
  public let step: TickStep

  /// A domain widened to whole steps around `lower…upper`, about `count`
  /// ticks apart (fewer or more by the rounding of the step).
  ///
  /// `0…97` → `0…100`, ticks every 20; `0.13…0.87` → `0…1`, every 0.2.
  /// An empty span is widened around its value (`5…5` → `4…6`; `0…0` → `0…1`).
  public init(nice lower: Double, _ upper: Double, count: Int = 5) {
    var (a, b) = (min(lower, upper), max(lower, upper))
    if !(a.isFinite && b.isFinite) { (a, b) = (0, 1) }
    if a == b { (a, b) = a == 0 ? (0, 1) : (a - abs(a) * 0.2, b + abs(b) * 0.2) }
    let step = TickStep.nice(span: b - a, count: count)
    let first = Int((a / step.value).rounded(.down))
    let last = Int((b / step.value).rounded(.up))
    self.init(step: step, from: first, to: last)
  }

  /// A fixed domain with ticks every `step` from its lower end: `0…1` every 0.2.
  public init(fixed domain: ClosedRange<Double>, step: TickStep) {
    let first = Int((domain.lowerBound / step.value).rounded())
    let last = Int((domain.upperBound / step.value).rounded())
    self.init(step: step, from: first, to: last)
  }

  private init(step: TickStep, from first: Int, to last: Int) {
    self.step = step
    ticks = (first...last).map(step.multiple)
    domain = ticks.first!...ticks.last!
  }

  /// Where `value` falls: 0 at the domain's lower end, 1 at its upper end
  /// (beyond for values outside).
  public func fraction(_ value: Double) -> Double {
    (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
  }
}
