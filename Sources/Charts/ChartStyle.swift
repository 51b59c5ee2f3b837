/// The fonts, sizes and colours every chart shares, so that the figures of
/// a report read as one set.
public enum ChartStyle {
  /// Chinese-capable fonts first (their Latin glyphs are fine for English
  /// too), so a `--lang zh` figure never falls back to boxes where one of
  /// them is installed.
  public static let fontFamily =
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif"

  /// Colour-blind-safe categorical colours (Tableau 10), in the order series take them.
  public static let palette = [
    "#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#76B7B2", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC",
  ]

  /// The palette's colour for series `index`, cycling.
  public static func color(_ index: Int) -> String { palette[index % palette.count] }

  public static let titleSize = 17.0
  public static let subtitleSize = 13.0
  public static let panelTitleSize = 14.0
  public static let labelSize = 13.0
  public static let tickSize = 12.0
  public static let legendSize = 12.0
  public static let valueSize = 11.5

  public static let text = "#1F2328"
  public static let muted = "#57606A"
  public static let axis = "#8C959F"
  public static let grid = "#E6E8EB"
  public static let reference = "#6E7781"
  public static let background = "#FFFFFF"
  /// Cells and bars with no value.
  public static let empty = "#F3F4F6"
  /// Marks that are not significant or not the point of the figure.
  public static let faded = "#AEB4BB"
}
