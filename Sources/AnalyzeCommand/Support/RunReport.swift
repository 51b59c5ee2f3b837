import BatchJobs
import Foundation
import Reports

/// `report.html` of a run: the job's outcome, then every step's report with
/// its charts, on one page a person opens instead of one file per step.
///
/// Durations and timestamps stay in `manifest.json`, so a rerun on the same
/// inputs writes the same page.
enum RunReport {
  /// The Markdown report each command writes, by command.
  static let markdownFiles = [
    "describe": "summary.md", "features": "summary.md", "tag": "summary.md", "churn": "report.md",
    "propensity": "report.md", "segment": "profile.md",
  ]

  /// The page of the run written into `run` (its step folders are read
  /// back), which will be renamed to `final`.
  ///
  /// The temporary folder's name, which a step may mention (`tag --run`),
  /// names the process; the page names the final folder instead.
  static func html(run: String, final: String, manifest: RunManifest) -> String {
    let language = language(of: manifest.steps)
    let l = language
    let path = { (text: String) in text.replacingOccurrences(of: run, with: final) }
    var sections: [HTMLReport.Section] = []
    for step in manifest.steps {
      guard let file = markdownFiles[step.command],
        let data = FileManager.default.contents(atPath: "\(run)/\(step.folder)/\(file)")
      else { continue }
      sections.append(
        HTMLReport.Section(
          anchor: step.folder, markdown: path(String(decoding: data, as: UTF8.self)), images: charts(in: "\(run)/\(step.folder)")))
    }
    return HTMLReport.page(
      title: l.pick("Run \(manifest.job) as of \(manifest.asOf)", "批处理 \(manifest.job)（截至 \(manifest.asOf)）"),
      introduction: introduction(manifest, language: language),
      details: details(manifest, language: language, path: path), sections: sections,
      language: language)
  }

  /// Chinese when a step was asked for Chinese reports.
  static func language(of steps: [RunManifest.Step]) -> ReportLanguage {
    for step in steps {
      for (i, argument) in step.arguments.enumerated() {
        if argument == "--lang=zh" || (argument == "--lang" && step.arguments.dropFirst(i + 1).first == "zh") { return .zh }
      }
    }
    return .en
  }

  /// The SVG files of a step folder, by name.
  static func charts(in folder: String) -> [String: String] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".svg") }
    var images: [String: String] = [:]
    for name in names.sorted() {
      if let data = FileManager.default.contents(atPath: "\(folder)/\(name)") { images[name] = String(decoding: data, as: UTF8.self) }
    }
    return images
  }

  /// What ran and whether it succeeded, in a sentence.
  static func introduction(_ manifest: RunManifest, language l: ReportLanguage) -> String {
    let succeeded = manifest.status == "succeeded"
    return l.pick(
      "Job `\(manifest.job)` (`\(manifest.jobFile)`), as of \(manifest.asOf), analyze \(manifest.toolVersion): **\(succeeded ? "succeeded" : "quality gates failed")**. Each step's files are in its folder beside this page; `manifest.json` has the inputs' hashes and the durations.\n",
      "任务 `\(manifest.job)`（`\(manifest.jobFile)`），截至 \(manifest.asOf)，analyze \(manifest.toolVersion)：**\(succeeded ? "成功" : "质量闸门未通过")**。各步骤的文件在本页旁的同名文件夹中；输入文件的哈希与耗时见 `manifest.json`。\n")
  }

  /// Steps, key figures, quality gates and warnings, in Markdown; `path`
  /// rewrites the paths in the steps' arguments.
  static func details(_ manifest: RunManifest, language l: ReportLanguage, path: (String) -> String) -> String {
    var text = ""
    var steps = ReportTable(
      title: l.pick("Steps", "步骤"), columns: [l.pick("folder", "文件夹"), l.pick("command", "命令"), l.pick("arguments", "参数")])
    for step in manifest.steps {
      steps.append([.text(step.folder), .text(step.command), .text("`" + path(step.arguments.joined(separator: " ")) + "`")])
    }
    text += steps.markdown()
    if !manifest.metrics.isEmpty {
      var metrics = ReportTable(title: l.pick("Key figures", "关键指标"), columns: [l.pick("metric", "指标"), l.pick("value", "数值")])
      for (name, value) in manifest.metrics.sorted(by: { $0.key < $1.key }) { metrics.append([.text(name), .number(value, digits: value == value.rounded() ? 0 : 4)]) }
      text += "\n" + metrics.markdown()
    }
    if !manifest.gates.isEmpty {
      var gates = ReportTable(
        title: l.pick("Quality gates", "质量闸门"),
        columns: [l.pick("condition", "条件"), l.pick("result", "结果"), l.pick("detail", "说明")])
      for gate in manifest.gates { gates.append([.text("`\(gate.condition)`"), .text(gate.result), .text(gate.detail ?? "")]) }
      text += "\n" + gates.markdown()
    }
    if !manifest.warnings.isEmpty {
      text += "\n## " + l.pick("Warnings", "提示") + "\n\n" + manifest.warnings.map { "- \($0)\n" }.joined()
    }
    return text
  }
}
