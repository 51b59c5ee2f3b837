import Foundation
import Testing

@testable import CRMExport

/// Each profile's file, read back independently: header, encoding, BOM,
/// separators, line ends, quoting, numbers, dates, booleans, rows.
@Suite struct ProfileExportTests {
  struct Expected: Sendable, CustomStringConvertible {
    var profile: CRMProfile
    var header: [String]
    var bom: Bool
    /// The header and the first two data lines exactly as written.
    var rawLines: [String]
    var description: String { profile.rawValue }
  }

  static let csvProfiles: [Expected] = [
    Expected(
      profile: .zoho,
      header: ["Record Id", "Churn Probability", "Churn Risk", "Segment", "Score Tags", "Member", "First Order"],
      bom: true,
      rawLines: [
        #""Record Id","Churn Probability","Churn Risk","Segment","Score Tags","Member","First Order""#,
        #""4150868000001944196",0.8731,"high","High-value loyal","High Value;Email Engaged",true,2024-03-07"#,
        #""4150868000001944201",0.1235,"low","Dormant",,false,2023-11-20"#,
      ]),
    Expected(
      profile: .salesforce,
      header: ["Id", "Churn_Probability__c", "Churn_Risk__c", "Segment__c", "Score_Tags__c", "Member", "First Order"],
      bom: false,
      rawLines: [
        #""Id","Churn_Probability__c","Churn_Risk__c","Segment__c","Score_Tags__c","Member","First Order""#,
        #""0035g00000ABCDEQA1",0.8731,"high","High-value loyal","High Value;Email Engaged",1,07/03/2024"#,
        #""0035g00000ABCDFQA1",0.1235,"low","Dormant",,0,20/11/2023"#,
      ]),
    Expected(
      profile: .hubspot,
      header: ["Record ID", "Churn Probability", "Churn Risk", "Segment", "Score Tags", "Member", "First Order"],
      bom: true,
      rawLines: [
        #""Record ID","Churn Probability","Churn Risk","Segment","Score Tags","Member","First Order""#,
        #""7512034",0.8731,"high","High-value loyal","High Value;Email Engaged",Yes,2024-03-07"#,
        #""7512035",0.1235,"low","Dormant",,No,2023-11-20"#,
      ]),
    Expected(
      profile: .dynamics,
      header: ["contactid", "Churn Probability", "Churn Risk", "Segment", "Score Tags", "Member", "First Order"],
      bom: true,
      rawLines: [
        "contactid,Churn Probability,Churn Risk,Segment,Score Tags,Member,First Order",
        #""0f8fad5b-d9cb-469f-a165-70867728950e","0.8731","high","High-value loyal","High Value;Email Engaged","Yes","2024-03-07""#,
        #""7c9e6679-7425-40de-944b-e07fc1f90ae7","0.1235","low","Dormant",,"No","2023-11-20""#,
      ]),
    Expected(
      profile: .generic,
      header: ["customer_key", "churn_probability", "churn_risk", "segment", "score_tags", "Member", "First Order"],
      bom: true,
      rawLines: [
        #""customer_key","churn_probability","churn_risk","segment","score_tags","Member","First Order""#,
        #""K1",0.8731,"high","High-value loyal","High Value;Email Engaged",true,2024-03-07"#,
        #""K2",0.1235,"low","Dormant",,false,2023-11-20"#,
      ]),
  ]

  @Test("each CSV profile writes its header, BOM, CRLF, quoting and formats", arguments: csvProfiles)
  func csvProfile(expected: Expected) throws {
    let fixture = ExportFixture()
    let result = try fixture.export(expected.profile)
    let name = "\(expected.profile.rawValue)-update.csv"
    #expect(result.files.map(\.path) == ["\(fixture.outPath)/\(name)"])
    let bytes = fixture.bytes(name)
    let file = try #require(ReadBack.csv(bytes), "not UTF-8")
    #expect(file.hasBOM == expected.bom)
    #expect(file.allLinesCRLF)
    #expect(file.records.count == 4)
    #expect(file.records[0] == expected.header)
    #expect(Array(file.rawLines.prefix(3)) == expected.rawLines)
    // Third customer: half-up scale, duplicate tag dropped in order.
    #expect(file.records[3][1] == "0.5000")
    #expect(file.records[3][4] == "Discount Seeker;High Value")
    for record in file.records.dropFirst() {
      #expect(record[1].wholeMatch(of: /[0-9]+\.[0-9]{4}/) != nil, "no exponent, four decimals: \(record[1])")
    }
    let manifest = result.files[0].manifest
    #expect(manifest.rows == 3)
    #expect(manifest.bytes == bytes.count)
    #expect(manifest.byteOrderMark == expected.bom)
    #expect(manifest.sha256 == SHA256.hash(bytes).hex)
    #expect(manifest.key.header == expected.header[0])
    #expect(manifest.columns.map(\.header) == Array(expected.header.dropFirst()))
    #expect(manifest.inputs == ["features.csv", "scores.csv", "segments.csv", "tags.csv"])
  }

