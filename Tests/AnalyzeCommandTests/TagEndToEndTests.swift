import Foundation
import Testing
import TestSupport

/// Five customers as of 2025-04-01, small enough to tag by hand:
///
/// | id | purchases (before T) | monetary_total | discount_share | 数码 purchases | complaints | age | region |
/// |----|------|------|-----|---|---|----|------|
/// | C1 | 3 (2 with 数码)      | 600  | 2/3 | 2 | 0 | 30 | 华东 |
/// | C2 | 1                    | 50   | 0   | 0 | 2 | –  | 华南 |
/// | C3 | 1 (a 食品 + 数码 order) | 100 | 1   | 1 | 1 | 65 | 西南 |
/// | C4 | 0 (a refund only)    | −30  | –   | 0 | 0 | 35 | 华北 |
/// | C5 | 0 (a prospect)       | 0    | –   | 0 | 0 | 25 | 华东 |
private func handData() -> TemporaryDirectory {
  let data = TemporaryDirectory()
  data.write(
    "transactions.csv",
    """
    order_id,customer_id,order_date,amount,quantity,category,channel,discount
    O1,C1,2025-01-05,100,1,数码,web,0
    O2,C1,2025-02-05,200,1,数码,web,10
    O3,C1,2025-03-05,300,1,服装,web,10
    O4,C2,2025-03-10,50,1,服装,app,0
    O5,C3,2025-01-20,80,1,食品,app,5
    O5,C3,2025-01-20,20,1,数码,app,0
    O6,C4,2025-03-30,-30,1,服装,app,0
    O7,C1,2025-05-01,999,1,数码,web,0

    """)
  data.write(
    "customers.csv",
    """
    customer_id,signup_date,gender,birth_year,province,city,source,member_tier
    C1,2024-12-01,F,1995,上海,上海,organic,gold
    C2,2024-12-01,M,,广东,广州,social,none
    C3,2024-12-01,F,1960,四川,成都,livestream,silver
    C4,2024-12-01,,1990,北京,北京,organic,
    C5,2024-12-01,M,2000,浙江,杭州,referral,none

    """)
  data.write(
    "events.csv",
    """
    customer_id,event_date,event_type,value
    C2,2025-02-01,complaint,1
    C2,2025-03-01,complaint,1
    C3,2025-02-01,complaint,1
    C1,2025-02-01,visit,3

    """)
  return data
}

private let handRules = """
  # 标签规则 / tag rules
  tags:
    - name: big
      # p80 of −30, 0, 50, 100, 600: 100 + 0.2 × 500 = 200
      when: monetary_total >= p80(monetary_total)
    - name: digital
      when: category_数码 >= 1
    - name: coupon
      when: discount_share > 0.5
    - name: complainer
      when: events_complaint >= 2
    - name: "=young"
      when: age < 31
    - name: east
      when: region in ["华东", "华南"]
    - name: no_age
      when: age is missing
    - name: prospect
      # no purchase before T: C5, and C4, whose only order is a refund
      when: lifecycle_stage = "Prospect"

  """

