import Foundation
import Testing
import TestSupport

/// The number after "Adjusted Rand index against truth.csv: " in the console summary.
private func adjustedRandIndex(_ output: String) -> Double? {
  guard let range = output.range(of: "Adjusted Rand index against truth.csv: ") else { return nil }
  return Double(output[range.upperBound...].prefix { $0 == "." || $0 == "-" || $0.isNumber })
}

@Suite struct SegmentEndToEndTests {
  /// The bundled sample is `analyze simulate --customers 3000 --seed 2026`:
  /// five segments that differ by multiples in purchase rate and order
  /// value. The default measures (purchases a year while active, average
  /// purchase value) find them; log RFM does not (ARI 0.18, k = 2 — see
  /// `PurchaseBehaviour`).
  @Test("segment --k auto on the bundled sample: k = 5 by silhouette, every k reported, ARI against truth.csv ≥ 0.8")
  func sample() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze(["segment", repositoryPath("datasets/sample"), "--k", "auto", "--out", out.path])
    #expect(result.status == 0, "\(result.standardError)")
    let ari = try #require(adjustedRandIndex(result.standardOutput), "\(result.standardOutput)")
    #expect(ari >= 0.8)
    #expect(result.standardOutput.contains("2768 customers in 5 segments"))
    let selection = out.read("k_selection.csv").split(separator: "\n")
    #expect(selection.first == "k,inertia,silhouette,calinski_harabasz,davies_bouldin,sizes,chosen")
    #expect(selection.dropFirst().map { $0.split(separator: ",")[0] } == ["2", "3", "4", "5", "6", "7", "8", "9", "10"])
    #expect(selection.dropFirst().map { $0.hasSuffix(",1") } == [false, false, false, true, false, false, false, false, false])
    let segments = out.read("segments.csv").split(separator: "\n")
    #expect(segments[0] == "customer_id,segment,segment_name,distance,second_segment,second_distance")
    #expect(segments.count == 2768 + 1)
    let profile = out.read("profile.md")
    #expect(profile.contains("adjusted Rand index **\(String(format: "%.3f", ari))**"))
    #expect(profile.contains("log1p(purchases_per_year), log1p(purchase_value_avg)"))
    #expect(profile.contains("has the highest mean silhouette"))
    #expect(profile.contains("in 华"))
    let model = try JSONSerialization.jsonObject(with: Data(out.read("model.json").utf8)) as! [String: Any]
    #expect(model["k"] as? Int == 5)
    #expect((model["columns"] as? [Any])?.count == 2)
  }

  /// Issue 5's test of recovery, on a base the test simulates itself:
  /// 1,500 customers at seeds 1–5 give ARI 0.83–0.86 (datasets/README.md).
  @Test("simulate, then segment --k auto: the simulated segments come back with ARI ≥ 0.8")
  func recoversSimulatedSegments() throws {
    let data = TemporaryDirectory()
    let simulated = try runAnalyze(["simulate", "--customers", "1500", "--seed", "4", "--out", data.path])
    #expect(simulated.status == 0, "\(simulated.standardError)")
    let out = TemporaryDirectory()
    let result = try runAnalyze(["segment", data.path, "--out", out.path])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains(" in 5 segments (k chosen by silhouette"), "\(result.standardOutput)")
    let ari = try #require(adjustedRandIndex(result.standardOutput), "\(result.standardOutput)")
    #expect(ari >= 0.8)
    // The report says the same, and so does the peer's log RFM design: far lower.
    #expect(out.read("profile.md").contains("adjusted Rand index **\(String(format: "%.3f", ari))**"))
    let rfm = try runAnalyze([
      "segment", data.path, "--no-default-features", "--features", "recency_days,frequency,monetary_total", "--out", out.path,
    ])
    let rfmIndex = try #require(adjustedRandIndex(rfm.standardOutput), "\(rfm.standardOutput)")
    #expect(rfmIndex < 0.5)
  }

  @Test("the same data and seed give byte-identical segments.csv and centroids.csv; a fixed k gives one k_selection row")
  func deterministic() throws {
    let a = TemporaryDirectory()
    let b = TemporaryDirectory()
    let arguments = ["segment", repositoryPath("datasets/sample"), "--k", "5", "--seed", "7", "--features", "discount_share:raw,member_tier*0.5"]
    let first = try runAnalyze(arguments + ["--out", a.path])
    let second = try runAnalyze(arguments + ["--out", b.path])
    #expect(first.status == 0 && second.status == 0, "\(first.standardError)")
    for file in ["segments.csv", "centroids.csv", "k_selection.csv", "model.json", "profile.md"] {
      #expect(!a.read(file).isEmpty && a.read(file) == b.read(file), "\(file)")
    }
    let selection = a.read("k_selection.csv").split(separator: "\n")
    #expect(selection.count == 2 && selection[1].hasPrefix("5,"))
    let centroids = a.read("centroids.csv").split(separator: "\n")
    #expect(centroids.count == 6)
    #expect(centroids[0].contains("discount_share_mean,discount_share_median,discount_share_centre"))
    #expect(centroids[0].contains("member_tier=gold_share,member_tier=gold_centre"))
    #expect(a.read("profile.md").contains("k = 5 was given"))
  }

  @Test("--names renames segments; --lang zh writes the profile in Chinese; --export-design writes the matrix clustered")
  func namesLanguageDesign() throws {
    let out = TemporaryDirectory()
    let names = out.write("names.yaml", "0: 沉睡客户\n1: 核心客户\n")
    let design = "\(out.path)/design.csv"
    let result = try runAnalyze([
      "segment", repositoryPath("datasets/sample"), "--k", "2", "--names", names, "--lang", "zh",
      "--export-design", design, "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let profile = out.read("profile.md")
    #expect(profile.hasPrefix("# 客户细分"))
    #expect(profile.contains("**0 · 沉睡客户**") && profile.contains("**1 · 核心客户**"))
    #expect(out.read("segments.csv").contains(",0,沉睡客户,"))
    let rows = out.read("design.csv").split(separator: "\n")
    #expect(rows[0] == "customer_id,log1p_purchases_per_year,log1p_purchase_value_avg")
    #expect(rows.count == 2768 + 1)
  }

  @Test("a broken names file fails with its line and column")
  func brokenNames() throws {
    let out = TemporaryDirectory()
    let names = out.write("names.yaml", "0: a\n7: b\n")
    let result = try runAnalyze(["segment", repositoryPath("datasets/sample"), "--k", "2", "--names", names, "--out", out.path])
    #expect(result.status == 1)
    #expect(result.standardError.contains("names.yaml:2:1: there is no segment 7; segments are 0 to 1."), "\(result.standardError)")
  }

  @Test("option mistakes are usage errors")
  func usage() throws {
    let out = TemporaryDirectory()
    for arguments in [["--k", "many"], ["--k-range", "1-5"], ["--k-range", "9-3"], ["--no-default-features"]] {
      let result = try runAnalyze(["segment", repositoryPath("datasets/sample"), "--out", out.path] + arguments)
      #expect(result.status == 2, "\(arguments): \(result.standardError)")
    }
  }
}
