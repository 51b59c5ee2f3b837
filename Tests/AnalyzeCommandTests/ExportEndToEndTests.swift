import Foundation
import Testing
import TestSupport

/// The shipped job (`datasets/job.yaml`: features, churn, segment, tag …) run
/// on the bundled sample, then `analyze export` of its run folder for every
/// profile with the shipped `datasets/export.yaml`, each file read back with
/// the test-only CSV reader.
@Suite(.serialized) struct ExportEndToEndTests {
  struct Expected: Sendable, CustomStringConvertible {
    var profile: String
    var headerLine: String
    var bom: Bool
    /// Customers written: prospects have no RFM segment, and only profiles
    /// where an empty cell means "no change" write them.
    var rows: Int
    var description: String { profile }
  }

  static let profiles: [Expected] = [
    Expected(
      profile: "zoho",
      headerLine: #""Record Id","Churn Probability","Churn Risk","Churn Reason","Segment","RFM Segment","Value Tier","Purchase Lifecycle","Score Tags""#,
      bom: true, rows: 2768),
    Expected(
      profile: "salesforce",
      headerLine: #""Id","Churn_Probability__c","Churn_Risk__c","Churn_Reason__c","Segment__c","RFM_Segment__c","Value_Tier__c","Purchase_Lifecycle__c","Score_Tags__c""#,
      bom: false, rows: 3000),
    Expected(
      profile: "hubspot",
      headerLine: #""Record ID","Churn Probability","Churn Risk","Churn Reason","Segment","RFM Segment","Value Tier","Purchase Lifecycle","Score Tags""#,
      bom: true, rows: 2768),
    Expected(
      profile: "dynamics",
      headerLine: "Customer Key,Churn Probability,Churn Risk,Churn Reason,Segment,RFM Segment,Value Tier,Purchase Lifecycle,Score Tags",
      bom: true, rows: 2768),
    Expected(
      profile: "generic",
      headerLine: #""customer_key","churn_probability","churn_risk","churn_reason","segment","rfm_segment","value_tier","purchase_lifecycle","score_tags""#,
      bom: true, rows: 3000),
  ]

  /// The first customer as every profile writes it (Dynamics quotes the number too).
  static let firstCustomer = [
    "C0000001", "0.9570", "very_high", "days since last purchase high (1095)", "Occasional big spenders", "Lost", "C",
    "Lapsed", "一次性客户;45岁及以上;男性;非会员",
  ]

  /// Holds the job's output for as long as the tests run.
  nonisolated(unsafe) static let root = TemporaryDirectory()

