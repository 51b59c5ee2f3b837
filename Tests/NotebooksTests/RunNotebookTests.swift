import Foundation
import Notebooks
import Reports
import TestSupport
import Testing

/// Notebooks of small hand-made run folders: which cells, in which order, with which outputs.
@Suite struct RunNotebookTests {
  static let churnReport = """
    # Churn model

    Fitted on 10 customers. See [the scores](scores.csv).

    ## Factors

    - **visits**: odds ×0.22

    ![Odds ratios](odds_ratios.svg)

    ## Model summary

    | term | coef |

    ## Validation

    | metric | value |

    ### Calibration (deciles of the predicted probability)

    | bin |

    ### Cumulative gains and lift (highest scores first)

    | decile |

    ## Current scores

    | band |
    """

  /// A churn output folder: the report, the CSV files the charts read, and one SVG.
  static func churnFolder(in directory: TemporaryDirectory, at folder: String, report: String = churnReport, outcome: String = "churn") {
    directory.write("\(folder)/report.md", report)
    directory.write("\(folder)/validation.csv", "customer_id,\(outcome),probability\nC1,1,0.9\n")
    for file in ["coefficients.csv", "calibration.csv", "lift.csv", "scores.csv"] { directory.write("\(folder)/\(file)", "x\n1\n") }
    directory.write("\(folder)/odds_ratios.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>OR</text></svg>\n")
  }

