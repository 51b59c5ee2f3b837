import Foundation
import Testing
import TestSupport

/// The fixture of PredictionTests: `gen_purchases.py --customers 1500 --seed 31`.
private let data = repositoryPath("Tests/PredictionTests/Fixtures/data")

/// Every chart file beside a report parses as SVG, the Markdown links it,
/// and report.html holds it inline, with nothing fetched from elsewhere.
private func checkReport(_ out: TemporaryDirectory, markdown: String, charts: [String]) throws {
  let text = out.read(markdown)
  for chart in charts {
    let svg = try #require(out.contents(chart), "\(chart) missing")
    let root = try #require(XMLTree.parse(svg), "\(chart) is not well-formed XML")
    #expect(root.name == "svg" && root.attributes["xmlns"] == "http://www.w3.org/2000/svg", "\(chart)")
    #expect(text.contains("](\(chart))\n"), "\(markdown) does not link \(chart)")
  }
  let html = out.read("report.html")
  #expect(html.hasPrefix("<!DOCTYPE html>"))
  #expect(html.components(separatedBy: "<svg xmlns=").count - 1 == charts.count)
  for reference in ["src=", "href=", "<script", "url(", "<link", "@import"] {
    #expect(!html.contains(reference), "report.html has \(reference)")
  }
}

@Suite struct ChartsEndToEndTests {
  @Test("churn: ROC (out of time and in sample), calibration, gains and the odds ratios of coefficients.csv")
  func churn() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze(["churn", data, "--out", out.path])
    #expect(result.status == 0, "\(result.standardError)")
    try checkReport(
      out, markdown: "report.md", charts: ["odds_ratios.svg", "roc.svg", "calibration.svg", "gains.svg"])

    let roc = try #require(XMLTree.parse(out.read("roc.svg")))
    let curves = roc.all("polyline", class: "line")
    #expect(curves.map { $0.all("title").first?.text.prefix(11) } == ["out of time", "fitting sam"])
    // Both curves run from the chance diagonal's lower end (0, 0) to its upper end (1, 1).
    let diagonal = try #require(roc.all("line", class: "guide").first)
    for curve in curves {
      #expect(curve.points.first!.x == diagonal.number("x1")! && curve.points.first!.y == diagonal.number("y1")!)
      #expect(curve.points.last!.x == diagonal.number("x2")! && curve.points.last!.y == diagonal.number("y2")!)
      #expect(curve.points.count > 20)
    }
    let auc = out.read("metrics.csv").split(separator: "\n").first { $0.hasPrefix("auc,") }!.dropFirst(4)
    #expect(roc.all("title").first!.text.contains("AUC \(String(format: "%.3f", Double(auc)!))"))

    // Ten deciles in calibration and gains (plus the origin of the gains curve).
    #expect(try #require(XMLTree.parse(out.read("calibration.svg"))).all("circle", class: "point").count == 10)
    let gains = try #require(XMLTree.parse(out.read("gains.svg")))
    #expect(gains.all("circle", class: "point").count == 11)
    #expect(gains.all("rect", class: "bar").count == 20)

