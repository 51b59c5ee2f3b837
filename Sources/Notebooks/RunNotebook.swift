import DataIngest
import Foundation
import Reports

/// A notebook that retells a run: the report's sections as Markdown, code
/// cells that reload the run's CSV files with pandas and redraw its charts
/// with matplotlib, and the charts the run drew (its SVG files) embedded as
/// those cells' outputs, so the notebook reads well where nobody runs it.
///
/// The folder is an `analyze run` folder (step folders `churn/`,
/// `segment/` …) or the `--out` folder of one command. A run folder's
/// describe and features steps, when present, open the story with the data.
///
/// ```swift
/// let notebook = try RunNotebook.make(folder: "out/jobs/nightly/latest", kind: .churn, dataPath: "../out/jobs/nightly/latest", language: .en)
/// try AtomicFile.write(notebook.bytes, to: "notebooks/churn.ipynb")
/// ```
///
/// The same files always give the same notebook, byte for byte.
public enum RunNotebook {
  /// Makes the notebook.
  ///
  /// - Parameters:
  ///   - folder: the run or output folder, as this process finds it.
  ///   - kind: the story; `nil` picks the one the folder holds.
  ///   - dataPath: the folder as the notebook's code finds it: relative to the
  ///     notebook (see ``RelativePath/to(_:from:)``) or absolute.
  ///   - language: of the text the notebook adds (the reports keep their own).
  /// - Throws: ``NotebookError``.
  public static func make(folder: String, kind: NotebookKind?, dataPath: String, language: ReportLanguage)
    throws(NotebookError) -> Notebook
  {
    let model = stepFolder(holding: "coefficients.csv", in: folder)
    let segments = stepFolder(holding: "centroids.csv", in: folder)
    let chosen: NotebookKind
    switch (kind, model, segments) {
    case (.churn?, nil, _), (.segments?, _, nil), (nil, nil, nil): throw .noResults(folder: folder, kind: kind)
    case (let kind?, _, _): chosen = kind
    case (nil, .some, .some): throw .ambiguousKind(folder: folder)
    case (nil, .some, nil): chosen = .churn
    case (nil, nil, .some): chosen = .segments
    }

    let main: Step
    switch chosen {
    case .churn:
      let path = model!
      main = Step(
        folder: path, run: folder, variable: "MODEL", report: "report.md",
        charts: ModelCharts.all(step: "MODEL", outcome: try outcomeColumn(in: path), language: language))
    case .segments:
      main = Step(
        folder: segments!, run: folder, variable: "SEGMENT", report: "profile.md",
        charts: SegmentCharts.all(step: "SEGMENT", language: language))
    }
    var opening: [Step] = []
    if let describe = stepFolder(holding: "monthly.csv", in: folder) {
      opening.append(
        Step(
          folder: describe, run: folder, variable: "DESCRIBE", report: "summary.md",
          charts: DataCharts.describe(step: "DESCRIBE", language: language)))
    }
    if let features = stepFolder(holding: "features.csv", in: folder) {
      opening.append(
        Step(
          folder: features, run: folder, variable: "FEATURES", report: "summary.md",
          charts: DataCharts.features(step: "FEATURES", language: language)))
    }

    guard let reportText = try main.reportText() else {
      throw .cannotRead(path: "\(main.folder)/\(main.report)", reason: "the file does not exist")
    }
    var sections = MarkdownSection.split(reportText)[...]
    let title = sections.first?.level == 1 ? sections.removeFirst() : MarkdownSection(level: 1, title: main.report, body: "")
    let note = language.pick(
      "*This notebook retells the run in `\(dataPath)`. Each chart is shown as the run drew it; run the cells "
        + "(pandas and matplotlib) to redraw it from the run's CSV files. Paths are relative to the notebook.*",
      "*本笔记本复述 `\(dataPath)` 中的运行结果。每张图按运行时的绘制结果显示；运行代码单元（pandas 与 matplotlib）"
        + "即可从运行的 CSV 文件重新绘制。路径相对于本笔记本。*")
    var cells: [NotebookCell] = [
      .markdown(main.rebase(title.markdown(), dataPath: dataPath) + "\n\n" + note),
      .code(setupCode(dataPath: dataPath, steps: opening + [main])),
    ]
    for step in opening {
      cells += try step.cells(MarkdownSection.split(try step.reportText() ?? ""), dataPath: dataPath, opening: true, language: language)
    }
    cells += try main.cells(Array(sections), dataPath: dataPath, opening: false, language: language)
    return Notebook(cells: cells)
  }

  /// The folder `fileName` lies in: `folder` itself or its step folder.
  private static func stepFolder(holding fileName: String, in folder: String) -> String? {
    RunLayout.path(of: fileName, in: folder).map { ($0 as NSString).deletingLastPathComponent }
  }

