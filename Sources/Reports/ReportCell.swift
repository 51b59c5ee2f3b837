/// One cell of a ``ReportTable`` body.
///
/// Numbers stay numbers until a renderer formats them, so CSV can write the
/// shortest exact form while Markdown rounds for people. Text is the only
/// kind of cell a CSV formula guard ever touches: numbers are formatted by
/// this module and cannot carry a formula.
///
/// Literals keep call sites short:
///
/// ```swift
/// let row: [ReportCell] = ["const", 42, 0.125, .number(0.0312, digits: 3), .missing]
/// ```
public enum ReportCell: Sendable, Equatable {
  /// Free text, such as a variable name or a customer id.
  case text(String)
  /// A count or an identifier, written without a decimal point or separators.
  case integer(Int)
  /// A real number. `digits` is the number of decimals Markdown shows;
  /// CSV ignores it and writes the shortest form that reads back exactly.
  /// NaN and infinities are written as empty cells.
  case number(Double, digits: Int? = nil)
  /// No value; written as an empty cell.
  case missing
}

extension ReportCell {
  /// Text, or ``missing`` for `nil`.
  public init(_ text: String?) {
    self = text.map(ReportCell.text) ?? .missing
  }

  /// An integer, or ``missing`` for `nil`.
  public init(_ value: Int?) {
    self = value.map(ReportCell.integer) ?? .missing
  }

  /// A number shown with `digits` decimals in Markdown, or ``missing`` for `nil`.
  public init(_ value: Double?, digits: Int? = nil) {
    if let value {
      self = .number(value, digits: digits)
    } else {
      self = .missing
    }
  }
}

extension ReportCell: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self = .text(value) }
}

extension ReportCell: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self = .integer(value) }
}

extension ReportCell: ExpressibleByFloatLiteral {
  public init(floatLiteral value: Double) { self = .number(value) }
}