  /// The run folder of the shipped job on the sample, made once (only read afterwards).
  nonisolated(unsafe) static let run: String = {
    let job = try! String(contentsOfFile: repositoryPath("datasets/job.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "data: sample", with: "data: \(repositoryPath("datasets/sample"))")
      .replacingOccurrences(of: "output: ../out/jobs", with: "output: \(Self.root.path)/out")
      .replacingOccurrences(of: "rules: tags.yaml", with: "rules: \(repositoryPath("datasets/tags.yaml"))")
      .replacingOccurrences(of: "config: export.yaml", with: "config: \(repositoryPath("datasets/export.yaml"))")
    let result = try! runAnalyze(["run", Self.root.write("job.yaml", job)])
    precondition(result.status == 0, result.standardError)
    return "\(Self.root.path)/out/nightly/latest"
  }()

  private func export(_ profile: String, _ extra: [String] = [], config: String? = nil) throws -> (CommandResult, TemporaryDirectory) {
    let out = TemporaryDirectory()
    let result = try runAnalyze(
      [
        "export", Self.run, "--profile", profile, "--customers", repositoryPath("datasets/sample/customers.csv"),
        "--config", config ?? repositoryPath("datasets/export.yaml"), "--out", out.path,
      ] + extra)
    return (result, out)
  }

  @Test("each CSV profile on the sample: header, BOM, CRLF, quoting, rows", arguments: profiles)
  func csvProfile(expected: Expected) throws {
    let (result, out) = try export(expected.profile)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("inputs: features.csv, scores.csv, segments.csv, tags.csv"))
    let bytes = Array(FileManager.default.contents(atPath: "\(out.path)/\(expected.profile)-update.csv") ?? Data())
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) == expected.bom)
    let text = try #require(String(bytes: expected.bom ? Array(bytes.dropFirst(3)) : bytes, encoding: .utf8))
    #expect(text.hasPrefix(expected.headerLine + "\r\n"))
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
    let records = CSVTestReader.records(text)
    #expect(records.count == expected.rows + 1)
    #expect(records.dropFirst().allSatisfy { $0.count == 9 && $0[0].wholeMatch(of: /C[0-9]{7}/) != nil })
    #expect(records[1] == Self.firstCustomer)
    // Scores travel with four decimals and no exponent.
    #expect(records.dropFirst().allSatisfy { $0[1].isEmpty || $0[1].wholeMatch(of: /0\.[0-9]{4}|1\.0000/) != nil })
    let manifest = try JSONSerialization.jsonObject(with: Data(out.read("\(expected.profile)-update.csv.json").utf8)) as! [String: Any]
    #expect(manifest["rows"] as? Int == expected.rows)
    #expect(manifest["bytes"] as? Int == bytes.count)
    let rejects = CSVTestReader.records(out.read("\(expected.profile)-update-rejects.csv"))
    #expect(rejects.count == 1 + 3000 - expected.rows)
  }

  @Test("fxiaoke on the sample: an XLSX workbook by default, GB18030 CSV on request")
  func fxiaoke() throws {
    let (xlsx, out) = try export("fxiaoke")
    #expect(xlsx.status == 0, "\(xlsx.standardError)")
    let workbook = Array(FileManager.default.contents(atPath: "\(out.path)/fxiaoke-update.xlsx") ?? Data())
    #expect(workbook.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP container")
    #expect(out.read("fxiaoke-update.xlsx.json").contains(#""rows" : 2768"#))

    let (csv, csvOut) = try export("fxiaoke", ["--format", "csv", "--encoding", "gb18030"])
    #expect(csv.status == 0, "\(csv.standardError)")
    let bytes = Array(FileManager.default.contents(atPath: "\(csvOut.path)/fxiaoke-update.csv") ?? Data())
    // Python: list('"客户编号","流失概率","流失风险","流失原因","客户分群","RFM分层","价值等级","购买生命周期","智能标签"\r\n'.encode('gb18030'))
    let header: [UInt8] = [
      34, 191, 205, 187, 167, 177, 224, 186, 197, 34, 44, 34, 193, 247, 202, 167, 184, 197, 194, 202, 34, 44, 34, 193,
      247, 202, 167, 183, 231, 207, 213, 34, 44, 34, 193, 247, 202, 167, 212, 173, 210, 242, 34, 44, 34, 191, 205, 187,
      167, 183, 214, 200, 186, 34, 44, 34, 82, 70, 77, 183, 214, 178, 227, 34, 44, 34, 188, 219, 214, 181, 181, 200, 188,
      182, 34, 44, 34, 185, 186, 194, 242, 201, 250, 195, 252, 214, 220, 198, 218, 34, 44, 34, 214, 199, 196, 220, 177,
      234, 199, 169, 34, 13, 10,
    ]
    #expect(Array(bytes.prefix(header.count)) == header)
    #expect(CSVTestReader.records(String(decoding: bytes.dropFirst(header.count), as: UTF8.self)).count == 2768)
    // The config maps the risk bands to the CRM's Chinese options.
    // Python: list('"C0000001",0.9570,"很高",'.encode('gb18030'))
    let first: [UInt8] = [34, 67, 48, 48, 48, 48, 48, 48, 49, 34, 44, 48, 46, 57, 53, 55, 48, 44, 34, 186, 220, 184, 223, 34, 44]
    #expect(Array(bytes.dropFirst(header.count).prefix(first.count)) == first)
  }

  @Test("number formats on real data: potential_value with two decimals, never an exponent")
  func numbers() throws {
    let config = TemporaryDirectory()
    let path = config.write(
      "export.yaml",
      """
      match_key: {column: customer_id, pattern: null}
      columns:
        - source: potential_value
          header: Potential Value
          kind: decimal
          scale: 2
      """)
    let (result, out) = try export("hubspot", config: path)
    #expect(result.status == 0, "\(result.standardError)")
    let records = CSVTestReader.records(out.read("hubspot-update.csv"))
    #expect(records[0] == ["Record ID", "Potential Value"])
    #expect(records[1] == ["C0000001", "186.75"])  // 186.75166666666667 in features.csv
    #expect(records.dropFirst().allSatisfy { $0[1].wholeMatch(of: /-?[0-9]+\.[0-9]{2}/) != nil })
  }

  @Test("a config mistake exits 2 naming line and column; an empty key exits 1 naming the customer")
  func failures() throws {
    let config = TemporaryDirectory()
    let bad = config.write("bad.yaml", "match_key:\n  column: customer_id\nmax_rowz: 5\n")
    let (usage, usageOut) = try export("zoho", config: bad)
    #expect(usage.status == 2)
    #expect(usage.standardError.contains("bad.yaml:3:1: unknown key 'max_rowz' (did you mean 'max_rows'?)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: usageOut.path).isEmpty)

    let customers = config.write("customers.csv", "customer_id,Record Id\nC0000001,4150868000001944196\nC0000002,\n")
    let out = TemporaryDirectory()
    let data = try runAnalyze([
      "export", Self.run, "--profile", "zoho", "--customers", customers, "--out", out.path,
    ])
    #expect(data.status == 1)
    #expect(data.standardError.contains("C0000002 (customers.csv line 3)"))
  }
}
