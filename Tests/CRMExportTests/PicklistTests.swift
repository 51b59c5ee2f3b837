import Testing

@testable import CRMExport

/// Picklist and tag values checked against the config's allowed lists.
@Suite struct PicklistTests {
  @Test("a value outside the allowed list refuses the export by default")
  func refuse() throws {
    let fixture = ExportFixture()
    #expect(
      throws: ExportError.valueNotAllowed(
        column: "Churn Risk", offender: .init(customerID: "C3", file: "scores.csv", line: 4, value: "medium"),
        allowed: ["high", "low"])
    ) {
      try fixture.export(.zoho) { $0.columns = [.init(source: "risk_band", allowed: ["high", "low"])] }
    }
  }

  @Test("report leaves the customer out and lists them")
  func reportPicklist() throws {
    let fixture = ExportFixture()
    let result = try fixture.export(.zoho) {
      $0.columns = [.init(source: "risk_band", allowed: ["high", "low"], onInvalid: .report)]
    }
    #expect(result.rows == 2)
    #expect(result.rejects.map(\.customerID) == ["C3"])
    #expect(result.rejects[0].action == "row not exported")
  }

  @Test("an unknown tag is dropped from its list and listed; the customer stays")
  func reportTag() throws {
    let fixture = ExportFixture()
    let result = try fixture.export(.hubspot) {
      $0.columns = [.init(source: "tags", allowed: ["High Value", "Discount Seeker"], onInvalid: .report)]
    }
    let file = try #require(ReadBack.csv(fixture.bytes("hubspot-update.csv")))
    #expect(file.records.map { $0[1] } == ["Score Tags", "High Value", "", "Discount Seeker;High Value"])
    #expect(result.rejects == [
      .init(customerID: "C1", column: "Score Tags", value: "Email Engaged", reason: "not an allowed value", action: "value dropped")
    ])
  }

  @Test("values are mapped to the CRM's option values before the check")
  func valueMap() throws {
    let fixture = ExportFixture()
    _ = try fixture.export(.hubspot) {
      $0.columns = [
        .init(
          source: "segment_name", allowed: ["high_value_loyal", "dormant"],
          valueMap: ["High-value loyal": "high_value_loyal", "Dormant": "dormant"])
      ]
    }
    let file = try #require(ReadBack.csv(fixture.bytes("hubspot-update.csv")))
    #expect(file.records.map { $0[1] } == ["Segment", "high_value_loyal", "dormant", "high_value_loyal"])
  }

  @Test("Zoho refuses | < > in controlled values; every profile refuses the separator inside a value")
  func forbidden() throws {
    let zoho = ExportFixture(tags: ["A|B", "", "C"])
    #expect(throws: ExportError.self) { try zoho.export(.zoho) { $0.columns = [.init(source: "tags")] } }
    let separator = ExportFixture(tags: ["a,b", "", "c"])
    #expect {
      try separator.export(.generic) { config in
        config.settings.multiSelectSeparator = ","
        config.columns = [.init(source: "tags")]
      }
    } throws: { error in
      guard case .forbiddenCharacter(_, let offender, let character) = error as? ExportError else { return false }
      return offender.customerID == "C1" && character == ","
    }
  }

  @Test("more values than Salesforce keeps in a multi-select is refused")
  func tooMany() throws {
    let fixture = ExportFixture(tags: [(1...101).map { "t\($0)" }.joined(separator: ";"), "", ""])
    #expect {
      try fixture.export(.salesforce) { $0.columns = [.init(source: "tags")] }
    } throws: { error in
      guard case .tooManyValues(_, let offender, let limit) = error as? ExportError else { return false }
      return offender.customerID == "C1" && limit == 100
    }
  }

  @Test("empty scores skip the row where an empty cell could clear a field, and are written where it means no change")
  func emptyCells() throws {
    let fixture = ExportFixture()
    fixture.directory.write("run/scores.csv", "customer_id,probability\nC1,0.5\nC2,\nC3,0.25\n")
    let zoho = try fixture.export(.zoho) { $0.columns = [.init(source: "probability")] }
    #expect(zoho.rows == 2)
    #expect(zoho.rejects.map(\.customerID) == ["C2"])
    let salesforce = try fixture.export(.salesforce) { $0.columns = [.init(source: "probability")] }
    #expect(salesforce.rows == 3)
    let withToken = try fixture.export(.salesforce) { config in
      config.columns = [.init(source: "probability")]
      config.settings.nullToken = "#N/A"
    }
    #expect(withToken.rows == 3)
    let file = try #require(ReadBack.csv(fixture.bytes("salesforce-update.csv")))
    #expect(file.records[2] == ["0035g00000ABCDFQA1", "#N/A"])
  }

  @Test("text is normalized to NFC, line breaks become spaces, and long text is cut with a warning")
  func text() throws {
    let fixture = ExportFixture(cities: ["Cafe\u{301}", "a\r\nb\nc", String(repeating: "x", count: 300)])
    let result = try fixture.export(.zoho) { $0.columns = [.init(source: "city", header: "City")] }
    let file = try #require(ReadBack.csv(fixture.bytes("zoho-update.csv")))
    #expect(file.records.map { $0[1] } == ["City", "Caf\u{E9}", "a b c", String(repeating: "x", count: 255)])
    #expect(result.warnings.contains("City: text longer than 255 characters was cut"))
  }
}
