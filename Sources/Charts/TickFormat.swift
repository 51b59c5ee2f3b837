import Foundation

/// How an axis spells its tick values.
public enum TickFormat: Sendable, Equatable {
  /// Numbers with thousands separators; from 10,000 up in the units of
  /// `units` (`20k`, `1.5M` or `2万`, `1.5亿`).
  case number(NumberUnits)
  /// Shares as percentages: 0.25 → `25%`.
  case percent
  /// Ratios as factors: 2 → `×2`, 0.5 → `×0.5`.
  case multiplier

  /// Whose units large numbers are counted in.
  public enum NumberUnits: Sendable, Equatable {
    /// Thousands, millions, billions: k, M, B.
    case western
    /// 万 (10⁴) and 亿 (10⁸).
    case chinese
  }

  /// The labels of `ticks`. `exponent` gives the power of ten of a tick's
  /// last significant digit (the step's, on a linear axis), which decides
  /// its decimals. All large numbers of one axis share one unit, the one
  /// its largest tick needs. Zero is always `0`.
  public func labels(_ ticks: [Double], exponent: (Double) -> Int) -> [String] {
    switch self {
    case .percent:
      return ticks.map { $0 == 0 ? "0%" : Self.fixed($0 * 100, max(0, -exponent($0) - 2)) + "%" }
    case .multiplier:
      return ticks.map { "×" + Self.fixed($0, max(0, -exponent($0))) }
    case .number(let units):
      let largest = ticks.map(abs).max() ?? 0
      let unit = units.unit(for: largest)
      return ticks.map { tick in
        guard tick != 0 else { return "0" }
        guard let unit else { return Self.grouped(Self.fixed(tick, max(0, -exponent(tick)))) }
        let places = max(0, unit.exponent - exponent(tick))
        return Self.grouped(Self.fixed(tick / TickStep.power(unit.exponent), places)) + unit.suffix
      }
    }
  }

  /// `value` with exactly `decimals` decimals, without a minus on zero.
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    let text = String(format: "%.*f", decimals, value)
    let isZero = !text.utf8.contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
    return isZero && text.hasPrefix("-") ? String(text.dropFirst()) : text
  }

  /// `12345.5` → `12,345.5`.
  static func grouped(_ text: String) -> String {
    let negative = text.hasPrefix("-")
    let body = negative ? text.dropFirst() : Substring(text)
    let integer = body.prefix { $0 != "." }
    let rest = body.dropFirst(integer.count)
    var out = ""
    for (i, c) in integer.enumerated() {
      if i > 0 && (integer.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (negative ? "-" : "") + out + rest
  }
}

extension TickFormat.NumberUnits {
  /// The unit an axis whose largest tick is `largest` counts in, or `nil` below 10,000.
  func unit(for largest: Double) -> (exponent: Int, suffix: String)? {
    switch self {
    case .western:
      if largest >= 1e9 { return (9, "B") }
      if largest >= 1e6 { return (6, "M") }
      if largest >= 1e4 { return (3, "k") }
      return nil
    case .chinese:
      if largest >= 1e8 { return (8, "亿") }
      if largest >= 1e4 { return (4, "万") }
      return nil
    }
  }
}
