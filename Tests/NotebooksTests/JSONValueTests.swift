import Notebooks
import Testing

/// The expected texts are Python's: `json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)`
/// (what `nbformat.writes` calls) and `str.splitlines(True)`, run on the same values.
@Suite struct JSONValueTests {
  @Test("Nesting, empty containers and key order as json.dumps(indent=1, sort_keys=True) writes them")
  func layout() {
    let value = JSONValue.object([
      "b": .array([.integer(1), .object(["x": .null, "a": .bool(true)])]), "a": .array([]), "c": .object([:]),
      "Z": .string("z"),
    ])
    let expected = """
      {
       "Z": "z",
       "a": [],
       "b": [
        1,
        {
         "a": true,
         "x": null
        }
       ],
       "c": {}
      }
      """
    #expect(value.rendered() == expected)
  }

  @Test("Keys sorted by code point, as Python sorts str: sorted(['b','B','é','e','中','Z','_'])")
  func keyOrder() {
    let keys = ["b", "B", "é", "e", "中", "Z", "_"]
    let value = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.null) }))
    let rendered = value.rendered()
    let order = ["B", "Z", "_", "b", "e", "é", "中"].map { rendered.range(of: "\"\($0)\"")!.lowerBound }
    #expect(order == order.sorted())
  }

  @Test("Only quote, backslash and C0 controls are escaped (ensure_ascii=False); DEL, CJK and U+2028 stay as they are")
  func escapes() {
    let value = JSONValue.string("q\"\\\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F} 中文 \u{2028}")
    #expect(value.rendered() == #""q\"\\\n\r\t\b\f\u0001\u001f"# + "\u{7F} 中文 \u{2028}\"")
  }

  @Test("Multi-line text cut as str.splitlines(True) cuts it")
  func lines() {
    let text = "a\nb\r\nc\rd\u{0B}e\u{1C}f\u{85}g\u{2028}h\n"
    let expected = ["a\n", "b\r\n", "c\r", "d\u{0B}", "e\u{1C}", "f\u{85}", "g\u{2028}", "h\n"]
    #expect(JSONValue.lines(text) == .array(expected.map(JSONValue.string)))
    #expect(JSONValue.lines("") == .array([]))
    #expect(JSONValue.lines("one line") == .array([.string("one line")]))
    #expect(JSONValue.lines("\n\n") == .array([.string("\n"), .string("\n")]))
  }
}