@Suite struct TagEndToEndTests {
  @Test("tag on a hand-made folder: tags.csv, tag_counts.csv and summary.md as worked by hand")
  func handWorked() throws {
    let data = handData()
    let rules = data.write("rules.yaml", handRules)
    let out = TemporaryDirectory()
    let result = try runAnalyze(["tag", data.path, "--rules", rules, "--as-of", "2025-04-01", "--out", out.path])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.hasPrefix("5 customers as of 2025-04-01, 8 tags; 5 with at least one tag."))
    // A cell that starts with = is guarded; one that only holds it later is not a formula.
    #expect(
      out.read("tags.csv") == """
        customer_id,tags
        C1,big;digital;coupon;=young;east
        C2,complainer;east;no_age
        C3,digital;coupon
        C4,prospect
        C5,'=young;east;prospect

        """)
    #expect(
      out.read("tag_counts.csv") == """
        tag,customers,share
        big,1,0.2
        digital,2,0.4
        coupon,2,0.4
        complainer,1,0.2
        '=young,2,0.4
        east,3,0.6
        no_age,1,0.2
        prospect,2,0.4

        """)
    let summary = out.read("summary.md")
    #expect(summary.contains("| east | 3 | 60.0% | `region in [\"华东\", \"华南\"]` |"))
    #expect(summary.contains("| `p80(monetary_total)` | 200.00 | 5 |"))
    #expect(try out.entries() == ["ingest.csv", "rejects.csv", "report.html", "summary.md", "tag_counts.csv", "tags.csv"])
  }

  @Test("class names follow --class-names, not --lang; the summary follows --lang")
  func classNames() throws {
    let data = handData()
    let rules = data.write("rules.yaml", "tags:\n  - name: 潜在\n    when: lifecycle_stage = \"潜在客户\"\n")
    let out = TemporaryDirectory()
    let result = try runAnalyze([
      "tag", data.path, "--rules", rules, "--as-of", "2025-04-01", "--class-names", "zh", "--lang", "zh", "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(out.read("tags.csv").hasSuffix("C4,潜在\nC5,潜在\n"))
    #expect(out.read("summary.md").hasPrefix("# 客户标签"))
  }

  @Test("--run joins segments.csv; ids not in the data are counted and warned about")
  func runFolder() throws {
    let data = handData()
    data.write("run/segments.csv", "customer_id,segment,segment_name\nC1,0,Loyal\nC2,1,Dormant\nC9,1,Dormant\n")
    let rules = data.write("rules.yaml", "tags:\n  - name: dormant\n    when: segment_name = \"Dormant\" or segment is missing\n")
    let out = TemporaryDirectory()
    let result = try runAnalyze([
      "tag", data.path, "--rules", rules, "--as-of", "2025-04-01", "--run", "\(data.path)/run", "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(out.read("tags.csv") == "customer_id,tags\nC1,\nC2,dormant\nC3,dormant\nC4,dormant\nC5,dormant\n")
    #expect(result.standardError.contains("warning: 1 of the 3 customers of \(data.path)/run/segments.csv are not in the data; skipped."))
    #expect(out.read("summary.md").contains("**1 customers are not in the data and were skipped**"))
  }

  @Test("a broken rules file: exit status 1, file:line:column and what was expected, no outputs")
  func brokenRules() throws {
    let data = handData()
    let out = TemporaryDirectory()
    let unknown = data.write("unknown.yaml", "tags:\n  - name: a\n    when: frequency >= 1\n  - name: b\n    when: monetary_totl > 3\n")
    var result = try runAnalyze(["tag", data.path, "--rules", unknown, "--out", "\(out.path)/x"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("\(unknown):5:11: there is no field 'monetary_totl'; did you mean 'monetary_total'?"))
    let syntax = data.write("syntax.yaml", "tags:\n  - name: a\n    when: age between 18 30\n")
    result = try runAnalyze(["tag", data.path, "--rules", syntax, "--out", "\(out.path)/x"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("\(syntax):3:26: expected 'and' of 'between … and …', found '30'."))
    #expect(try out.entries().isEmpty)
  }

  /// Counts checked against pandas on features.csv of `analyze features datasets/sample`:
  ///
  /// ```python
  /// f = pd.read_csv("features.csv", dtype={"customer_id": str})
  /// t = pd.read_csv("datasets/sample/transactions.csv")
  /// e = pd.read_csv("datasets/sample/events.csv", dtype={"customer_id": str}, parse_dates=["event_date"])
  /// e = e[(e.event_type == "complaint") & (e.event_date >= "2025-10-03") & (e.event_date < "2026-01-01")]
  /// o = t.groupby(["customer_id", "order_id"]).agg(amount=("amount", "sum"), d=("category", lambda c: (c == "数码").any()))
  /// f["c"] = f.customer_id.map(o[(o.amount > 0) & o.d].groupby("customer_id").size()).fillna(0)
  /// m, a, g = f.monetary_total, f.age, f.gender
  /// [m.ge(np.percentile(m, 80)) & f.frequency.ge(3), f.c.ge(2), f.discount_share.gt(0.5), f.customer_id.map(e.groupby("customer_id").size()).fillna(0).ge(2),
  ///  f.spend_90d.gt(0.5 * m) & f.orders_90d.ge(1), f.value_tier.isin(["A", "B"]) & f.lifecycle_stage.isin(["At risk", "Lapsed"]),
  ///  f.frequency.eq(1), f.distinct_categories.ge(4), f.refund_count.ge(1), a.between(18, 29), a.between(30, 44), a.ge(45),
  ///  a.isna(), g.isin(["F", "女"]), g.isin(["M", "男"]), f.region.isin(["华东", "华南"]),
  ///  f.city.isin(["北京", "上海", "广州", "深圳"]), f.source.eq("livestream"), f.member_tier.isin(["gold", "platinum"]),
  ///  f.member_tier.eq("none") | f.member_tier.isna()]   # each .sum()
  /// ```
  @Test("datasets/tags.yaml runs on datasets/sample and every count equals pandas'")
  func sample() throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze([
      "tag", repositoryPath("datasets/sample"), "--rules", repositoryPath("datasets/tags.yaml"), "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let counts = out.read("tag_counts.csv").split(separator: "\n").dropFirst().map { Int($0.split(separator: ",")[1])! }
    #expect(counts == [555, 778, 840, 69, 477, 469, 730, 1334, 735, 694, 1746, 480, 80, 1671, 1208, 1270, 277, 261, 596, 1930])
    #expect(out.read("tags.csv").split(separator: "\n").count == 3001)
  }
}
