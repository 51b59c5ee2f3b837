import Foundation
import ZIPFoundation

/// A one-sheet Office Open XML workbook (ECMA-376), the least that Excel,
/// LibreOffice and CRM importers open: content types, relationships, the
/// workbook, a style sheet and the sheet, zipped.
///
/// Keys, picklists, tags, text, dates and booleans are inline string cells
/// with the Text number format (`@`), so `00123` and 19-digit record ids
/// stay as typed and nothing is ever a formula (no `<f>` element is
/// written); numbers are numeric cells showing their scale (`0.0000`).
struct XLSXWorkbook {
  var headers: [String]
  var rows: [[ExportCell]]

  /// The `.xlsx` file's bytes; the same cells give the same bytes.
  func bytes() throws(ExportError) -> [UInt8] {
    let scales = Array(Set(rows.joined().compactMap { cell -> Int? in
      if case .number(let scale) = cell.style { return scale } else { return nil }
    })).sorted()
    let parts: [(String, String)] = [
      ("[Content_Types].xml", Self.contentTypes),
      ("_rels/.rels", Self.packageRelationships),
      ("xl/workbook.xml", Self.workbook),
      ("xl/_rels/workbook.xml.rels", Self.workbookRelationships),
      ("xl/styles.xml", Self.styles(scales: scales)),
      ("xl/worksheets/sheet1.xml", sheet(scales: scales)),
    ]
    do {
      let archive = try Archive(accessMode: .create)
      // A fixed time, so the same export gives the same bytes.
      let epoch = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the first ZIP date
      for (path, text) in parts {
        let data = Data(text.utf8)
        try archive.addEntry(
          with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: epoch,
          compressionMethod: .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let data = archive.data else { throw ExportError.cannotEncode(reason: "the XLSX archive has no data") }
      return Array(data)
    } catch let error as ExportError {
      throw error
    } catch {
      throw .cannotEncode(reason: "cannot build the XLSX workbook: \(error)")
    }
  }

  private func sheet(scales: [Int]) -> String {
    var xml = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      """
    func append(row: Int, cells: [ExportCell]) {
      xml += "<row r=\"\(row)\">"
      for (column, cell) in cells.enumerated() {
        let reference = "\(Self.columnName(column))\(row)"
        switch cell.style {
        case .empty:
          continue
        case .number(let scale):
          xml += "<c r=\"\(reference)\" s=\"\(Self.numberStyle(scale, scales))\"><v>\(cell.text)</v></c>"
        case .text, .typed:
          xml += "<c r=\"\(reference)\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
            + Self.escaped(cell.text) + "</t></is></c>"
        }
      }
      xml += "</row>"
    }
    append(row: 1, cells: headers.map { ExportCell(text: $0, style: .text) })
    for (index, cells) in rows.enumerated() { append(row: index + 2, cells: cells) }
    return xml + "</sheetData></worksheet>"
  }

  /// `A`, …, `Z`, `AA`, …: the column's letters.
  static func columnName(_ index: Int) -> String {
    var n = index + 1
    var letters: [Character] = []
    while n > 0 {
      let remainder = (n - 1) % 26
      letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
      n = (n - 1) / 26
    }
    return String(letters)
  }

  /// The style index of numbers with `scale` decimals: 0 is General, 1 Text, then one per scale.
  private static func numberStyle(_ scale: Int, _ scales: [Int]) -> Int { 2 + scales.firstIndex(of: scale)! }

  /// XML text with `& < > "` escaped, and characters XML 1.0 cannot hold
  /// (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) written as OOXML's
  /// `_xHHHH_`, with a literal `_xHHHH_` protected by escaping its underscore.
  static func escaped(_ text: String) -> String {
    var out = ""
    let scalars = Array(text.unicodeScalars)
    for (i, scalar) in scalars.enumerated() {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "_" where looksLikeEscape(scalars, at: i): out += "_x005F_"
      case _ where (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0xFFFE
        || scalar.value == 0xFFFF:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether `_xHHHH_` starts at `i`.
  private static func looksLikeEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
    guard i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_" else { return false }
    return scalars[i + 2...i + 5].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  private static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
    </Types>
    """

  private static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

  private static let workbook = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
    <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
    """

  private static let workbookRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    </Relationships>
    """

  /// General, Text (`@`, built-in 49), then a fixed-decimals format per scale (`0`, `0.0000`…).
  private static func styles(scales: [Int]) -> String {
    let custom = scales.filter { $0 > 0 }
    let formats = custom.enumerated().map { index, scale in
      "<numFmt numFmtId=\"\(164 + index)\" formatCode=\"0.\(String(repeating: "0", count: scale))\"/>"
    }
    let numberXfs = scales.map { scale in
      let id = scale == 0 ? 1 : 164 + custom.firstIndex(of: scale)!
      return "<xf numFmtId=\"\(id)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    }
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      \(formats.isEmpty ? "" : "<numFmts count=\"\(formats.count)\">\(formats.joined())</numFmts>")\
      <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
      <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
      <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
      <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
      <cellXfs count="\(2 + scales.count)"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
      <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\(numberXfs.joined())</cellXfs>\
      <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
      </styleSheet>
      """
  }
}