  static func segmentFolder(in directory: TemporaryDirectory, at folder: String) {
    directory.write("\(folder)/profile.md", "# Customer segments\n\nFive segments.\n\n## Segments\n\n- one\n\n## Choice of k\n\nk = 5.\n")
    directory.write("\(folder)/centroids.csv", "segment\n0\n")
    directory.write("\(folder)/k_selection.csv", "k\n5\n")
    directory.write("\(folder)/k_selection.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
  }

  /// Each cell's kind, its first line, and how many outputs a code cell has.
  static func outline(_ notebook: Notebook) -> [String] {
    notebook.cells.map { cell in
      let first = String(cell.source.prefix { $0 != "\n" })
      switch cell.kind {
      case .markdown: return "md " + first
      case .code(let outputs): return "py\(outputs.count) " + first
      }
    }
  }

  @Test("A churn folder: title, setup, each chart after its section, the run's SVG as the forest plot's output")
  func churnOutline() throws {
    let directory = TemporaryDirectory()
    Self.churnFolder(in: directory, at: "data")
    let notebook = try RunNotebook.make(folder: "\(directory.path)/data", kind: nil, dataPath: "../data", language: .en)
    #expect(Self.outline(notebook) == [
      "md # Churn model",
      "py0 # The run this notebook retells, relative to the notebook: point RUN_DIR at another run to retell that one.",
      "md ## Factors",
      "py1 # Odds ratios with their 95% intervals (coefficients.csv); red where p < 0.05.",
      "md ## Model summary",
      "py0 # ROC curve of the out-of-time validation: each customer's score and outcome (validation.csv).",
      "md ### Calibration (deciles of the predicted probability)",
      "py0 # Calibration: the mean predicted probability and the observed rate in each decile of the score (calibration.csv).",
      "md ### Cumulative gains and lift (highest scores first)",
      "py0 # Cumulative gains and lift by decile of the score, highest scores first (lift.csv).",
      "md ## Current scores",
      "py0 # The current scores and their risk bands (scores.csv); bands ordered from the lowest scores up.",
    ])
    #expect(notebook.cells[0].source.contains("See [the scores](../data/scores.csv)."))
    #expect(notebook.cells[1].source.contains("RUN_DIR = Path(\"../data\")\nMODEL = RUN_DIR\n"))
    #expect(notebook.cells[2].source == "## Factors\n\n- **visits**: odds ×0.22")
    #expect(notebook.cells[4].source.contains("## Model summary\n\n| term | coef |\n\n## Validation\n\n| metric | value |"))
    #expect(notebook.cells[3].kind == .code(outputs: [
      NotebookOutput(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>OR</text></svg>\n", caption: "Odds ratios with 95% intervals")
    ]))
    #expect(NotebookSchema.problems(notebook) == [])
  }

  @Test("The outcome column of validation.csv is the one the ROC code reads (a propensity model's purchase)")
  func propensityOutcome() throws {
    let directory = TemporaryDirectory()
    Self.churnFolder(in: directory, at: "run/propensity", outcome: "purchase")
    let notebook = try RunNotebook.make(folder: "\(directory.path)/run", kind: .churn, dataPath: "run", language: .en)
    #expect(notebook.cells[1].source.contains("MODEL = RUN_DIR / \"propensity\"\n"))
    #expect(notebook.cells.contains { $0.source.contains("hits = validation[\"purchase\"].to_numpy()[order]") })
  }

  @Test("A chart whose CSV is missing is left out; one whose section is missing closes the notebook")
  func missingInputsAndSections() throws {
    let directory = TemporaryDirectory()
    Self.churnFolder(in: directory, at: "data", report: Self.churnReport.replacingOccurrences(of: "## Current scores", with: "## Scores now"))
    try FileManager.default.removeItem(atPath: "\(directory.path)/data/lift.csv")
    let notebook = try RunNotebook.make(folder: "\(directory.path)/data", kind: .churn, dataPath: "data", language: .zh)
    let outline = Self.outline(notebook)
    #expect(!outline.contains { $0.contains("lift.csv") })
    #expect(outline.suffix(2) == [
      "md ### Cumulative gains and lift (highest scores first)",
      "py0 # The current scores and their risk bands (scores.csv); bands ordered from the lowest scores up.",
    ])
    #expect(notebook.cells[notebook.cells.count - 2].source.hasSuffix("## Scores now\n\n| band |\n\n## 更多图表"))
    #expect(notebook.cells.last!.source.contains("histogram.set_xlabel(\"预测概率\")"))
  }

  @Test("Chinese reports: the charts find their sections by the Chinese headings")
  func chineseHeadings() throws {
    let directory = TemporaryDirectory()
    let report = "# 流失模型\n\n简介。\n\n## 影响因素\n\n- 一\n\n## 验证\n\n表\n\n### 校准（按预测概率十等分）\n\n表\n\n### 累计增益与提升度（按评分从高到低）\n\n表\n\n## 当前评分\n\n表\n"
    Self.churnFolder(in: directory, at: "data", report: report)
    let notebook = try RunNotebook.make(folder: "\(directory.path)/data", kind: .churn, dataPath: "data", language: .zh)
    #expect(Self.outline(notebook).filter { $0.hasPrefix("md") } == [
      "md # 流失模型", "md ## 影响因素", "md ## 验证", "md ### 校准（按预测概率十等分）", "md ### 累计增益与提升度（按评分从高到低）", "md ## 当前评分",
    ])
    #expect(notebook.cells[0].source.hasSuffix("路径相对于本笔记本。*"))
  }

  @Test("A run folder: the describe and features steps open the story, only their charted sections kept")
  func runFolder() throws {
    let directory = TemporaryDirectory()
    Self.segmentFolder(in: directory, at: "run/segment")
    directory.write("run/describe/summary.md", "# Data description\n\nRows.\n\n## Data read\n\n| file |\n\n## Behaviour\n\n### Monthly activity\n\n| month |\n")
    directory.write("run/describe/monthly.csv", "month\n2025-01\n")
    directory.write("run/describe/monthly_trend.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
    let notebook = try RunNotebook.make(folder: "\(directory.path)/run", kind: nil, dataPath: "run", language: .en)
    #expect(Self.outline(notebook) == [
      "md # Customer segments",
      "py0 # The run this notebook retells, relative to the notebook: point RUN_DIR at another run to retell that one.",
      "md ## Data description",
      "py1 # Revenue and customers month by month (monthly.csv).",
      "md ## Segments",
      "py0 # How many customers each segment holds (centroids.csv).",
      "py0 # Each segment's centre on the clustering features, in standard deviations from the mean (centroids.csv).",
      "md ## Choice of k",
      "py1 # The scores of each k tried (k_selection.csv); the dashed line marks the k kept.",
    ])
    #expect(notebook.cells[2].source == "## Data description\n\nRows.\n\n### Monthly activity\n\n| month |")
    #expect(notebook.cells[1].source.contains("DESCRIBE = RUN_DIR / \"describe\"\nSEGMENT = RUN_DIR / \"segment\"\n"))
  }

  @Test("The kind: chosen when the folder holds both, and the folder must hold it")
  func kinds() {
    let directory = TemporaryDirectory()
    Self.segmentFolder(in: directory, at: "run/segment")
    Self.churnFolder(in: directory, at: "run/churn")
    let run = "\(directory.path)/run"
    #expect(throws: NotebookError.ambiguousKind(folder: run)) {
      try RunNotebook.make(folder: run, kind: nil, dataPath: "run", language: .en)
    }
    #expect(throws: NotebookError.noResults(folder: "\(run)/segment", kind: .churn)) {
      try RunNotebook.make(folder: "\(run)/segment", kind: .churn, dataPath: "run", language: .en)
    }
    #expect(throws: NotebookError.noResults(folder: directory.path, kind: nil)) {
      try RunNotebook.make(folder: directory.path, kind: nil, dataPath: "run", language: .en)
    }
  }

  @Test("The same folder gives the same bytes")
  func deterministic() throws {
    let directory = TemporaryDirectory()
    Self.churnFolder(in: directory, at: "data")
    let make = { try RunNotebook.make(folder: "\(directory.path)/data", kind: .churn, dataPath: "data", language: .en).bytes }
    #expect(try make() == make())
  }
}
