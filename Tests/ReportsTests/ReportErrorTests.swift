import Testing

@testable import Reports

@Suite struct ReportErrorTests {
  @Test("each description is one sentence that names the thing at fault")
  func descriptions() {
    #expect(
      ReportError.formulaCell(column: "name", row: 3, value: "=1+1").description
        == "The text \"=1+1\" in column \"name\", row 3, would run as a spreadsheet formula; "
        + "write it with the prefix or strip formula guard instead.")
    #expect(
      ReportError.formulaCell(column: "=x", row: 0, value: "=x").description
        == "The text \"=x\" in column \"=x\", the header row, would run as a spreadsheet formula; "
        + "write it with the prefix or strip formula guard instead.")
    #expect(
      ReportError.cannotWriteFile(path: "out/a.csv", reason: "No space left on device").description
        == "Cannot write the file \"out/a.csv\": No space left on device.")
    #expect(
      ReportError.cannotReplaceFile(path: "out", reason: "Is a directory").description
        == "Cannot move the finished file into place at \"out\": Is a directory.")
    #expect(
      ReportError.cannotCreateDirectory(path: "a/b", reason: "Permission denied").description
        == "Cannot create the directory \"a/b\": Permission denied.")
  }

  @Test("control characters in a hostile value cannot break the message across lines")
  func controlCharacters() {
    let description = ReportError.formulaCell(column: "c", row: 1, value: "\n=1\t\"\0\r")
      .description
    #expect(!description.contains("\n") && !description.contains("\r"))
    #expect(description.hasPrefix("The text \"\\n=1\\t\\\"\\0\\r\" in column \"c\""))
  }
}
