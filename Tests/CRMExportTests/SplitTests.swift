import DataIngest
import Foundation
import Testing

@testable import CRMExport

/// Files are cut by rows and by bytes after encoding, the header (and BOM) repeated in each.
@Suite struct SplitTests {
  /// A run folder of `count` customers with a probability each, keys K1…Kn.
  private func fixture(customers count: Int) -> ExportFixture {
    let fixture = ExportFixture()
    let ids = (1...count).map { "C\($0)" }
    fixture.directory.write(
      "run/scores.csv", "customer_id,probability\n" + ids.enumerated().map { "\($1),0.\($0 + 1)" }.joined(separator: "\n") + "\n")
    for file in ["features", "segments", "tags"] { try? FileManager.default.removeItem(atPath: "\(fixture.runPath)/\(file).csv") }
    fixture.directory.write(
      "customers.csv", "customer_id,customer_key\n" + ids.map { "\($0),K\($0.dropFirst())" }.joined(separator: "\n") + "\n")
    return fixture
  }

  private func export(_ fixture: ExportFixture, format: ExportFormat = .csv, maxRows: Int?, maxBytes: Int?) throws
    -> ExportResult
  {
    try fixture.export(.generic) { config in
      config.columns = [.init(source: "probability")]
      config.settings.format = format
      config.settings.maxRows = maxRows
      config.settings.maxBytes = maxBytes
    }
  }

  @Test("5 rows at 2 per file: three parts of 2, 2 and 1 rows, each with BOM and header")
  func byRows() throws {
    let fixture = fixture(customers: 5)
    let result = try export(fixture, maxRows: 2, maxBytes: nil)
    let names = result.files.map { ($0.path as NSString).lastPathComponent }
    #expect(names == ["generic-update.part01.csv", "generic-update.part02.csv", "generic-update.part03.csv"])
    var keys: [String] = []
    for (index, name) in names.enumerated() {
      let file = try #require(ReadBack.csv(fixture.bytes(name)))
      #expect(file.hasBOM)
      #expect(file.records[0] == ["customer_key", "churn_probability"])
      #expect(file.records.count - 1 == [2, 2, 1][index])
      keys += file.records.dropFirst().map { $0[0] }
      #expect(result.files[index].manifest.part == index + 1)
      #expect(result.files[index].manifest.parts == 3)
      #expect(result.files[index].manifest.rows == [2, 2, 1][index])
    }
    #expect(keys == ["K1", "K2", "K3", "K4", "K5"])
  }

  @Test("a byte limit is met exactly: BOM + header + rows ≤ max_bytes, as many rows as fit")
  func byBytes() throws {
    let fixture = fixture(customers: 5)
    // BOM 3 + "\"customer_key\",\"churn_probability\"\r\n" 36 = 39; each row "\"K1\",0.1000\r\n" is 13.
    let result = try export(fixture, maxRows: nil, maxBytes: 39 + 2 * 13)
    let sizes = result.files.map(\.manifest.bytes)
    #expect(sizes == [65, 65, 52])
    #expect(result.files.map(\.manifest.rows) == [2, 2, 1])
    for file in result.files {
      #expect(fixture.bytes((file.path as NSString).lastPathComponent).count == file.manifest.bytes)
      #expect(file.manifest.bytes <= 65)
    }
    // One byte less and only one row fits per file.
    let tighter = try export(fixture, maxRows: nil, maxBytes: 39 + 2 * 13 - 1)
    #expect(tighter.files.map(\.manifest.rows) == [1, 1, 1, 1, 1])
  }

  @Test("bytes are counted after encoding: GB18030 makes Chinese text shorter than UTF-8")
  func bytesAfterEncoding() throws {
    let fixture = fixture(customers: 4)
    for encoding in [TextEncoding.utf8, .gb18030] {
      let result = try fixture.export(.generic) { config in
        config.columns = [.init(source: "probability", header: "流失概率流失概率")]
        config.settings.encoding = encoding
        config.settings.byteOrderMark = false
        // UTF-8 header: "customer_key" 14 + "," + 8×3+2 = 26 → 43 with CRLF; GB18030: 8×2+2 → 35.
        config.settings.maxBytes = 35 + 2 * 13
      }
      #expect(result.files.map(\.manifest.rows) == (encoding == .utf8 ? [1, 1, 1, 1] : [2, 2]), "\(encoding)")
    }
  }

  @Test("a single row over the byte limit is refused, naming the customer")
  func rowTooLarge() throws {
    let fixture = fixture(customers: 2)
    #expect(throws: ExportError.rowTooLarge(offender: .init(customerID: "C1", file: "", line: 0, value: ""), bytes: 52, limit: 51)) {
      try export(fixture, maxRows: nil, maxBytes: 51)
    }
  }

  @Test("XLSX splits by rows too, each workbook with its header row")
  func xlsxByRows() throws {
    let fixture = fixture(customers: 3)
    let result = try export(fixture, format: .xlsx, maxRows: 2, maxBytes: nil)
    #expect(result.files.map(\.manifest.rows) == [2, 1])
    let second = try ReadBack.unzip(fixture.bytes("generic-update.part02.xlsx"))
    let cells = ReadBack.sheetCells(try #require(second["xl/worksheets/sheet1.xml"])).cells
    #expect(cells.map(\.text) == ["customer_key", "churn_probability", "K3", "0.3000"])
  }

  @Test("XLSX over the byte limit is halved until each workbook fits")
  func xlsxByBytes() throws {
    let fixture = fixture(customers: 8)
    let whole = try export(fixture, format: .xlsx, maxRows: nil, maxBytes: nil)
    let size = whole.files[0].manifest.bytes
    let result = try export(fixture, format: .xlsx, maxRows: nil, maxBytes: size - 1)
    #expect(result.files.count > 1)
    #expect(result.files.allSatisfy { $0.manifest.bytes < size })
    #expect(result.files.map(\.manifest.rows).reduce(0, +) == 8)
  }

  @Test("a shorter export removes the parts a longer one left")
  func staleParts() throws {
    let fixture = fixture(customers: 5)
    _ = try export(fixture, maxRows: 2, maxBytes: nil)
    fixture.directory.write("out/other.csv", "kept\n")
    _ = try export(fixture, maxRows: nil, maxBytes: nil)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: fixture.outPath).sorted() == [
        "generic-update-rejects.csv", "generic-update.csv", "generic-update.csv.json", "other.csv",
      ])
  }
}
