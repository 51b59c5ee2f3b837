import DataIngest

extension IngestReport {
  /// `ingest.csv`: one row per file, rows read = accepted + rejected + duplicates.
  public var summaryTable: ReportTable {
    ReportTable(
      title: "Ingest",
      columns: [
        "file", "table", "rows_read", "accepted", "rejected", "duplicates", "unknown_customers", "encoding",
        "delimiter",
      ],
      rows: files.map { file in
        [
          .text(file.file), .text(file.table.rawValue), .integer(file.rowsRead), .integer(file.accepted),
          .integer(file.rejected), .integer(file.duplicates), .integer(file.unknownCustomers),
          .text(file.encoding.rawValue), .text(file.delimiter.rawValue),
        ]
      })
  }

  /// `rejects.csv`: one row per problem found (a row with two problems has two).
  public var rejectsTable: ReportTable {
    ReportTable(
      title: "Rejected rows",
      columns: ["file", "line", "column", "reason", "text"],
      rows: rejects.map { [.text($0.file), .integer($0.line), .text($0.column), .text($0.reason.rawValue), .text($0.text)] })
  }

  /// The ingest section of a Markdown report: the account per file, the
  /// column mapping, and reject counts by reason.
  public func markdown(language: ReportLanguage) -> String {
    let l = language
    var text = "## \(l.pick("Data read", "数据读取"))\n\n"
    var account = ReportTable(
      title: "",
      columns: [
        l.pick("file", "文件"), l.pick("rows read", "读取行数"), l.pick("accepted", "接受"),
        l.pick("rejected", "拒绝"), l.pick("duplicates", "重复"), l.pick("unknown customers", "未知客户"),
        l.pick("encoding", "编码"),
      ])
    for file in files {
      account.append([
        .text(file.file), .integer(file.rowsRead), .integer(file.accepted), .integer(file.rejected),
        .integer(file.duplicates), .integer(file.unknownCustomers), .text(file.encoding.rawValue),
      ])
    }
    text += account.markdown()
    text += "\n" + l.pick(
      "Every row read is accepted, rejected (listed in `rejects.csv` with file, line, column and reason) or dropped as an exact duplicate of an earlier row.",
      "每一行都有去向：接受、拒绝（在 `rejects.csv` 中列出文件、行号、列和原因）或作为完全重复行剔除。") + "\n"
    let mapped = files.flatMap { file in
      file.columnMapping.map { (file.table.rawValue, $0) }
    }
    if !mapped.isEmpty {
      text += "\n### \(l.pick("Column mapping", "列映射"))\n\n"
      var mapping = ReportTable(title: "", columns: [l.pick("table", "表"), l.pick("header", "表头"), l.pick("column", "标准列")])
      for (table, entry) in mapped {
        mapping.append([.text(table), .text(entry.header), entry.canonical.map { .text($0) } ?? .text(l.pick("(kept as is)", "（原样保留）"))])
      }
      text += mapping.markdown()
    }
    let byReason = rejectCountsByReason
    if !byReason.isEmpty {
      text += "\n### \(l.pick("Rejects by reason", "拒绝原因"))\n\n"
      let table = ReportTable(
        title: "", columns: [l.pick("reason", "原因"), l.pick("count", "数量")],
        rows: byReason.map { [.text($0.reason.rawValue), .integer($0.count)] })
      text += table.markdown()
    }
    return text
  }
}
