/// Writes an SVG document one element per line, with every number in one
/// fixed format and every text XML-escaped, so the same drawing gives the
/// same bytes on every machine.
///
/// Elements carry no `id`: figures are inlined into one HTML page side by
/// side, where ids would collide. Marks that tests and readers look for
/// carry a `class`, and data marks a `<title>` (the browser's tooltip).
public struct SVGBuilder: Sendable {
  public let width: Double
  public let height: Double
  private var lines: [String] = []
  private var depth = 1

  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// A coordinate or length: at most two decimals, no trailing zeros, no `-0`.
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let hundredths = Int64((value * 100).rounded())
    let magnitude = hundredths.magnitude
    var text = hundredths < 0 ? "-" : ""
    text += String(magnitude / 100)
    let fraction = magnitude % 100
    if fraction != 0 {
      text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
    }
    return text
  }

  /// An element with `attributes` in the given order, and optionally a
  /// tooltip `<title>` or text content.
  public mutating func element(
    _ name: String, _ attributes: [(String, String)], title: String? = nil, text: String? = nil
  ) {
    var line = String(repeating: "  ", count: depth) + "<" + name
    for (key, value) in attributes { line += " \(key)=\"\(Markup.escape(value))\"" }
    switch (title, text) {
    case (nil, nil): line += "/>"
    case (let title?, nil): line += "><title>\(Markup.escape(title))</title></\(name)>"
    case (nil, let text?): line += ">\(Markup.escape(text))</\(name)>"
    case (let title?, let text?): line += "><title>\(Markup.escape(title))</title>\(Markup.escape(text))</\(name)>"
    }
    lines.append(line)
  }

  /// Opens a `<g>`; close it with ``endGroup()``.
  public mutating func beginGroup(_ attributes: [(String, String)]) {
    var line = String(repeating: "  ", count: depth) + "<g"
    for (key, value) in attributes { line += " \(key)=\"\(Markup.escape(value))\"" }
    lines.append(line + ">")
    depth += 1
  }

  public mutating func endGroup() {
    depth -= 1
    lines.append(String(repeating: "  ", count: depth) + "</g>")
  }

  public mutating func rect(
    _ frame: Frame, fill: String, stroke: String? = nil, className: String? = nil, title: String? = nil
  ) {
    var attributes = Self.classAttribute(className)
    attributes += [
      ("x", Self.number(frame.x)), ("y", Self.number(frame.y)), ("width", Self.number(frame.width)),
      ("height", Self.number(frame.height)), ("fill", fill),
    ]
    if let stroke { attributes.append(("stroke", stroke)) }
    element("rect", attributes, title: title)
  }

  public mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false,
    className: String? = nil, title: String? = nil
  ) {
    var attributes = Self.classAttribute(className)
    attributes += [
      ("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)),
      ("stroke", stroke), ("stroke-width", Self.number(width)),
    ]
    if dashed { attributes.append(("stroke-dasharray", "5 4")) }
    element("line", attributes, title: title)
  }

  /// An open line through `points` (pixel coordinates).
  public mutating func polyline(
    _ points: [(x: Double, y: Double)], stroke: String, width: Double = 2, dashed: Bool = false,
    className: String? = nil, title: String? = nil
  ) {
    var attributes = Self.classAttribute(className)
    attributes += [
      ("points", Self.points(points)), ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.number(width)),
      ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
    ]
    if dashed { attributes.append(("stroke-dasharray", "6 4")) }
    element("polyline", attributes, title: title)
  }

  /// A closed, filled shape through `points`.
  public mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, className: String? = nil) {
    element("polygon", Self.classAttribute(className) + [("points", Self.points(points)), ("fill", fill)])
  }

  public mutating func circle(
    x: Double, y: Double, radius: Double, fill: String, stroke: String? = nil, className: String? = nil,
    title: String? = nil
  ) {
    var attributes = Self.classAttribute(className)
    attributes += [("cx", Self.number(x)), ("cy", Self.number(y)), ("r", Self.number(radius)), ("fill", fill)]
    if let stroke { attributes += [("stroke", stroke), ("stroke-width", "1.5")] }
    element("circle", attributes, title: title)
  }

  /// Horizontal alignment of text at its x.
  public enum Anchor: String, Sendable {
    case start, middle, end
  }

  /// One line of text with its baseline at `y`; `rotated` turns it a
  /// quarter counter-clockwise about (x, y), for a vertical axis label.
  public mutating func text(
    _ content: String, x: Double, y: Double, size: Double, anchor: Anchor = .start, bold: Bool = false,
    fill: String = ChartStyle.text, rotated: Bool = false, className: String? = nil
  ) {
    var attributes = Self.classAttribute(className)
    attributes += [("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size))]
    if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
    if bold { attributes.append(("font-weight", "bold")) }
    attributes.append(("fill", fill))
    if rotated { attributes.append(("transform", "rotate(-90 \(Self.number(x)) \(Self.number(y)))")) }
    element("text", attributes, text: content)
  }

  /// The finished document: the `<svg>` root with the figure's title for
  /// screen readers, a white background and the elements drawn.
  public func document(title: String) -> String {
    let w = Self.number(width)
    let h = Self.number(height)
    var text = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
    text += " role=\"img\" font-family=\"\(Markup.escape(ChartStyle.fontFamily))\">\n"
    text += "  <title>\(Markup.escape(title))</title>\n"
    text += "  <rect width=\"\(w)\" height=\"\(h)\" fill=\"\(ChartStyle.background)\"/>\n"
    for line in lines { text += line + "\n" }
    return text + "</svg>\n"
  }

  private static func classAttribute(_ name: String?) -> [(String, String)] {
    name.map { [("class", $0)] } ?? []
  }

  private static func points(_ points: [(x: Double, y: Double)]) -> String {
    points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
  }
}
