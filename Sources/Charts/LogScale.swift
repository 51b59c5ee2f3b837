import Foundation

/// A logarithmic axis, for ratios (odds ratios, a segment's value over the
/// base's): equal distances are equal factors, so ×2 and ×½ lie the same
/// distance either side of 1. Ticks are 1, 2, 5 times powers of ten, or
/// powers of ten alone when those would be too many.
public struct LogScale: Sendable, Equatable {
  public let domain: ClosedRange<Double>
  public let ticks: [Double]

  /// The tick values 1, 2, 5 × 10^e, ascending.
  private static func candidate(_ index: Int) -> Double {
    let e = Int((Double(index) / 3).rounded(.down))
    let m = [1, 2, 5][index - 3 * e]
    return e >= 0 ? Double(m) * TickStep.power(e) : Double(m) / TickStep.power(-e)
  }

  /// The index of the largest candidate ≤ `value`.
  private static func index(atOrBelow value: Double) -> Int {
    var i = 3 * Int((log10(value) + 1e-9).rounded(.down))
    while candidate(i + 1) <= value { i += 1 }
    while candidate(i) > value { i -= 1 }
    return i
  }

  /// The narrowest 1-2-5 domain holding `lower…upper` and `including`,
  /// clamped to `limits`.
  ///
  /// `0.63…3.1` → `0.5…5`, ticks 0.5, 1, 2, 5. With more than `maxTicks`
  /// ticks only the powers of ten inside are ticked: `0.013…40` →
  /// `0.01…50`, ticks 0.01, 0.1, 1, 10; with `maxTicks` 3, `0.3…4` →
  /// `0.2…5`, ticks 1 alone would be too few, so the domain widens to
  /// `0.1…10`, ticks 0.1, 1, 10.
  ///
  /// - Precondition: the values and limits are positive.
  public init(
    covering lower: Double, _ upper: Double, including: Double = 1, limits: ClosedRange<Double> = 1e-3...1e3,
    maxTicks: Int = 9
  ) {
    precondition(limits.lowerBound > 0, "a log scale needs positive limits")
    let values = [lower, upper, including].filter { $0 > 0 && $0.isFinite }
    let a = min(max(values.min() ?? 1, limits.lowerBound), limits.upperBound)
    let b = max(min(values.max() ?? 1, limits.upperBound), limits.lowerBound)
    var first = Self.index(atOrBelow: a)
    var last = Self.index(atOrBelow: b)
    if Self.candidate(last) < b { last += 1 }
    if first == last { (first, last) = (first - 1, last + 1) }
    guard last - first + 1 > maxTicks else {
      ticks = (first...last).map(Self.candidate)
      domain = ticks.first!...ticks.last!
      return
    }
    // Too many: tick the powers of ten inside, widening to them only when
    // fewer than two lie inside.
    let decades = stride(from: 3 * Int((Double(first) / 3).rounded(.up)), through: last, by: 3).map(Self.candidate)
    if decades.count >= 2 {
      ticks = decades
      domain = Self.candidate(first)...Self.candidate(last)
    } else {
      first = 3 * Int((Double(first) / 3).rounded(.down))
      last = 3 * Int((Double(last) / 3).rounded(.up))
      ticks = stride(from: first, through: last, by: 3).map(Self.candidate)
      domain = ticks.first!...ticks.last!
    }
  }

  /// Where `value` falls: 0 at the domain's lower end, 1 at its upper end.
  public func fraction(_ value: Double) -> Double {
    log(value / domain.lowerBound) / log(domain.upperBound / domain.lowerBound)
  }

  /// The power of ten of a tick's one significant digit (0.05 → −2).
  static func exponent(_ tick: Double) -> Int {
    // The nudge keeps 0.001, whose log10 may land a hair below −3, at −3.
    Int((log10(tick) + 1e-9).rounded(.down))
  }
}
