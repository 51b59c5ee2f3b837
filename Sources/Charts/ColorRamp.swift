import Foundation

/// A sequential colour scale from white-blue (low) to dark blue (high):
/// ColorBrewer's Blues, interpolated in RGB between its nine steps.
public enum ColorRamp {
  private static let stops: [(Double, Double, Double)] = [
    (247, 251, 255), (222, 235, 247), (198, 219, 239), (158, 202, 225), (107, 174, 214), (66, 146, 198),
    (33, 113, 181), (8, 81, 156), (8, 48, 107),
  ]

  /// The colour at `t` (0…1, clamped) as `#RRGGBB`.
  public static func blues(_ t: Double) -> String {
    let position = min(max(t.isFinite ? t : 0, 0), 1) * Double(stops.count - 1)
    let i = min(Int(position), stops.count - 2)
    let f = position - Double(i)
    let (a, b) = (stops[i], stops[i + 1])
    func channel(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * f).rounded()) }
    return String(format: "#%02X%02X%02X", channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
  }

  /// Whether text on the colour at `t` should be white rather than dark.
  public static func needsLightText(_ t: Double) -> Bool { t > 0.55 }
}
