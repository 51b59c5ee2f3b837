import Foundation
import TestSupport
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads written files back without the exporter's code: the bytes as they
/// are, the test-only CSV reader, and the XLSX through unzip and an XML parser.
enum ReadBack {
  /// A CSV file's facts: BOM, strict UTF-8 text, line ends, records.
  struct CSVFile {
    var hasBOM: Bool
    var text: String
    /// Every line feed comes after a carriage return (no bare LF or CR outside fields).
    var allLinesCRLF: Bool
    var records: [[String]]
    /// The lines as written, without their CRLF.
    var rawLines: [String]
  }

  static func csv(_ bytes: [UInt8]) -> CSVFile? {
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    guard let text = String(bytes: hasBOM ? Array(bytes.dropFirst(3)) : bytes, encoding: .utf8) else { return nil }
    var crlf = true
    for (i, byte) in bytes.enumerated() {
      if byte == 0x0A && (i == 0 || bytes[i - 1] != 0x0D) { crlf = false }
      if byte == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A) { crlf = false }
    }
    let rawLines = text.components(separatedBy: "\r\n").dropLast().map { String($0) }
    return CSVFile(
      hasBOM: hasBOM, text: text, allLinesCRLF: crlf, records: CSVTestReader.records(text), rawLines: rawLines)
  }

  /// One cell of a sheet: its reference, type attribute, style index and text.
  struct XLSXCell: Equatable {
    var reference: String
    var type: String?
    var style: String?
    var text: String
  }

  /// The entries of a ZIP archive, by path.
  static func unzip(_ bytes: [UInt8]) throws -> [String: String] {
    let archive = try Archive(data: Data(bytes), accessMode: .read)
    var entries: [String: String] = [:]
    for entry in archive {
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }
      entries[entry.path] = String(decoding: data, as: UTF8.self)
    }
    return entries
  }

  /// The cells of `xl/worksheets/sheet1.xml`, parsed by Foundation's XML parser
  /// (which also proves the XML well-formed), and whether any `<f>` formula element occurs.
  static func sheetCells(_ xml: String) -> (cells: [XLSXCell], hasFormula: Bool, wellFormed: Bool) {
    final class Collector: NSObject, XMLParserDelegate {
      var cells: [XLSXCell] = []
      var current: XLSXCell?
      var inText = false
      var hasFormula = false
      func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
      ) {
        switch name {
        case "c": current = XLSXCell(reference: attributes["r"] ?? "", type: attributes["t"], style: attributes["s"], text: "")
        case "t", "v": inText = true
        case "f": hasFormula = true
        default: break
        }
      }
      func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current?.text += string }
      }
      func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" || name == "v" { inText = false }
        if name == "c", let cell = current {
          cells.append(cell)
          current = nil
        }
      }
    }
    let parser = XMLParser(data: Data(xml.utf8))
    let collector = Collector()
    parser.delegate = collector
    let ok = parser.parse()
    return (collector.cells, collector.hasFormula, ok)
  }
}
