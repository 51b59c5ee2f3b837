import Testing

@testable import Reports

@Suite struct ReportTableTests {
  @Test("literals make text, integer and number cells")
  func literals() {
    let row: [ReportCell] = ["const", 42, 0.5, .number(0.25, digits: 3), .missing]
    #expect(
      row == [.text("const"), .integer(42), .number(0.5), .number(0.25, digits: 3), .missing])
  }

  @Test("optional initialisers turn nil into a missing cell")
  func optionals() {
    #expect(ReportCell(nil as String?) == .missing)
    #expect(ReportCell("a" as String?) == .text("a"))
    #expect(ReportCell(nil as Int?) == .missing)
    #expect(ReportCell(7 as Int?) == .integer(7))
    #expect(ReportCell(nil as Double?, digits: 2) == .missing)
    #expect(ReportCell(1.5 as Double?, digits: 2) == .number(1.5, digits: 2))
  }

  @Test("a table keeps its title, header pairs, body and notes")
  func stores() {
    var table = ReportTable(
      title: "Summary", header: [("Dep. Variable", "churn")], columns: ["a", "b"],
      rows: [["x", 1]], notes: ["n"])
    table.append(["y", 2])
    #expect(table.title == "Summary")
    #expect(table.header.map(\.label) == ["Dep. Variable"])
    #expect(table.header.map(\.value) == ["churn"])
    #expect(table.rows == [["x", 1], ["y", 2]])
    #expect(table.notes == ["n"])
  }

  @Test("tables compare equal field by field, header pairs included")
  func equality() {
    let a = ReportTable(title: "T", header: [("k", "v")], columns: ["c"], rows: [[1]])
    #expect(a == ReportTable(title: "T", header: [("k", "v")], columns: ["c"], rows: [[1]]))
    #expect(a != ReportTable(title: "T", header: [("k", "w")], columns: ["c"], rows: [[1]]))
    #expect(a != ReportTable(title: "T", header: [], columns: ["c"], rows: [[1]]))
    #expect(a != ReportTable(title: "T", header: [("k", "v")], columns: ["c"], rows: [[2]]))
  }

  @Test("a row with the wrong number of cells stops the program")
  func raggedRow() async {
    await #expect(processExitsWith: .failure) {
      _ = ReportTable(title: "T", columns: ["a"], rows: [[1, 2]])
    }
  }
}
