import DataIngest
import Features
import Testing
import TestSupport

@Suite struct SegmentTruthTests {
  @Test("labels by customer id: names and numbers coded by first appearance, blanks trimmed, a later row wins")
  func load() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(
      "truth.csv",
      "customer_id,segment,churned\nC1,vip,0\nC2, 2 ,1\nC3,vip,0\nC2,loyal,0\n长客户,2,0\n")
    let truth = try SegmentTruth.load(path: path)
    #expect(truth.label(of: "C1") == 0)
    #expect(truth.label(of: "C3") == 0)
    #expect(truth.label(of: "C2") == 2)
    #expect(truth.label(of: "长客户") == 1)
    #expect(truth.label(of: "C4") == nil)
  }

  @Test("an empty segment names its line and column")
  func emptySegment() throws {
    let folder = TemporaryDirectory()
    let path = folder.write("truth.csv", "customer_id,segment\nC1,a\nC2,  \n")
    #expect(throws: FeatureError.invalidConfiguration(path: path, line: 3, column: 2, message: "the segment is empty")) {
      try SegmentTruth.load(path: path)
    }
  }

  @Test("ids found again by their bytes, numbered by first appearance")
  func idTable() {
    var ids = IDTable()
    #expect(ids.insert("C0000001") == (0, true))
    #expect(ids.insert("a-longer-customer-id-0002") == (1, true))
    #expect(ids.insert("C0000001") == (0, false))
    #expect(ids.index(of: "a-longer-customer-id-0002") == 1)
    #expect(ids.index(of: "C0000003") == nil)
    #expect(ids.count == 2)
  }
}
