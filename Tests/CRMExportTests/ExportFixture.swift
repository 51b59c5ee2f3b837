import CRMExport
import Foundation
import TestSupport

/// A run folder written by hand: three customers with features, scores,
/// segments and tags, and a customers file holding each CRM's key column.
final class ExportFixture {
  let directory = TemporaryDirectory()
  var runPath: String { "\(directory.path)/run" }
  var customersPath: String { "\(directory.path)/customers.csv" }
  var outPath: String { "\(directory.path)/out" }

  /// The key of C1, C2, C3 under each profile's default key header.
  static let keys: [String: [String]] = [
    "Record Id": ["4150868000001944196", "4150868000001944201", "0041508680000019442"],
    "Id": ["0035g00000ABCDEQA1", "0035g00000ABCDFQA1", "0035g00000ABCDGQA1"],
    "Record ID": ["7512034", "7512035", "7512036"],
    "contactid": [
      "0f8fad5b-d9cb-469f-a165-70867728950e", "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      "3f333df6-90a4-4fda-8dd3-9485d27cee36",
    ],
    "客户编号": ["KH-000123", "KH-000456", "KH-000789"],
    "customer_key": ["K1", "K2", "K3"],
  ]

  init(
    cities: [String] = ["上海", "北京", "广州"],
    tags: [String] = ["High Value;Email Engaged", "", "Discount Seeker;High Value;Discount Seeker"]
  ) {
    let keyColumns = Self.keys.keys.sorted()
    var customers = "customer_id," + keyColumns.map(csvField).joined(separator: ",") + ",city\n"
    for (i, id) in ["C1", "C2", "C3"].enumerated() {
      customers += id + "," + keyColumns.map { csvField(Self.keys[$0]![i]) }.joined(separator: ",")
        + ",\(csvField(cities[i]))\n"
    }
    directory.write("customers.csv", customers)
    directory.write(
      "run/features.csv",
      """
      customer_id,recency_days,city,member,first_order,rfm_segment,value_tier,lifecycle_stage
      C1,4,\(csvField(cities[0])),1,2024-03-07,Champions,A,Active
      C2,400,\(csvField(cities[1])),0,2023-11-20,Lost,C,Lapsed
      C3,35,\(csvField(cities[2])),1,2025-01-02,Loyal,B,Active

      """)
    directory.write(
      "run/scores.csv",
      """
      customer_id,probability,risk_band,reason_1,reason_2,reason_3
      C1,0.87314,high,recency_days,,
      C2,0.12345,low,frequency,,
      C3,0.5,medium,discount_share,,

      """)
    directory.write(
      "run/segments.csv",
      """
      customer_id,segment,segment_name,distance,second_segment,second_distance
      C1,0,High-value loyal,1.2,1,3.4
      C2,1,Dormant,0.5,0,2.2
      C3,0,High-value loyal,0.9,1,1.9

      """)
    directory.write(
      "run/tags.csv", "customer_id,tags\n" + zip(["C1", "C2", "C3"], tags).map { "\($0),\(csvField($1))" }.joined(separator: "\n") + "\n")
  }

  /// The export's columns for the profile tests: a decimal, a picklist, a
  /// multi-select, a boolean and a date.
  static let columns = [
    ColumnSpec(source: "probability"), ColumnSpec(source: "risk_band"), ColumnSpec(source: "segment_name"),
    ColumnSpec(source: "tags"), ColumnSpec(source: "member", header: "Member", kind: .boolean),
    ColumnSpec(source: "first_order", header: "First Order", kind: .date),
  ]

  /// Runs the export with the profile's defaults, changed by `configure`.
  func export(_ profile: CRMProfile, configure: (inout ExportConfig) -> Void = { _ in }) throws -> ExportResult {
    var config = ExportConfig(profile: profile)
    config.columns = Self.columns
    if profile == .dynamics { config.settings.keyHeader = "contactid" }
    if profile == .salesforce { config.settings.dateFormat = "dd/MM/yyyy" }
    configure(&config)
    return try CRMExporter(config: config).export(try RunFolder(path: runPath), customers: customersPath, to: outPath)
  }

  /// The bytes of a file the export wrote.
  func bytes(_ name: String) -> [UInt8] {
    Array(FileManager.default.contents(atPath: "\(outPath)/\(name)") ?? Data())
  }
}

/// `text` as one RFC 4180 field, quoted when it must be.
func csvField(_ text: String) -> String {
  guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
  return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
