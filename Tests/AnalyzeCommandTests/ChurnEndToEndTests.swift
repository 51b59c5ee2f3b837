import Foundation
import Testing
import TestSupport

/// The fixture of PredictionTests: `gen_purchases.py --customers 1500 --seed 31`.
private let data = repositoryPath("Tests/PredictionTests/Fixtures/data")

@Suite struct ChurnEndToEndTests {
  @Test("churn writes every output, and score with its model.json reproduces scores.csv")
  func churnAndScore() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze(["churn", data, "--out", out.path, "--export-design", "\(out.path)/design.csv"])
    #expect(result.status == 0, "\(result.standardError)")
    for file in ["coefficients.csv", "metrics.csv", "calibration.csv", "lift.csv", "validation.csv", "scores.csv", "model.json", "report.md", "ingest.csv", "rejects.csv", "design.csv"] {
      #expect(!out.read(file).isEmpty, "\(file)")
    }
    #expect(result.standardOutput.contains("churn model: 1288 customers as of 2025-10-03, H = 90 days"))
    #expect(result.standardOutput.contains("Out of time (fitted as of 2025-07-05, scored as of 2025-10-03"))
    #expect(result.standardOutput.contains("Top drivers: "))
    let coefficients = out.read("coefficients.csv").split(separator: "\n")
    #expect(coefficients[0] == "term,coef,std_err,z,p_value,ci_low,ci_high,odds_ratio,odds_ratio_ci_low,odds_ratio_ci_high,std_effect,vif")
    #expect(coefficients[1].hasPrefix("intercept,"))
    let metrics = out.read("metrics.csv").split(separator: "\n").map { $0.split(separator: ",") }
    #expect(metrics.first == ["metric", "value"])
    #expect(Set(["sample", "n", "positives", "auc", "gini", "ks", "log_loss", "brier", "accuracy", "precision", "recall", "f1"])
      .isSubset(of: Set(metrics.map { String($0[0]) })))
    #expect(out.read("scores.csv").hasPrefix("customer_id,probability,risk_band,reason_1,reason_2,reason_3\n"))
    #expect(out.read("lift.csv").split(separator: "\n").count == 11)
    let report = out.read("report.md")
    for heading in ["# Churn model", "## Factors", "## Model summary", "## Outcome rate by factor", "## Validation", "## Current scores"] {
      #expect(report.contains(heading), "\(heading)")
    }
    // Terms whose VIF (last column of coefficients.csv) is above 10 are named as entangled, and only those.
    let entangled = coefficients.dropFirst(2).map { $0.split(separator: ",") }.filter { Double($0.last!)! > 10 }.map { String($0[0]) }
    #expect(!entangled.isEmpty, "the fixture's default model has log1p(frequency) at VIF 14.9")
    let note = try #require(report.split(separator: "\n").first { $0.hasPrefix("† Entangled terms") })
    #expect(note.matches(of: /`([^`]+)` \(/).map { String($0.1) } == entangled)

    let scored = TemporaryDirectory()
    let score = try runAnalyze(["score", "--model", "\(out.path)/model.json", data, "--out", scored.path])
    #expect(score.status == 0, "\(score.standardError)")
    #expect(scored.read("scores.csv") == out.read("scores.csv"))
  }

  @Test("the same inputs give byte-identical outputs; --lang zh writes Chinese words")
  func deterministicAndChinese() throws {
    let a = TemporaryDirectory()
    let b = TemporaryDirectory()
    #expect(try runAnalyze(["churn", data, "--out", a.path]).status == 0)
    #expect(try runAnalyze(["churn", data, "--out", b.path, "--lang", "zh"]).status == 0)
    for file in ["coefficients.csv", "metrics.csv", "calibration.csv", "lift.csv", "validation.csv", "model.json"] {
      #expect(a.read(file) == b.read(file), "\(file)")
    }
    #expect(b.read("report.md").hasPrefix("# 流失模型"))
    #expect(b.read("scores.csv").contains("距上次购买天数"))
  }

  @Test("propensity for one category; a formula error is a usage error naming the column")
  func propensityAndErrors() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze(["propensity", data, "--category", "美妆", "--horizon", "30", "--out", out.path])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("purchase (category = 美妆) model: 1472 customers"))

    let bad = try runAnalyze(["churn", data, "--formula", "churn ~ log1p(frequency", "--out", out.path])
    #expect(bad.status == 2)
    #expect(bad.standardError.contains("column 24: expected ')', found the end"))

    let unknown = try runAnalyze(["churn", data, "--features", "recency_day,frequency", "--out", out.path])
    #expect(unknown.status == 1)
    #expect(unknown.standardError.contains("did you mean 'recency_days'?"))
  }

  @Test("score refuses a model from a newer analyze and data without a column the model needs")
  func scoreErrors() throws {
    let out = TemporaryDirectory()
    #expect(try runAnalyze(["churn", data, "--formula", "churn ~ log1p(recency_days) + log1p(events_complaint)", "--out", out.path]).status == 0)
    var model = try JSONSerialization.jsonObject(with: Data(out.read("model.json").utf8)) as! [String: Any]
    model["formatVersion"] = 7
    out.write("newer.json", String(decoding: try JSONSerialization.data(withJSONObject: model), as: UTF8.self))
    let newer = try runAnalyze(["score", "--model", "\(out.path)/newer.json", data, "--out", out.path])
    #expect(newer.status == 1)
    #expect(newer.standardError.contains("written in model format 7 by a newer analyze"))

    let noEvents = TemporaryDirectory()
    for file in ["transactions.csv", "customers.csv"] {
      try FileManager.default.copyItem(atPath: "\(data)/\(file)", toPath: "\(noEvents.path)/\(file)")
    }
    let missing = try runAnalyze(["score", "--model", "\(out.path)/model.json", noEvents.path, "--out", out.path])
    #expect(missing.status == 1)
    #expect(missing.standardError.contains("there is no feature 'events_complaint'"))
  }
}
