import Foundation
import TestSupport
import Testing

@testable import CRMExport

/// The CRM key is mandatory and unique; customers without one are reported, never dropped silently.
@Suite struct MatchKeyTests {
  private func fixture(customers: String) -> ExportFixture {
    let fixture = ExportFixture()
    fixture.directory.write("customers.csv", customers)
    return fixture
  }

  @Test("empty keys refuse the export, naming each customer and line")
  func emptyKeys() throws {
    let fixture = fixture(customers: "customer_id,customer_key\nC1,K1\nC2,\nC3,  \n")
    #expect(
      throws: ExportError.emptyKeys(
        column: "customer_key",
        offenders: [
          .init(customerID: "C2", file: "customers.csv", line: 3, value: ""),
          .init(customerID: "C3", file: "customers.csv", line: 4, value: ""),
        ])
    ) { try fixture.export(.generic) }
    #expect(!FileManager.default.fileExists(atPath: fixture.outPath))
  }

  @Test("the message lists the ids and lines")
  func emptyKeyMessage() {
    let error = ExportError.emptyKeys(
      column: "Record Id", offenders: [.init(customerID: "C2", file: "customers.csv", line: 3, value: "")])
    #expect(error.description.contains("C2 (customers.csv line 3)"))
  }

  @Test("with missing: report, customers with an empty key go to the rejects file")
  func emptyKeysReported() throws {
    let fixture = fixture(customers: "customer_id,customer_key\nC1,K1\nC2,\nC3,K3\n")
    let result = try fixture.export(.generic) { $0.matchKey.missing = .report }
    #expect(result.rows == 2)
    #expect(result.rejects.map(\.customerID) == ["C2"])
    let rejects = try #require(ReadBack.csv(fixture.bytes("generic-update-rejects.csv")))
    #expect(rejects.records == [
      ["customer_id", "column", "value", "reason", "action"],
      ["C2", "customer_key", "", "empty CRM key in customers.csv line 3", "row not exported"],
    ])
  }

  @Test("duplicate keys refuse the export, naming both customers")
  func duplicateKeys() throws {
    let fixture = fixture(customers: "customer_id,customer_key\nC1,K1\nC2,K9\nC3,K9\n")
    #expect(
      throws: ExportError.duplicateKeys(
        column: "customer_key",
        offenders: [
          .init(customerID: "C2", file: "customers.csv", line: 3, value: "K9"),
          .init(customerID: "C3", file: "customers.csv", line: 4, value: "K9"),
        ])
    ) { try fixture.export(.generic) }
  }

  @Test("a customer listed twice in the customers file is refused with both lines")
  func duplicateCustomer() throws {
    let fixture = fixture(customers: "customer_id,customer_key\nC1,K1\nC2,K2\nC1,K7\nC3,K3\n")
    #expect(
      throws: ExportError.duplicateCustomer(
        path: fixture.customersPath,
        offenders: [
          .init(customerID: "C1", file: "customers.csv", line: 2, value: "C1"),
          .init(customerID: "C1", file: "customers.csv", line: 4, value: "C1"),
        ])
    ) { try fixture.export(.generic) }
  }

  @Test("customers not in the customers file are counted and listed, not silently dropped")
  func unmatched() throws {
    let fixture = fixture(customers: "customer_id,customer_key\nC1,K1\nC3,K3\n")
    let result = try fixture.export(.generic)
    #expect(result.rows == 2)
    #expect(result.rejects == [
      .init(customerID: "C2", column: "customer_key", value: "", reason: "not in customers.csv", action: "row not exported")
    ])
  }

  @Test("Zoho keys must look like record ids: 15 to 19 digits")
  func zohoPattern() throws {
    let fixture = ExportFixture()
    fixture.directory.write("customers.csv", "customer_id,Record Id\nC1,4150868000001944196\nC2,C-0002\nC3,4.15087E+18\n")
    #expect(
      throws: ExportError.invalidKeys(
        column: "Record Id", pattern: "[0-9]{15,19}",
        offenders: [
          .init(customerID: "C2", file: "customers.csv", line: 3, value: "C-0002"),
          .init(customerID: "C3", file: "customers.csv", line: 4, value: "4.15087E+18"),
        ])
    ) { try fixture.export(.zoho) }
  }

  @Test("the customers file's key column is found by name; its id column by the ingest aliases")
  func chineseIDHeader() throws {
    let fixture = fixture(customers: "客户ID,CRM编号\nC1,A1\nC2,A2\nC3,A3\n")
    let result = try fixture.export(.generic) { config in
      config.matchKey.column = "CRM编号"
      config.settings.keyHeader = "CRM编号"
    }
    let file = try #require(ReadBack.csv(fixture.bytes("generic-update.csv")))
    #expect(file.records.map { $0[0] } == ["CRM编号", "A1", "A2", "A3"])
    #expect(result.keySource == "customers.csv: CRM编号")
  }

  @Test("customer_id itself can be the key, with no customers file")
  func customerIDAsKey() throws {
    let fixture = ExportFixture()
    var config = ExportConfig(profile: .generic)
    config.matchKey.column = "customer_id"
    config.columns = [.init(source: "probability")]
    let result = try CRMExporter(config: config).export(try RunFolder(path: fixture.runPath), customers: nil, to: fixture.outPath)
    #expect(result.keySource == "customer_id")
    let file = try #require(ReadBack.csv(fixture.bytes("generic-update.csv")))
    #expect(file.records.map { $0[0] } == ["customer_key", "C1", "C2", "C3"])
  }

  @Test("files listing customers in other orders, or customers the features lack, are joined by id")
  func joinAcrossOrders() throws {
    let directory = TemporaryDirectory()
    directory.write("run/features.csv", "customer_id,rfm_segment\nC1,Champions\nC2,Lost\n")
    directory.write("run/scores.csv", "customer_id,probability,risk_band\nC3,0.25,low\nC2,0.5,medium\nC1,0.75,high\n")
    directory.write("run/segments.csv", "customer_id,segment_name\nC2,Dormant\n")
    var config = ExportConfig(profile: .generic)
    config.matchKey.column = "customer_id"
    config.settings.emptyCells = .write
    let exporter = CRMExporter(config: config)
    let run = try RunFolder(path: "\(directory.path)/run", columns: exporter.sourceColumns)
    #expect(run.customerIDs == ["C1", "C2", "C3"])
    _ = try exporter.export(run, customers: nil, to: "\(directory.path)/out")
    let file = try #require(ReadBack.csv(Array(try Data(contentsOf: URL(fileURLWithPath: "\(directory.path)/out/generic-update.csv")))))
    #expect(
      file.records == [
        ["customer_key", "churn_probability", "churn_risk", "segment", "rfm_segment"],
        ["C1", "0.7500", "high", "", "Champions"],
        ["C2", "0.5000", "medium", "Dormant", "Lost"],
        ["C3", "0.2500", "low", "", ""],
      ])
  }

  @Test("a key column the customers file lacks is a setting error listing its columns")
  func missingKeyColumn() throws {
    let fixture = fixture(customers: "customer_id,city\nC1,x\n")
    #expect {
      try fixture.export(.zoho)
    } throws: { error in
      guard let error = error as? ExportError, case .invalidSetting(let name, let message) = error else { return false }
      return name == "match_key.column" && message.contains("\"Record Id\"") && message.contains("\"city\"")
        && error.isUsageError
    }
  }

  @Test("profiles that would create records are refused")
  func creation() throws {
    let fixture = ExportFixture()
    #expect {
      try fixture.export(.salesforce) { $0.settings.keyHeader = "Customer_Key__c" }
    } throws: { error in
      guard case .wouldCreateRecords(let profile, let reason) = error as? ExportError else { return false }
      return profile == "salesforce" && reason.contains("upsert")
    }
    #expect {
      try fixture.export(.dynamics) { $0.settings.keyHeader = nil }
    } throws: { error in
      guard case .wouldCreateRecords(let profile, _) = error as? ExportError else { return false }
      return profile == "dynamics"
    }
  }

  @Test("Dynamics keeps its BOM unless forced")
  func dynamicsBOM() throws {
    let fixture = ExportFixture()
    #expect(throws: ExportError.self) { try fixture.export(.dynamics) { $0.settings.byteOrderMark = false } }
    let result = try fixture.export(.dynamics) { config in
      config.settings.byteOrderMark = false
      config.force = true
    }
    #expect(result.files[0].manifest.byteOrderMark == false)
  }
}
