import DataIngest
import Testing
import TestSupport

@testable import CRMExport

@Suite struct ExportConfigTests {
  private func parse(_ yaml: String, _ profile: CRMProfile = .zoho) throws -> ExportConfig {
    try ExportConfig.parse(yaml: yaml, path: "export.yaml", profile: profile)
  }

  @Test("every setting overrides the profile's default")
  func settings() throws {
    let config = try parse(
      """
      format: xlsx
      encoding: gb18030
      byte_order_mark: false
      delimiter: ";"
      line_ending: lf
      quote_header: false
      quote_all: true
      header_style: internal
      date_format: dd/MM/yyyy
      boolean: [Y, N]
      multiselect_separator: ","
      multiselect_mode: append
      max_rows: 100
      max_bytes: 8MB
      max_columns: unlimited
      text_max_length: 40
      scale: 2
      probability_as: percent
      null_token: "#N/A"
      empty_cells: write
      newlines: keep
      file_name: contacts
      """)
    let s = config.settings
    #expect(s.format == .xlsx && s.encoding == .gb18030 && !s.byteOrderMark && s.delimiter == ";")
    #expect(s.lineEnding == .lf && !s.quoteHeader && s.quoteTypedCells && s.headerStyle == .internalName)
    #expect(s.dateFormat == "dd/MM/yyyy" && s.trueWord == "Y" && s.falseWord == "N")
    #expect(s.multiSelectSeparator == "," && s.multiSelectAppend)
    #expect(s.maxRows == 100 && s.maxBytes == 8_000_000 && s.maxColumns == nil && s.textMaxLength == 40)
    #expect(s.decimalScale == 2 && s.probabilityAsPercent && s.nullToken == "#N/A" && s.emptyCells == .write)
    #expect(!s.replaceNewlines && s.fileName == "contacts")
  }

  @Test("sizes take decimal and binary units")
  func sizes() throws {
    #expect(try parse("max_bytes: 500MiB").settings.maxBytes == 500 * 1_048_576)
    #expect(try parse("max_bytes: 64 KB").settings.maxBytes == 64_000)
    #expect(try parse("max_bytes: 20000000").settings.maxBytes == 20_000_000)
    #expect(try parse("max_bytes: unlimited").settings.maxBytes == nil)
  }

  @Test("a profiles: section applies to its profile only, after the top level")
  func profileSections() throws {
    let yaml = """
      max_rows: 10
      profiles:
        hubspot:
          max_rows: 5
          multiselect_mode: append
        dynamics:
          match_key: {header: Customer Key}
      """
    #expect(try parse(yaml, .zoho).settings.maxRows == 10)
    let hubspot = try parse(yaml, .hubspot)
    #expect(hubspot.settings.maxRows == 5 && hubspot.settings.multiSelectAppend)
    #expect(try parse(yaml, .dynamics).settings.keyHeader == "Customer Key")
  }

  @Test("match_key, columns and profile options")
  func matchKeyAndColumns() throws {
    let config = try ExportConfig.parse(
      yaml: """
        zoho_mode: bulk
        match_key:
          file: ids/customers.csv
          column: Record Id
          id_column: 会员编号
          pattern: null
          missing: report
        columns:
          - probability
          - source: tags
            header: Score Tags
            kind: multiselect
            formula_guard: strip
            allowed: [VIP, Loyal]
            on_invalid: report
            values: {vip: VIP}
          - source: probability
            as: percent
            scale: 1
        """, path: "/etc/crm/export.yaml", profile: .zoho)
    #expect(config.settings.headerStyle == .zohoAPI && config.settings.keyHeader == "id")
    #expect(config.matchKey == MatchKey(file: "/etc/crm/ids/customers.csv", column: "Record Id", idColumn: "会员编号", missing: .report))
    #expect(config.settings.keyPattern == nil)
    #expect(
      config.columns == [
        ColumnSpec(source: "probability"),
        ColumnSpec(
          source: "tags", header: "Score Tags", kind: .multiselect, formulaGuard: .strip, allowed: ["VIP", "Loyal"],
          onInvalid: .report, valueMap: ["vip": "VIP"]),
        ColumnSpec(source: "probability", scale: 1, asPercent: true),
      ])
  }

  @Test("mistakes are reported with the file, line and column", arguments: [
    ("max_rowz: 5", 1, 1, "did you mean 'max_rows'"),
    ("format: pdf", 1, 9, "'pdf' is not one of csv, xlsx"),
    ("columns:\n  - source: tags\n    kind: list", 3, 11, "'list' is not one of key, decimal"),
    ("columns:\n  - header: X", 2, 5, "a column needs a source"),
    ("match_key:\n  colum: Id", 2, 3, "unknown key in match_key"),
    ("profiles:\n  zohoo: {}", 2, 3, "unknown profile 'zohoo'"),
    ("profiles:\n  hubspot:\n    max_bytes: lots", 3, 16, "expected a size"),
    ("max_rows: 0", 1, 11, "expected a whole number"),
    ("format: [csv", 2, 1, "did not find expected"),
    ("boolean: [yes]", 1, 10, "expected [true word, false word]"),
  ])
  func errors(yaml: String, line: Int, column: Int, message: String) {
    #expect {
      try parse(yaml)
    } throws: { error in
      guard case .invalidConfiguration(let path, let l, let c, let text) = error as? ExportError else { return false }
      return path == "export.yaml" && l == line && c == column && text.contains(message)
    }
  }

  @Test("the shipped datasets/export.yaml reads for every profile")
  func shippedExample() throws {
    for profile in CRMProfile.allCases {
      let config = try ExportConfig.load(path: repositoryPath("datasets/export.yaml"), profile: profile)
      #expect(config.matchKey.column == "customer_id")
      #expect(
        config.columns?.map(\.source) == [
          "probability", "risk_band", "reason_1", "segment_name", "rfm_segment", "value_tier", "lifecycle_stage", "tags",
        ])
      try config.validate()
    }
    let fxiaoke = try ExportConfig.load(path: repositoryPath("datasets/export.yaml"), profile: .fxiaoke)
    #expect(fxiaoke.columns?.map(\.header) == ["流失概率", "流失风险", "流失原因", "客户分群", "RFM分层", "价值等级", "购买生命周期", "智能标签"])
  }

  @Test("validation catches settings that cannot make a valid file")
  func validation() throws {
    var config = ExportConfig(profile: .generic)
    config.settings.delimiter = "\""
    #expect(throws: ExportError.self) { try config.validate() }
    config = ExportConfig(profile: .generic)
    config.settings.keyPattern = "[unclosed"
    #expect(throws: ExportError.self) { try config.validate() }
    config = ExportConfig(profile: .generic)
    config.settings.format = .xlsx
    config.settings.encoding = .gb18030
    #expect(throws: ExportError.self) { try config.validate() }
  }
}
