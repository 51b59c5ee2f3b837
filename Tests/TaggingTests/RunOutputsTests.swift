import Features
import Testing
import TestSupport

@testable import Tagging

@Suite struct RunOutputsTests {
  @Test("scores and segments join by customer_id: numbers stay numbers, unknown ids are counted, missing rows are missing")
  func joins() throws {
    let run = TemporaryDirectory()
    run.write("scores.csv", "customer_id,probability,risk_band,reason_1\nA,0.9,high,recency_days\nC,0.2,low,\nZ,0.5,medium,frequency\n")
    run.write("segments.csv", "customer_id,segment,segment_name,frequency\nA,0,Loyal,9\nB,1,'=x,9\n")
    var table = handTable
    let joins = try RunOutputs.join(folder: run.path, into: &table)
    #expect(
      joins == [
        RunJoin(
          path: "\(run.path)/scores.csv", rows: 3, matched: 2, columns: ["probability", "risk_band", "reason_1"],
          skippedColumns: []),
        RunJoin(
          path: "\(run.path)/segments.csv", rows: 2, matched: 2, columns: ["segment", "segment_name"],
          skippedColumns: ["frequency"]),
      ])
    #expect(joins[0].unmatched == 1)
    let probability = try #require(table.numbers("probability"))
    #expect(probability[0] == 0.9 && probability[2] == 0.2 && probability[1].isNaN && probability[3].isNaN)
    #expect(table.text("risk_band") == ["high", nil, "low", nil, nil])
    #expect(table.text("reason_1") == ["recency_days", nil, nil, nil, nil])
    #expect(table.numbers("segment")?.prefix(2) == [0, 1])
    #expect(table.text("segment_name") == ["Loyal", "'=x", nil, nil, nil])
    // The feature table's own frequency wins.
    #expect(table.numbers("frequency") == [5, 1, 3, 0, 2])
  }

  @Test("a folder without run files, a file of other customers, an id twice: refused")
  func refusals() throws {
    let run = TemporaryDirectory()
    var table = handTable
    #expect(throws: TaggingError.invalidRunFile(
      path: run.path, line: nil, reason: "holds neither scores.csv (analyze churn) nor segments.csv (analyze segment)")) {
      try RunOutputs.join(folder: run.path, into: &table)
    }
    run.write("scores.csv", "customer_id,probability\nX,0.1\nY,0.2\n")
    #expect(throws: TaggingError.noMatchingCustomers(path: "\(run.path)/scores.csv", rows: 2)) {
      try RunOutputs.join(folder: run.path, into: &table)
    }
    run.write("scores.csv", "customer_id,probability\nA,0.1\nA,0.2\n")
    #expect(throws: TaggingError.invalidRunFile(
      path: "\(run.path)/scores.csv", line: 3, reason: "customer 'A' is listed again (first on line 2)")) {
      try RunOutputs.join(folder: run.path, into: &table)
    }
    run.write("scores.csv", "id,probability\nA,0.1\n")
    #expect(throws: TaggingError.invalidRunFile(
      path: "\(run.path)/scores.csv", line: 1, reason: "no customer_id column; found id, probability")) {
      try RunOutputs.join(folder: run.path, into: &table)
    }
    #expect(table.columns.count == handTable.columns.count)
  }
}