    // One interval per coefficient but the intercept, by standardized effect (column std_effect, or the
    // coefficient for a column without one), each odds ratio where the log axis puts it.
    func effect(_ row: [String]) -> Double { abs(Double(row[10]) ?? Double(row[1])!) }
    let coefficients = CSVTestReader.records(out.read("coefficients.csv")).dropFirst().filter { $0[0] != "intercept" }
      .sorted { effect($0) > effect($1) }
    let forest = try #require(XMLTree.parse(out.read("odds_ratios.svg")))
    let intervals = forest.all("g", class: "interval")
    #expect(intervals.count == coefficients.count)
    let ticks = forest.all("text", class: "x-tick").map { (value: Double($0.text)!, x: $0.number("x")!) }
    let (a, b) = (ticks.first!, ticks.last!)
    for (interval, row) in zip(intervals, coefficients) {
      let estimate = try #require(interval.all("rect", class: "estimate").first)
      let centre = estimate.number("x")! + estimate.number("width")! / 2
      let oddsRatio = min(max(Double(row[7])!, a.value), b.value)
      let expected = a.x + log(oddsRatio / a.value) / log(b.value / a.value) * (b.x - a.x)
      #expect(abs(centre - expected) < 0.02, "\(row[0])")
      #expect(interval.all("text", class: "value").first?.text.hasPrefix(String(format: "%.2f ", Double(row[7])!)) == true)
    }
  }

  @Test("the same data give the same chart and page bytes; --lang zh draws Chinese labels")
  func deterministicAndChinese() throws {
    let a = TemporaryDirectory()
    let b = TemporaryDirectory()
    let zh = TemporaryDirectory()
    #expect(try runAnalyze(["describe", data, "--out", a.path]).status == 0)
    #expect(try runAnalyze(["describe", data, "--out", b.path]).status == 0)
    #expect(try runAnalyze(["describe", data, "--out", zh.path, "--lang", "zh"]).status == 0)
    for file in ["monthly_trend.svg", "cohort_retention.svg", "report.html"] {
      #expect(a.read(file) == b.read(file), "\(file)")
    }
    try checkReport(a, markdown: "summary.md", charts: ["monthly_trend.svg", "cohort_retention.svg"])
    try checkReport(zh, markdown: "summary.md", charts: ["monthly_trend.svg", "cohort_retention.svg"])
    let trend = try #require(XMLTree.parse(zh.read("monthly_trend.svg")))
    #expect(trend.all("text", class: "title").first?.text == "月度趋势")
    #expect(trend.all("text", class: "x-label").map(\.text) == ["月份"])
    #expect(trend.all("polyline", class: "line").count == 4)
    let cohorts = try #require(XMLTree.parse(zh.read("cohort_retention.svg")))
    #expect(cohorts.all("text", class: "title").first?.text == "同期群留存")
    #expect(!cohorts.all("rect", class: "cell").isEmpty)
    #expect(zh.read("report.html").contains("<html lang=\"zh-Hans\">"))
  }

  @Test("segment: the scores across k with the chosen k marked, and a profile panel per segment")
  func segment() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze(["segment", data, "--k-range", "2-5", "--out", out.path])
    #expect(result.status == 0, "\(result.standardError)")
    try checkReport(out, markdown: "profile.md", charts: ["segment_profiles.svg", "k_selection.svg"])
    let k = try #require(Int(result.standardOutput.split(separator: " ")[3]), "\(result.standardOutput)")
    let selection = try #require(XMLTree.parse(out.read("k_selection.svg")))
    #expect(selection.all("g", class: "panel").count == 4)
    #expect(selection.all("circle", class: "point").count == 4 * 4)
    #expect(selection.all("text", class: "marker-label").map(\.text) == Array(repeating: "chosen k = \(k)", count: 4))
    let profiles = try #require(XMLTree.parse(out.read("segment_profiles.svg")))
    #expect(profiles.all("g", class: "panel").count == k)
  }

  @Test("features: counts per value tier, lifecycle stage and RFM segment")
  func features() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze(["features", data, "--out", out.path])
    #expect(result.status == 0, "\(result.standardError)")
    try checkReport(out, markdown: "summary.md", charts: ["rfm_segments.svg", "value_tiers.svg", "lifecycle.svg"])
    let rows = CSVTestReader.records(out.read("features.csv"))
    let stage = rows[0].firstIndex(of: "lifecycle_stage")!
    let lifecycle = try #require(XMLTree.parse(out.read("lifecycle.svg")))
    let labels = lifecycle.all("text", class: "value").map(\.text)
    // Stages in lifecycle order, each bar labelled with its count.
    let order = ["Prospect", "New", "Active", "At risk", "Lapsed"]
    let counts = order.map { name in rows.dropFirst().filter { $0[stage] == name }.count }.filter { $0 > 0 }
    #expect(lifecycle.all("text", class: "category").map(\.text) == order.filter { name in rows.contains { $0[stage] == name } })
    #expect(labels.map { String($0.prefix { $0 != " " }) } == counts.map(String.init))
  }
}
