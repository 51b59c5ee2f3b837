import Foundation
import Testing
import TestSupport

/// `analyze notebook` on a run of a job written in Chinese, and its usage errors.
@Suite struct NotebookEndToEndTests {
  /// The job runs under `elsewhere/` (`analyze run --output`), not under the job's own `output: runs`.
  static func chineseRun(in folder: TemporaryDirectory) throws -> String {
    let job = folder.write("job.yaml", """
      name: zh-job
      input:
        data: \(repositoryPath("Tests/PredictionTests/Fixtures/data"))
      output: runs
      steps:
        - describe: {lang: zh}
        - features: {lang: zh}
        - churn: {horizon: 90, lang: zh}
        - segment: {k: 3, lang: zh}
      """)
    let result = try runAnalyze(["run", job, "--output", "\(folder.path)/elsewhere"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/runs"))
    return "\(folder.path)/elsewhere/zh-job/latest"
  }

  @Test("Chinese reports: every chart follows its section, the code finds the run from the notebook's folder")
  func chineseRunNotebooks() throws {
    let folder = TemporaryDirectory()
    let run = try Self.chineseRun(in: folder)
    for (kind, headings) in [
      ("churn", ["# 流失模型", "## 影响因素", "## 验证", "### 校准", "### 累计增益", "## 当前评分", "### 月度趋势", "### 同期群留存"]),
      ("segments", ["# 客户细分", "## 细分群体", "## k 的选择", "### value_tier", "### lifecycle_stage"]),
    ] {
      let out = "\(folder.path)/notebooks/\(kind).ipynb"
      let result = try runAnalyze(["notebook", run, "--kind", kind, "--lang", "zh", "--out", out])
      #expect(result.status == 0, "\(result.standardError)")
      let cells = try #require(JSONTestValue.parse(String(contentsOfFile: out, encoding: .utf8))["cells"]?.array)
      let sources = cells.compactMap { $0["source"]?.joinedLines }
      #expect(sources[1].contains("RUN_DIR = Path(\"../elsewhere/zh-job/latest\")"))
      for heading in headings {
        let index = try #require(sources.firstIndex { $0.hasPrefix(heading) || $0.contains("\n" + heading) }, "\(kind): \(heading)")
        #expect(cells[index + 1]["cell_type"] == .string("code"), "\(kind): a chart follows \(heading)")
      }
      #expect(!sources.contains { $0.contains("更多图表") }, "\(kind): no chart lost its section")
    }
  }

  @Test("Usage errors exit 2 (no kind for a run with both, RUN_DIR not a folder); nothing to retell exits 1")
  func errors() throws {
    let folder = TemporaryDirectory()
    let run = repositoryPath("notebooks-export/run")
    let both = try runAnalyze(["notebook", run, "--out", "\(folder.path)/x.ipynb"])
    #expect(both.status == 2)
    #expect(both.standardError.contains("choose one with --kind churn or --kind segments"))
    #expect(try runAnalyze(["notebook", "\(folder.path)/missing", "--out", "\(folder.path)/x.ipynb"]).status == 2)
    let empty = try runAnalyze(["notebook", folder.path, "--out", "\(folder.path)/x.ipynb"])
    #expect(empty.status == 1)
    #expect(empty.standardError.contains("nothing to retell"))
    #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/x.ipynb"))
  }
}
