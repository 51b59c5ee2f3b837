import Tagging

/// `tag_counts.csv` and `summary.md` of `analyze tag`: how many customers
/// each tag reached, the population thresholds the rules used, and what
/// was joined from a run folder.
public struct TagReport {
  public let assignment: TagAssignment
  public let tagger: Tagger
  /// The rules file, as given.
  public let rulesPath: String
  /// T, as `YYYY-MM-DD`.
  public let asOf: String
  /// The run files joined, when `--run` was given.
  public let joins: [RunJoin]
  public let language: ReportLanguage

  public init(
    assignment: TagAssignment, tagger: Tagger, rulesPath: String, asOf: String, joins: [RunJoin] = [],
    language: ReportLanguage = .en
  ) {
    self.assignment = assignment
    self.tagger = tagger
    self.rulesPath = rulesPath
    self.asOf = asOf
    self.joins = joins
    self.language = language
  }

  private var total: Int { assignment.customerIDs.count }

  private func share(_ count: Int) -> Double { total == 0 ? .nan : Double(count) / Double(total) }

  /// `tag_counts.csv`: tag, customers, share (of all customers, 0–1), in rule-file order.
  public var countsTable: ReportTable {
    var table = ReportTable(title: "tag counts", columns: ["tag", "customers", "share"])
    for (name, count) in zip(assignment.tagNames, assignment.counts) {
      table.append([.text(name), .integer(count), .number(share(count))])
    }
    return table
  }

  /// One line per tag for the terminal.
  public var consoleSummary: String {
    let tagged = total - assignment.untaggedCount
    var text = "\(total) customers as of \(asOf), \(assignment.tagNames.count) tags; \(tagged) with at least one tag."
    for (name, count) in zip(assignment.tagNames, assignment.counts) {
      text += "\n  \(name): \(count) (\(NumberFormatting.percent(share(count))))"
    }
    return text
  }

  public var markdown: String {
    let l = language
    let untagged = assignment.untaggedCount
    var text = "# \(l.pick("Customer tags", "客户标签"))\n\n"
    text += l.pick(
      "As of \(asOf) (rows dated before it): \(total) customers tagged by the rules in `\(rulesPath)`. \(total - untagged) (\(NumberFormatting.percent(share(total - untagged)))) have at least one tag, \(untagged) have none.\n",
      "截至 \(asOf)（仅用此前的数据）：按 `\(rulesPath)` 中的规则为 \(total) 位客户打标签。\(total - untagged) 位（\(NumberFormatting.percent(share(total - untagged)))）至少有一个标签，\(untagged) 位没有标签。\n")
    text += "\n## \(l.pick("Tags", "标签"))\n\n"
    var tags = ReportTable(
      title: "", columns: [l.pick("tag", "标签"), l.pick("customers", "人数"), l.pick("share", "占比"), l.pick("rule", "规则")])
    for (rule, count) in zip(tagger.rules, assignment.counts) {
      tags.append([
        .text(rule.name), .integer(count), .text(NumberFormatting.percent(share(count))),
        .text("`\(rule.when)`" + (rule.description.map { " — \($0)" } ?? "")),
      ])
    }
    text += tags.markdown()
    if !tagger.thresholds.isEmpty {
      text += "\n## \(l.pick("Population thresholds", "总体阈值"))\n\n"
      text += l.pick(
        "Computed once over the non-missing values of all \(total) customers; percentiles interpolate linearly (as numpy and pandas), sd divides by n − 1.\n\n",
        "在全部 \(total) 位客户的非缺失值上计算一次；百分位数按线性插值（与 numpy、pandas 一致），标准差除以 n − 1。\n\n")
      var thresholds = ReportTable(title: "", columns: [l.pick("threshold", "阈值"), l.pick("value", "数值"), l.pick("values used", "有效值个数")])
      for threshold in tagger.thresholds {
        thresholds.append([.text("`\(threshold.expression)`"), .number(threshold.value, digits: 2), .integer(threshold.count)])
      }
      text += thresholds.markdown()
    }
    if !joins.isEmpty {
      text += "\n## \(l.pick("Earlier outputs joined", "合并的已有结果"))\n\n"
      text += l.pick("Paths are within the folder given with `--run`.\n\n", "路径相对于 `--run` 指定的目录。\n\n")
      for join in joins {
        text += "- `\(join.path)`: " + l.pick(
          "\(join.rows) customers, \(join.matched) in the data; fields \(join.columns.joined(separator: ", "))",
          "\(join.rows) 位客户，其中 \(join.matched) 位在数据中；字段 \(join.columns.joined(separator: "、"))")
        if join.unmatched > 0 {
          text += l.pick(
            ". **\(join.unmatched) customers are not in the data and were skipped** (another as-of day or data set?)",
            "。**\(join.unmatched) 位客户不在数据中，已跳过**（是否来自其他截止日期或数据集？）")
        }
        if !join.skippedColumns.isEmpty {
          text += l.pick(
            ". Left out, as the features have these names: \(join.skippedColumns.joined(separator: ", "))",
            "。以下列与特征重名，未采用：\(join.skippedColumns.joined(separator: "、"))")
        }
        text += l.pick(".\n", "。\n")
      }
    }
    text += "\n" + l.pick(
      "A comparison with a missing value is unknown, not false, and a tag is given only where its rule is true: `not (age < 30)` does not tag a customer without an age; `age is missing` does.\n",
      "与缺失值的比较结果为“未知”（而非“假”），只有规则为“真”时才打上标签：`not (age < 30)` 不会给没有年龄的客户打标签，`age is missing` 会。\n")
    return text
  }
}
