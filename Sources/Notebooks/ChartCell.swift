/// A chart a notebook redraws from a run's CSV files, placed after the
/// report section it illustrates.
struct ChartCell: Sendable {
  /// What the chart shows, in the notebook's language; viewers without pictures print it.
  var title: String
  /// The SVG the run drew beside its report, shown as the cell's output when the file exists.
  var svg: String?
  /// Headings the chart follows, in English and in Chinese (the report may be in either);
  /// a heading matches when it starts with one of them.
  var anchors: [String]
  /// The files the code reads from its step folder; without all of them the chart is left out.
  var inputs: [String]
  /// Python that reads the inputs with pandas and draws the chart with matplotlib.
  var code: String
}

/// Python source text.
enum Python {
  /// `text` as a Python string literal: a JSON string is one (same quotes, same escapes).
  static func literal(_ text: String) -> String { JSONValue.string(text).rendered() }

  /// Lines giving the axes `axes` its labels and title; a `nil` one is left out.
  static func labels(_ axes: String = "ax", x: String? = nil, y: String? = nil, title: String? = nil) -> String {
    [("set_xlabel", x), ("set_ylabel", y), ("set_title", title)]
      .compactMap { call, text in text.map { "\(axes).\(call)(\(literal($0)))" } }
      .joined(separator: "\n")
  }
}
