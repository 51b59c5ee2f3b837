import Foundation

/// The distance between two ticks, `multiplier × 10^exponent` with
/// `multiplier` 1, 2 or 5: the steps people count in.
///
/// Ticks are computed as whole multiples of the step from integers
/// (`3 × 2 / 10`, not `0.2 + 0.2 + 0.2`), so they are the doubles closest
/// to the round numbers they stand for.
public struct TickStep: Sendable, Equatable {
  public let multiplier: Int
  public let exponent: Int

  public init(multiplier: Int, exponent: Int) {
    precondition([1, 2, 5].contains(multiplier), "a tick step's multiplier is 1, 2 or 5")
    self.multiplier = multiplier
    self.exponent = exponent
  }

  /// The step closest to `span / count`, as d3's `tickIncrement` chooses it:
  /// the raw step is rounded to 1, 2, 5 or 10 times its power of ten at the
  /// geometric means √2, √10 and √50.
  ///
  /// - Precondition: `span > 0`, `count ≥ 1`.
  public static func nice(span: Double, count: Int) -> TickStep {
    precondition(span > 0 && span.isFinite && count >= 1, "TickStep.nice needs a positive span and count")
    let raw = span / Double(count)
    var exponent = Int(log10(raw).rounded(.down))
    let residual = raw / power(exponent)
    let multiplier: Int
    if residual >= 50.0.squareRoot() {
      multiplier = 1
      exponent += 1
    } else if residual >= 10.0.squareRoot() {
      multiplier = 5
    } else if residual >= 2.0.squareRoot() {
      multiplier = 2
    } else {
      multiplier = 1
    }
    return TickStep(multiplier: multiplier, exponent: exponent)
  }

  /// The step as a number.
  public var value: Double { multiple(1) }

  /// `n` steps: `n × multiplier × 10^exponent`.
  public func multiple(_ n: Int) -> Double {
    exponent >= 0 ? Double(n * multiplier) * Self.power(exponent) : Double(n * multiplier) / Self.power(-exponent)
  }

  /// 10^e, exact for |e| ≤ 22.
  static func power(_ e: Int) -> Double {
    e >= 0 ? pow(10, Double(e)) : 1 / pow(10, Double(-e))
  }
}
