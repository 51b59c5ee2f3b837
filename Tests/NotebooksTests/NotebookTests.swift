import Notebooks
import TestSupport
import Testing

@Suite struct NotebookTests {
  static let sample = Notebook(cells: [
    .markdown("# Title\n\nSome *text*.\n"),
    .code("print(1)", outputs: [NotebookOutput(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\">\n</svg>\n", caption: "A chart")]),
    .code("x = 2"),
  ])

  @Test("A notebook with markdown, code and an SVG output is valid nbformat 4.5")
  func validAgainstTheSchema() {
    #expect(NotebookSchema.problems(Self.sample) == [])
  }

  @Test("Top level, kernel and language as Jupyter writes them; one newline at the end")
  func document() throws {
    let text = String(decoding: Self.sample.bytes, as: UTF8.self)
    #expect(text.hasSuffix("}\n") && !text.hasSuffix("\n\n"))
    let json = try JSONTestValue.parse(text)
    #expect(json.members?.map(\.key) == ["cells", "metadata", "nbformat", "nbformat_minor"])
    #expect(json["nbformat"] == .number(4, isInteger: true))
    #expect(json["nbformat_minor"] == .number(5, isInteger: true))
    #expect(json["metadata"]?["kernelspec"]?["name"] == .string("python3"))
    #expect(json["metadata"]?["language_info"]?["name"] == .string("python"))
  }

  @Test("Cells: sources as lines without a final newline, code never run, the SVG as display_data")
  func cells() throws {
    let cells = try #require(JSONTestValue.parse(String(decoding: Self.sample.bytes, as: UTF8.self))["cells"]?.array)
    #expect(cells[0]["source"] == .array([.string("# Title\n"), .string("\n"), .string("Some *text*.")]))
    #expect(cells[0]["cell_type"] == .string("markdown"))
    #expect(cells[0]["outputs"] == nil)
    #expect(cells[1]["execution_count"] == .null)
    let output = try #require(cells[1]["outputs"]?.array?.first)
    #expect(output["output_type"] == .string("display_data"))
    #expect(output["data"]?["image/svg+xml"]?.joinedLines == "<svg xmlns=\"http://www.w3.org/2000/svg\">\n</svg>\n")
    #expect(output["data"]?["text/plain"]?.joinedLines == "A chart")
    #expect(cells[2]["outputs"] == .array([]))
  }

  /// FNV-1a (64 bits) of the source's UTF-8, top 32 bits: "# Title" → 3620fd9a, "print(1)" → 26610971
  /// (Python: h = 0xcbf29ce484222325; for b in s.encode(): h = ((h ^ b) * 0x100000001b3) % 2**64).
  @Test("Cell ids: the place and a hash of the text, the same every time")
  func ids() throws {
    let notebook = Notebook(cells: [.markdown("# Title"), .code("print(1)"), .markdown("# Title")])
    let cells = try #require(JSONTestValue.parse(String(decoding: notebook.bytes, as: UTF8.self))["cells"]?.array)
    #expect(cells.map { $0["id"]?.string } == ["cell-000-3620fd9a", "cell-001-26610971", "cell-002-3620fd9a"])
    #expect(notebook.bytes == Notebook(cells: notebook.cells).bytes)
  }
}

/// The validator the notebook tests rely on finds what is wrong, not only that all is well.
@Suite struct JSONSchemaValidatorTests {
  func text(replacing old: String, with new: String) -> String {
    String(decoding: NotebookTests.sample.bytes, as: UTF8.self).replacingOccurrences(of: old, with: new)
  }

  @Test("A cell without its id is refused")
  func missingID() {
    let problems = NotebookSchema.problems(text(replacing: "\"id\": \"cell-000-", with: "\"name\": \"cell-000-"))
    #expect(problems.count == 1)
    #expect(problems.first?.contains("$.cells[0]: matches 0 of the oneOf schemas") == true)
    #expect(problems.first?.contains("the required key \"id\" is missing") == true)
  }

  @Test("An unknown output type, a bad id and a wrong minor version are each found")
  func wrongValues() {
    #expect(NotebookSchema.problems(text(replacing: "\"display_data\"", with: "\"picture\"")).count == 1)
    #expect(NotebookSchema.problems(text(replacing: "\"cell-001-", with: "\"cell 001 ")).first?.contains("does not match ^[a-zA-Z0-9-_]+$") == true)
    #expect(NotebookSchema.problems(text(replacing: "\"nbformat_minor\": 5", with: "\"nbformat_minor\": \"5\"")) == [
      "$.nbformat_minor: expected integer, found string"
    ])
    #expect(NotebookSchema.problems(text(replacing: "\"nbformat\": 4", with: "\"nbformat\": 3")) == ["$.nbformat: 3.0 breaks minimum 4.0"])
  }

  @Test("Keys the schema does not allow, and keywords the validator does not know, are reported")
  func strictness() throws {
    #expect(NotebookSchema.problems(text(replacing: "\"nbformat\": 4", with: "\"nbformat\": 4,\n \"extra\": 1")) == [
      "$.extra: the key is not allowed here"
    ])
    let validator = JSONSchemaValidator(schema: try JSONTestValue.parse(#"{"type": "object", "dependencies": {}}"#))
    #expect(validator.problems(in: .object([])) == ["$: the validator does not know the schema keyword \"dependencies\""])
  }
}