  /// The outcome column of `validation.csv`: the second of customer_id, outcome, probability.
  private static func outcomeColumn(in folder: String) throws(NotebookError) -> String {
    let path = "\(folder)/validation.csv"
    let text = try read(path) ?? ""
    let header = text.prefix { $0 != "\n" && $0 != "\r" }.split(separator: ",", omittingEmptySubsequences: false)
    guard header.count == 3 else { throw .cannotRead(path: path, reason: "expected customer_id, the outcome and probability") }
    return String(header[1])
  }

  /// The imports, the folders as variables, and fonts that can draw Chinese names.
  private static func setupCode(dataPath: String, steps: [Step]) -> String {
    let folders = steps.map { step in
      "\(step.variable) = " + (step.relative.isEmpty ? "RUN_DIR" : "RUN_DIR / \(Python.literal(step.relative))")
    }
    return """
      # The run this notebook retells, relative to the notebook: point RUN_DIR at another run to retell that one.
      from pathlib import Path

      import matplotlib.pyplot as plt
      import numpy as np
      import pandas as pd
      from matplotlib import font_manager

      RUN_DIR = Path(\(Python.literal(dataPath)))
      \(folders.joined(separator: "\n"))

      # Chinese names (regions, segments, tags) need a CJK font: matplotlib falls back along the installed ones
      # (older matplotlib reads only the first face of a font collection: Noto Sans CJK JP).
      installed = {font.name for font in font_manager.fontManager.ttflist}
      cjk = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "Microsoft YaHei", "PingFang SC", "SimHei"]
      plt.rcParams["font.family"] = ["DejaVu Sans"] + [name for name in cjk if name in installed]
      plt.rcParams["axes.spines.top"] = False
      plt.rcParams["axes.spines.right"] = False
      """
  }

  /// Reads a UTF-8 file; `nil` when it does not exist.
  static func read(_ path: String) throws(NotebookError) -> String? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .cannotRead(path: path, reason: "the file cannot be opened")
    }
    guard let text = String(data: data, encoding: .utf8) else { throw .cannotRead(path: path, reason: "it is not UTF-8 text") }
    return text
  }
}

/// One step folder of the story: its report, and the charts drawn from its files.
private struct Step {
  /// The folder, as this process finds it.
  var folder: String
  /// The folder from the run folder: `churn`, or empty when it is the run folder itself.
  var relative: String
  /// The Python variable the code names it by.
  var variable: String
  /// Its Markdown report's file name.
  var report: String
  /// The charts whose inputs the folder holds.
  var charts: [ChartCell]

  init(folder: String, run: String, variable: String, report: String, charts: [ChartCell]) {
    self.folder = folder
    relative = folder == run ? "" : (folder as NSString).lastPathComponent
    self.variable = variable
    self.report = report
    self.charts = charts.filter { chart in
      chart.inputs.allSatisfy { FileManager.default.fileExists(atPath: "\(folder)/\($0)") }
    }
  }

  func reportText() throws(NotebookError) -> String? { try RunNotebook.read("\(folder)/\(report)") }

  /// The report's links made to work from the notebook; pictures the cells show are left out.
  func rebase(_ markdown: String, dataPath: String) -> String {
    MarkdownLinks.rebase(
      markdown, onto: RelativePath.join(dataPath, relative), dropping: Set(charts.compactMap(\.svg)))
  }

  /// The sections as Markdown cells, each chart's code cell after the section it illustrates.
  ///
  /// The opening steps keep only their title, its introduction and the
  /// sections with a chart, one heading level down; the main report keeps
  /// every section, and charts whose section is missing close it under a
  /// heading of their own.
  func cells(_ sections: [MarkdownSection], dataPath: String, opening: Bool, language: ReportLanguage)
    throws(NotebookError) -> [NotebookCell]
  {
    var cells: [NotebookCell] = []
    var markdown: [String] = []
    var waiting = charts
    func flush() {
      if !markdown.isEmpty { cells.append(.markdown(markdown.joined(separator: "\n\n"))) }
      markdown = []
    }
    func place(_ charts: [ChartCell]) throws(NotebookError) {
      flush()
      for chart in charts { cells.append(try cell(chart)) }
    }
    for section in sections {
      let placed = waiting.filter { section.isTitled($0.anchors) }
      waiting.removeAll { section.isTitled($0.anchors) }
      if opening && placed.isEmpty && section.level != 1 { continue }
      let level = opening ? (section.level == 1 ? 2 : 3) : nil
      markdown.append(rebase(section.markdown(level: level), dataPath: dataPath))
      if !placed.isEmpty { try place(placed) }
    }
    if !waiting.isEmpty {
      if !opening { markdown.append("## " + language.pick("More charts", "更多图表")) }
      try place(waiting)
    }
    flush()
    return cells
  }

  /// The chart's code, with the run's SVG of it as the output when the folder has one.
  private func cell(_ chart: ChartCell) throws(NotebookError) -> NotebookCell {
    let svg = try chart.svg.flatMap { name throws(NotebookError) in try RunNotebook.read("\(folder)/\(name)") }
    return .code(chart.code, outputs: svg.map { [NotebookOutput(svg: $0, caption: chart.title)] } ?? [])
  }
}
