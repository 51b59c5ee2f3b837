/// A Jupyter notebook (nbformat 4.5) for a Python 3 kernel.
///
/// ```swift
/// let notebook = Notebook(cells: [.markdown("# Title"), .code("print(1)")])
/// try AtomicFile.write(notebook.bytes, to: "story.ipynb")
/// ```
public struct Notebook: Equatable, Sendable {
  public var cells: [NotebookCell]

  public init(cells: [NotebookCell]) {
    self.cells = cells
  }

  /// The notebook document, with the kernel and language Jupyter needs to run it.
  public var json: JSONValue {
    .object([
      "cells": .array(cells.enumerated().map { $0.element.json(index: $0.offset) }),
      "metadata": .object([
        "kernelspec": .object([
          "display_name": .string("Python 3 (ipykernel)"), "language": .string("python"), "name": .string("python3"),
        ]),
        "language_info": .object([
          "codemirror_mode": .object(["name": .string("ipython"), "version": .integer(3)]),
          "file_extension": .string(".py"), "mimetype": .string("text/x-python"), "name": .string("python"),
          "nbconvert_exporter": .string("python"), "pygments_lexer": .string("ipython3"),
        ]),
      ]),
      "nbformat": .integer(4),
      "nbformat_minor": .integer(5),
    ])
  }

  /// The `.ipynb` file's bytes: what `nbformat.write` writes for the same notebook.
  public var bytes: [UInt8] { Array((json.rendered() + "\n").utf8) }
}