  @Test("the manifest on disk is the one returned, as JSON")
  func manifestFile() throws {
    let fixture = ExportFixture()
    let result = try fixture.export(.zoho)
    let data = Data(fixture.bytes("zoho-update.csv.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["profile"] as? String == "zoho")
    #expect(object["encoding"] as? String == "utf-8")
    #expect(object["sha256"] as? String == result.files[0].manifest.sha256)
    #expect((object["key"] as? [String: Any])?["source"] as? String == "customers.csv: Record Id")
    #expect(object["line_ending"] as? String == "CRLF")
    let warnings = try #require(object["warnings"] as? [String])
    #expect(warnings.contains { $0.contains("don't open and save this CSV in Excel") })
  }

  @Test("GB18030 output: the bytes Python's encoder writes, no BOM")
  func gb18030() throws {
    let fixture = ExportFixture()
    _ = try fixture.export(.fxiaoke) { config in
      config.settings.format = .csv
      config.settings.encoding = .gb18030
      config.columns = [.init(source: "probability")]
    }
    let bytes = fixture.bytes("fxiaoke-update.csv")
    // Python: list('"客户编号","流失概率"'.encode('gb18030'))
    let header: [UInt8] = [
      34, 191, 205, 187, 167, 177, 224, 186, 197, 34, 44, 34, 193, 247, 202, 167, 184, 197, 194, 202, 34,
    ]
    #expect(Array(bytes.prefix(header.count + 2)) == header + [13, 10])
    #expect(String(decoding: bytes.dropFirst(header.count + 2), as: UTF8.self) == "\"KH-000123\",0.8731\r\n\"KH-000456\",0.1235\r\n\"KH-000789\",0.5000\r\n")
  }

  @Test("fxiaoke writes XLSX by default: string cells for keys and text, numeric cells for scores, no formulas")
  func fxiaokeXLSX() throws {
    let fixture = ExportFixture()
    let result = try fixture.export(.fxiaoke)
    #expect(result.files.map { ($0.path as NSString).lastPathComponent } == ["fxiaoke-update.xlsx"])
    let entries = try ReadBack.unzip(fixture.bytes("fxiaoke-update.xlsx"))
    #expect(
      Set(entries.keys) == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
      ])
    let sheet = ReadBack.sheetCells(try #require(entries["xl/worksheets/sheet1.xml"]))
    #expect(sheet.wellFormed)
    #expect(!sheet.hasFormula)
    let cells = Dictionary(uniqueKeysWithValues: sheet.cells.map { ($0.reference, $0) })
    #expect(
      ["A1", "B1", "C1", "D1", "E1", "F1", "G1"].map { cells[$0]?.text }
        == ["客户编号", "流失概率", "流失风险", "客户分群", "智能标签", "Member", "First Order"])
    #expect(cells["A2"] == .init(reference: "A2", type: "inlineStr", style: "1", text: "KH-000123"))
    #expect(cells["B2"] == .init(reference: "B2", type: nil, style: "2", text: "0.8731"))
    #expect(cells["E2"]?.text == "High Value;Email Engaged")
    #expect(cells["F2"]?.text == "是")
    #expect(cells["F3"]?.text == "否")
    #expect(cells["E3"] == nil, "an empty tag list is an empty cell")
    #expect(sheet.cells.filter { $0.reference.hasSuffix("4") }.count == 7)
    let styles = try #require(entries["xl/styles.xml"])
    #expect(styles.contains(#"<numFmt numFmtId="164" formatCode="0.0000"/>"#))
    #expect(styles.contains(#"<xf numFmtId="49""#))
    #expect(try #require(entries["[Content_Types].xml"]).contains("/xl/worksheets/sheet1.xml"))
    #expect(result.files[0].manifest.format == "xlsx")
    #expect(result.files[0].manifest.delimiter == nil)
  }

  @Test("XLSX keeps a leading-zero key as text, where a CSV would get a warning")
  func leadingZeroKeyInXLSX() throws {
    let fixture = ExportFixture()
    let result = try fixture.export(.zoho) { $0.settings.format = .xlsx }
    let sheet = ReadBack.sheetCells(try #require(try ReadBack.unzip(fixture.bytes("zoho-update.xlsx"))["xl/worksheets/sheet1.xml"]))
    #expect(sheet.cells.first { $0.reference == "A4" } == .init(reference: "A4", type: "inlineStr", style: "1", text: "0041508680000019442"))
    #expect(!result.warnings.contains { $0.contains("Excel") })
  }

  @Test("the same inputs give the same bytes, CSV and XLSX")
  func deterministic() throws {
    for format in ExportFormat.allCases {
      let first = ExportFixture()
      let second = ExportFixture()
      _ = try first.export(.hubspot) { $0.settings.format = format }
      _ = try second.export(.hubspot) { $0.settings.format = format }
      let name = "hubspot-update.\(format.rawValue)"
      #expect(first.bytes(name) == second.bytes(name))
      #expect(first.bytes(name + ".json") == second.bytes(name + ".json"))
    }
  }

  @Test("percent probabilities and HubSpot's append mode")
  func percentAndAppend() throws {
    let fixture = ExportFixture()
    _ = try fixture.export(.hubspot) { config in
      config.settings.probabilityAsPercent = true
      config.settings.multiSelectAppend = true
      config.columns = [.init(source: "probability"), .init(source: "tags")]
    }
    let file = try #require(ReadBack.csv(fixture.bytes("hubspot-update.csv")))
    #expect(file.records[1] == ["7512034", "87.31", ";High Value;Email Engaged"])
    #expect(file.records[2] == ["7512035", "12.35", ""])
  }

  @Test("a profile's default columns are the score columns the run folder has")
  func defaultColumns() throws {
    let fixture = ExportFixture()
    let result = try fixture.export(.salesforce) { $0.columns = nil }
    #expect(
      result.files[0].manifest.columns.map(\.header) == [
        "Churn_Probability__c", "Churn_Risk__c", "Churn_Reason__c", "Segment__c", "RFM_Segment__c", "Value_Tier__c",
        "Purchase_Lifecycle__c", "Score_Tags__c",
      ])
    #expect(result.files[0].manifest.columns.map(\.formulaGuard) == ["reject", "reject", "prefix", "reject", "reject", "reject", "reject", "reject"])
  }
}
