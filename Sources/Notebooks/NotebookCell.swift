import Foundation

/// One cell of a notebook: Markdown text, or Python code with the outputs it shows before anyone runs it.
public struct NotebookCell: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case markdown
    case code(outputs: [NotebookOutput])
  }

  public var kind: Kind
  /// The cell's text, without a final newline (Jupyter saves cells without one).
  public var source: String

  public init(kind: Kind, source: String) {
    self.kind = kind
    self.source = Self.trimmingFinalNewlines(source)
  }

  public static func markdown(_ source: String) -> NotebookCell { NotebookCell(kind: .markdown, source: source) }

  public static func code(_ source: String, outputs: [NotebookOutput] = []) -> NotebookCell {
    NotebookCell(kind: .code(outputs: outputs), source: source)
  }

  /// The cell as nbformat 4.5 stores it; `index` is its place in the notebook.
  func json(index: Int) -> JSONValue {
    var members: [String: JSONValue] = [
      "id": .string(id(index: index)), "metadata": .object([:]), "source": JSONValue.lines(source),
    ]
    switch kind {
    case .markdown:
      members["cell_type"] = .string("markdown")
    case .code(let outputs):
      members["cell_type"] = .string("code")
      members["execution_count"] = .null
      members["outputs"] = .array(outputs.map(\.json))
    }
    return .object(members)
  }

  /// A stable id: the cell's place and a hash of its text, so the same notebook
  /// always gets the same ids and an edited cell a new one.
  func id(index: Int) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits
    for byte in source.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    return String(format: "cell-%03d-%08llx", index, hash >> 32)
  }

  private static func trimmingFinalNewlines(_ text: String) -> String {
    var text = text
    while text.last == "\n" { text.removeLast() }
    return text
  }
}
