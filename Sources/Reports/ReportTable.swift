/// A report as a value: a title, key–value facts, a body table and notes.
///
/// This is the shape of statsmodels' `Summary`: the top block ("Dep.
/// Variable: churn", "No. Observations: 1000") is ``header``, the
/// coefficient table is ``columns`` and ``rows``, and the footnotes are
/// ``notes``. Results build a `ReportTable`; the `+CSV` and `+Markdown`
/// extensions render it. Nothing here computes statistics.
///
/// ```swift
/// let table = ReportTable(
///   title: "Logit Regression Results",
///   header: [("Dep. Variable", "churn"), ("No. Observations", "1000")],
///   columns: ["variable", "coef", "std err"],
///   rows: [["const", .number(-1.2345, digits: 3), .number(0.1, digits: 3)]],
///   notes: ["Standard errors assume the model is correctly specified."])
/// ```
public struct ReportTable: Sendable, Equatable {
  /// A short name for the report, rendered as a heading.
  public var title: String
  /// Facts about the whole report, in order, shown above the body. Labels
  /// have no trailing colon; each renderer adds its own punctuation.
  public var header: [(label: String, value: String)]
  /// The body's column names.
  public private(set) var columns: [String]
  /// The body, one array of exactly `columns.count` cells per row.
  public private(set) var rows: [[ReportCell]]
  /// Remarks shown below the body, such as warnings about convergence.
  public var notes: [String]

  /// Creates a report.
  ///
  /// - Precondition: every row has exactly `columns.count` cells. A ragged
  ///   row is a bug in the code that built the table, not bad user input.
  public init(
    title: String,
    header: [(label: String, value: String)] = [],
    columns: [String],
    rows: [[ReportCell]] = [],
    notes: [String] = []
  ) {
    for (index, row) in rows.enumerated() {
      precondition(
        row.count == columns.count,
        "ReportTable row \(index) has \(row.count) cells but there are \(columns.count) columns")
    }
    self.title = title
    self.header = header
    self.columns = columns
    self.rows = rows
    self.notes = notes
  }

  /// Adds a row at the bottom of the body.
  ///
  /// - Precondition: `row.count == columns.count`.
  public mutating func append(_ row: [ReportCell]) {
    precondition(
      row.count == columns.count,
      "ReportTable row has \(row.count) cells but there are \(columns.count) columns")
    rows.append(row)
  }

  // Tuples are not Equatable, so the header is compared pair by pair.
  public static func == (lhs: ReportTable, rhs: ReportTable) -> Bool {
    lhs.title == rhs.title
      && lhs.header.count == rhs.header.count
      && zip(lhs.header, rhs.header).allSatisfy { $0.label == $1.label && $0.value == $1.value }
      && lhs.columns == rhs.columns && lhs.rows == rhs.rows && lhs.notes == rhs.notes
  }
}
