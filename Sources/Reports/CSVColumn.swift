/// One column of a CSV file written column by column
/// (``CSVWriter/writeFile(at:columns:format:rowCount:)``): its name and
/// where each row's cell comes from.
///
/// The cells are written as ``CSVWriter`` writes ``ReportCell``s: numbers
/// in their shortest exact form, text through the formula guard, missing
/// values, NaN and infinities as empty fields. What differs is the work per
/// cell: each column formats a piece of rows on its own, with no
/// `[ReportCell]` built and matched per row, and a ``choice(_:among:_:)``
/// column formats each of its few values once.
///
/// ```swift
/// try CSVWriter.writeFile(
///   at: "out/scores.csv",
///   columns: [.text("customer_id") { ids[$0] }, .number("probability") { p[$0] }, .choice("band", among: names) { band[$0] }],
///   rowCount: ids.count)
/// ```
public struct CSVColumn: Sendable {
  public let name: String
  let cells: Cells

  enum Cells: Sendable {
    case number(@Sendable (Int) -> Double)
    case integer(@Sendable (Int) -> Int)
    case text(@Sendable (Int) -> String?)
    case choice([String?], @Sendable (Int) -> Int)
  }

  /// Numbers in their shortest exact form; NaN and infinities are empty cells.
  public static func number(_ name: String, _ value: @escaping @Sendable (_ row: Int) -> Double) -> CSVColumn {
    CSVColumn(name: name, cells: .number(value))
  }

  /// Whole numbers, without a decimal point or separators.
  public static func integer(_ name: String, _ value: @escaping @Sendable (_ row: Int) -> Int) -> CSVColumn {
    CSVColumn(name: name, cells: .integer(value))
  }

  /// Free text (customer ids, names); `nil` is an empty cell.
  public static func text(_ name: String, _ value: @escaping @Sendable (_ row: Int) -> String?) -> CSVColumn {
    CSVColumn(name: name, cells: .text(value))
  }

  /// Text that takes one of a few values: row `i` has `choices[index(i)]`
  /// (`nil`: an empty cell). Each choice is guarded and quoted once, not once a row.
  ///
  /// - Precondition: every index is one of `choices.indices`.
  public static func choice(
    _ name: String, among choices: [String?], _ index: @escaping @Sendable (_ row: Int) -> Int
  ) -> CSVColumn {
    CSVColumn(name: name, cells: .choice(choices, index))
  }
}
