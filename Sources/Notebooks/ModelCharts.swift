import Reports

/// The charts of a churn or propensity model's folder (`analyze churn`, `analyze propensity`).
enum ModelCharts {
  /// - Parameters:
  ///   - step: the Python variable holding the model's folder.
  ///   - outcome: the outcome column of `validation.csv` (`churn`, `purchase`).
  static func all(step: String, outcome: String, language l: ReportLanguage) -> [ChartCell] {
    func text(_ english: String, _ chinese: String) -> String { Python.literal(l.pick(english, chinese)) }
    let oddsRatios = ChartCell(
      title: l.pick("Odds ratios with 95% intervals", "优势比及 95% 置信区间"), svg: "odds_ratios.svg",
      anchors: ["Factors", "影响因素"], inputs: ["coefficients.csv"],
      code: """
        # Odds ratios with their 95% intervals (coefficients.csv); red where p < 0.05.
        coefficients = pd.read_csv(\(step) / "coefficients.csv")
        terms = coefficients[coefficients["term"] != "intercept"].sort_values("odds_ratio").reset_index(drop=True)
        colours = np.where(terms["p_value"] < 0.05, "C3", "grey")
        rows = np.arange(len(terms))
        fig, ax = plt.subplots(figsize=(8, 0.26 * len(terms) + 1.5))
        ax.hlines(rows, terms["odds_ratio_ci_low"], terms["odds_ratio_ci_high"], color=colours)
        ax.scatter(terms["odds_ratio"], rows, color=colours, zorder=3)
        ax.axvline(1, color="black", linewidth=0.8, linestyle="--")
        ax.set_xscale("log")
        ax.set_yticks(rows)
        ax.set_yticklabels(terms["term"])
        ax.set_ylim(-0.7, len(terms) - 0.3)
        \(Python.labels(x: l.pick("odds ratio per SD, or against the reference level (log scale)", "优势比：每个标准差，或相对参照水平（对数刻度）"), title: l.pick("Odds ratios with 95% intervals (red: p < 0.05)", "优势比及 95% 置信区间（红色：p < 0.05）")))
        fig.tight_layout()
        plt.show()
        """)
    let roc = ChartCell(
      title: l.pick("ROC curve, out of time", "ROC 曲线（跨期验证）"), svg: "roc.svg",
      anchors: ["Validation", "验证"], inputs: ["validation.csv"],
      code: """
        # ROC curve of the out-of-time validation: each customer's score and outcome (validation.csv).
        validation = pd.read_csv(\(step) / "validation.csv")
        order = np.argsort(-validation["probability"].to_numpy(), kind="mergesort")
        scores = validation["probability"].to_numpy()[order]
        hits = validation[\(Python.literal(outcome))].to_numpy()[order]
        # One point per distinct score: customers with the same score move the curve together.
        last_of_tie = np.r_[scores[1:] != scores[:-1], True]
        tpr = np.r_[0, np.cumsum(hits)[last_of_tie] / hits.sum()]
        fpr = np.r_[0, np.cumsum(1 - hits)[last_of_tie] / (1 - hits).sum()]
        auc = np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2)
        fig, ax = plt.subplots(figsize=(5.5, 5.5))
        ax.plot(fpr, tpr, color="C0", label=f"\(l.pick("model", "模型")) (AUC {auc:.3f})")
        ax.plot([0, 1], [0, 1], color="grey", linestyle="--", label=\(text("chance", "随机")))
        \(Python.labels(x: l.pick("false positive rate (1 − specificity)", "假阳性率（1 − 特异度）"), y: l.pick("true positive rate (sensitivity)", "真阳性率（灵敏度）"), title: l.pick("ROC curve, out-of-time validation", "ROC 曲线（跨期验证）")))
        ax.legend(loc="lower right")
        plt.show()
        """)
    let calibration = ChartCell(
      title: l.pick("Calibration", "校准图"), svg: "calibration.svg",
      anchors: ["Calibration", "校准"], inputs: ["calibration.csv"],
      code: """
        # Calibration: the mean predicted probability and the observed rate in each decile of the score (calibration.csv).
        calibration = pd.read_csv(\(step) / "calibration.csv")
        fig, ax = plt.subplots(figsize=(5.5, 5.5))
        ax.plot([0, 1], [0, 1], color="grey", linestyle="--", label=\(text("perfectly calibrated", "完全校准")))
        ax.plot(calibration["mean_predicted"], calibration["observed_rate"], marker="o", color="C0", label=\(text("deciles of the score", "评分十分位")))
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        \(Python.labels(x: l.pick("mean predicted probability", "平均预测概率"), y: l.pick("observed rate", "实际比例"), title: l.pick("Calibration, out-of-time validation", "校准图（跨期验证）")))
        ax.legend(loc="upper left")
        plt.show()
        """)
    let gains = ChartCell(
      title: l.pick("Cumulative gains and lift", "累计增益与提升度"), svg: "gains.svg",
      anchors: ["Cumulative gains", "累计增益"], inputs: ["lift.csv"],
      code: """
        # Cumulative gains and lift by decile of the score, highest scores first (lift.csv).
        lift = pd.read_csv(\(step) / "lift.csv")
        reached = np.r_[0, lift["cumulative_count"] / lift["cumulative_count"].iloc[-1]]
        gain = np.r_[0, lift["cumulative_gain"]]
        fig, (gains, lifts) = plt.subplots(1, 2, figsize=(11, 4.5))
        gains.plot(reached, gain, marker="o", color="C0", label=\(text("model", "模型")))
        gains.plot([0, 1], [0, 1], color="grey", linestyle="--", label=\(text("random order", "随机顺序")))
        \(Python.labels("gains", x: l.pick("share of customers, highest scores first", "客户占比（按评分从高到低）"), y: l.pick("share of all positives among them", "覆盖的正例占比"), title: l.pick("Cumulative gains", "累计增益")))
        gains.legend(loc="lower right")
        lifts.bar(lift["decile"], lift["lift"], color="C0", alpha=0.4, label=\(text("lift of the decile", "该十分位的提升度")))
        lifts.plot(lift["decile"], lift["cumulative_lift"], marker="o", color="C1", label=\(text("cumulative lift", "累计提升度")))
        lifts.axhline(1, color="grey", linestyle="--")
        lifts.set_xticks(lift["decile"])
        \(Python.labels("lifts", x: l.pick("decile of the score (1 = highest)", "评分十分位（1 = 最高）"), y: l.pick("lift (rate ÷ base rate)", "提升度（比例 ÷ 基准比例）"), title: l.pick("Lift", "提升度")))
        lifts.legend(loc="upper right")
        fig.tight_layout()
        plt.show()
        """)
    let bands = ChartCell(
      title: l.pick("Current scores by risk band", "当前评分按风险等级分布"), svg: nil,
      anchors: ["Current scores", "当前评分"], inputs: ["scores.csv"],
      code: """
        # The current scores and their risk bands (scores.csv); bands ordered from the lowest scores up.
        scores = pd.read_csv(\(step) / "scores.csv", usecols=["probability", "risk_band"])
        bands = scores.groupby("risk_band")["probability"].min().sort_values().index.tolist()
        colours = plt.get_cmap("RdYlGn_r")(np.linspace(0.15, 0.85, len(bands)))
        fig, (histogram, counts) = plt.subplots(1, 2, figsize=(11, 4.5), gridspec_kw={"width_ratios": [3, 2]})
        histogram.hist(
            [scores.loc[scores["risk_band"] == band, "probability"] for band in bands],
            bins=np.linspace(0, 1, 41), stacked=True, color=colours, label=bands)
        \(Python.labels("histogram", x: l.pick("predicted probability", "预测概率"), y: l.pick("customers", "客户数"), title: l.pick("Distribution of the current scores", "当前评分分布")))
        histogram.legend(title=\(text("risk band", "风险等级")))
        sizes = scores["risk_band"].value_counts().reindex(bands)
        counts.bar(range(len(bands)), sizes, color=colours)
        for x, size in enumerate(sizes):
            counts.annotate(f"{size} ({size / len(scores):.0%})", (x, size), ha="center", va="bottom")
        counts.set_xticks(range(len(bands)))
        counts.set_xticklabels(bands)
        \(Python.labels("counts", y: l.pick("customers", "客户数"), title: l.pick("Customers per risk band", "各风险等级客户数")))
        fig.tight_layout()
        plt.show()
        """)
    return [oddsRatios, roc, calibration, gains, bands]
  }
}
