import Foundation
import Testing
import TestSupport

@testable import CRMExport

/// Customers made in ranges side by side give what one loop over them gives:
/// the same bytes, rejects, warning counts and errors.
@Suite struct ExportRangesTests {
  /// Nine customers: C4 not in the customers file, a reason that needs the
  /// prefix guard in both halves, an unknown tag in both halves.
  private func folder(keys: [String] = (1...9).map { "K\($0)" }, probabilities: [String]? = nil) -> TemporaryDirectory {
    let directory = TemporaryDirectory()
    let ids = (1...9).map { "C\($0)" }
    let probabilities = probabilities ?? ["0.87314", "0.12345", "0.5", "0.25", "0.999", "0.0001", "0.3", "0.61", "0.7"]
    let reasons = ["recency", "=cmd", "frequency", "recency", "recency", "-2+3", "frequency", "recency", "=cmd"]
    let tags = ["VIP", "VIP;Odd", "", "VIP", "Odd", "VIP", "VIP;Odd", "", "VIP"]
    _ = directory.write(
      "customers.csv",
      "customer_id,customer_key\n" + zip(ids, keys).filter { $0.0 != "C4" }.map { "\($0),\($1)\n" }.joined())
    _ = directory.write(
      "run/scores.csv",
      "customer_id,probability,reason_1\n" + ids.indices.map { "\(ids[$0]),\(probabilities[$0]),\(reasons[$0])\n" }.joined())
    _ = directory.write("run/tags.csv", "customer_id,tags\n" + zip(ids, tags).map { "\($0),\($1)\n" }.joined())
    return directory
  }

  private func exporter(_ configure: (inout ExportSettings) -> Void = { _ in }) -> CRMExporter {
    var config = ExportConfig(profile: .generic)
    configure(&config.settings)
    config.columns = [
      ColumnSpec(source: "probability"), ColumnSpec(source: "reason_1", kind: .text),
      ColumnSpec(source: "tags", allowed: ["VIP"], onInvalid: .report),
    ]
    return CRMExporter(config: config)
  }

  /// The result and every file written, by name.
  private func export(
    _ directory: TemporaryDirectory, ranges: Int, _ configure: (inout ExportSettings) -> Void = { _ in }
  ) throws(ExportError) -> (ExportResult, [String: [UInt8]]) {
    let out = "\(directory.path)/out\(ranges)"
    try? FileManager.default.removeItem(atPath: out)
    let run = try RunFolder(path: "\(directory.path)/run")
    let result = try exporter(configure).export(
      run, customers: "\(directory.path)/customers.csv", to: out, ranges: ranges)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
    return (result, Dictionary(uniqueKeysWithValues: names.map { ($0, Array(FileManager.default.contents(atPath: "\(out)/\($0)")!)) }))
  }

  @Test("two or three ranges write the bytes one range writes, with the same rejects and warnings")
  func sameFiles() throws {
    let directory = folder()
    let (one, oneFiles) = try export(directory, ranges: 1)
    #expect(one.rows == 8)
    #expect(one.rejects.count == 4)  // C4 without a key, and the tag Odd of C2, C5 and C7
    #expect(one.warnings.count == 1)
    #expect(one.warnings[0].hasSuffix("(3 times)"))  // =cmd of C2 and C9, -2+3 of C6
    #expect(oneFiles.count == 3)
    for ranges in [2, 3] {
      let (result, files) = try export(directory, ranges: ranges)
      #expect(files == oneFiles)
      #expect(result.rejects == one.rejects)
      #expect(result.warnings == one.warnings)
    }
  }

  @Test("parts cut by rows, GB18030 and XLSX files are the same from several ranges", arguments: [0, 1, 2])
  func sameFilesOtherFormats(variant: Int) throws {
    let directory = folder()
    let configure = { (settings: inout ExportSettings) in
      switch variant {
      case 0: settings.maxRows = 3
      case 1: settings.encoding = .gb18030
      default: settings.format = .xlsx
      }
    }
    let (one, oneFiles) = try export(directory, ranges: 1, configure)
    #expect(one.files.count == (variant == 0 ? 3 : 1))
    let (two, twoFiles) = try export(directory, ranges: 2, configure)
    #expect(twoFiles == oneFiles)
    #expect(two.rejects == one.rejects)
  }

  @Test("a folder read with its customers file beside it exports the same; a bad customers file is refused by the export")
  func readRun() throws {
    let directory = folder()
    let (_, expected) = try export(directory, ranges: 1)
    let customers = "\(directory.path)/customers.csv"
    let run = try exporter().readRun("\(directory.path)/run", customers: customers)
    _ = try exporter().export(run, customers: customers, to: "\(directory.path)/read")
    for (name, bytes) in expected {
      #expect(FileManager.default.contents(atPath: "\(directory.path)/read/\(name)").map(Array.init) == bytes, "\(name)")
    }
    _ = directory.write("customers.csv", "customer_id,customer_key\nC1,K1\nC1,K2\n")
    let twice = try exporter().readRun("\(directory.path)/run", customers: customers)
    #expect(throws: ExportError.duplicateCustomer(
      path: customers,
      offenders: [
        .init(customerID: "C1", file: "customers.csv", line: 2, value: "C1"),
        .init(customerID: "C1", file: "customers.csv", line: 3, value: "C1"),
      ])
    ) { try exporter().export(twice, customers: customers, to: "\(directory.path)/twice") }
  }

  @Test("a key in two ranges is a duplicate, listed as one loop lists it")
  func duplicateAcrossRanges() {
    let directory = folder(keys: ["K1", "K7", "K3", "K4", "K5", "K6", "K7", "K8", "K1"])
    let expected = ExportError.duplicateKeys(
      column: "customer_key",
      offenders: [
        .init(customerID: "C2", file: "customers.csv", line: 3, value: "K7"),
        .init(customerID: "C7", file: "customers.csv", line: 7, value: "K7"),
        .init(customerID: "C1", file: "customers.csv", line: 2, value: "K1"),
        .init(customerID: "C9", file: "customers.csv", line: 9, value: "K1"),
      ])
    for ranges in [1, 2, 3] {
      #expect(throws: expected) { try export(directory, ranges: ranges) }
    }
  }

  @Test("an error in a later range comes before the key errors of an earlier one, as in one loop")
  func errorOrder() {
    var probabilities = ["0.87314", "0.12345", "0.5", "0.25", "0.999", "0.0001", "0.3", "0.61", "0.7"]
    probabilities[7] = "high"
    let directory = folder(keys: ["K1", "K1", "K3", "K4", "K5", "K6", "K7", "K8", "K9"], probabilities: probabilities)
    let expected = ExportError.invalidValue(
      offender: .init(customerID: "C8", file: "scores.csv", line: 9, value: "high"), column: "probability",
      expected: "a number")
    for ranges in [1, 2, 3] {
      #expect(throws: expected) { try export(directory, ranges: ranges) }
    }
  }
}
