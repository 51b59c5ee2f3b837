/// What a code cell shows without being run: a picture the run already drew.
public struct NotebookOutput: Equatable, Sendable {
  /// The SVG document, as the run wrote it.
  public var svg: String
  /// What a viewer that shows no pictures prints instead (`text/plain`).
  public var caption: String

  public init(svg: String, caption: String) {
    self.svg = svg
    self.caption = caption
  }

  /// A `display_data` output, the kind a plot shown by `plt.show()` leaves.
  var json: JSONValue {
    .object([
      "output_type": .string("display_data"),
      "data": .object(["image/svg+xml": JSONValue.lines(svg), "text/plain": JSONValue.lines(caption)]),
      "metadata": .object([:]),
    ])
  }
}
