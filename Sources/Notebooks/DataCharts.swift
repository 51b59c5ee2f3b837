import Reports

/// The charts of the data a run read: the describe step's activity and
/// cohorts, the features step's value tiers and lifecycle stages.
enum DataCharts {
  /// - Parameter step: the Python variable holding the describe step's folder.
  static func describe(step: String, language l: ReportLanguage) -> [ChartCell] {
    func text(_ english: String, _ chinese: String) -> String { Python.literal(l.pick(english, chinese)) }
    let trend = ChartCell(
      title: l.pick("Monthly trend", "月度趋势"), svg: "monthly_trend.svg",
      anchors: ["Monthly activity", "月度趋势"], inputs: ["monthly.csv"],
      code: """
        # Revenue and customers month by month (monthly.csv).
        from matplotlib.ticker import StrMethodFormatter

        monthly = pd.read_csv(\(step) / "monthly.csv")
        months = np.arange(len(monthly))
        fig, (revenue, customers) = plt.subplots(2, 1, figsize=(11, 6), sharex=True)
        revenue.bar(months, monthly["revenue"], color="C0")
        revenue.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
        \(Python.labels("revenue", y: l.pick("revenue", "销售额"), title: l.pick("Revenue and customers by month", "每月销售额与客户数")))
        customers.plot(months, monthly["active_customers"], marker=".", color="C0", label=\(text("active customers", "活跃客户")))
        customers.plot(months, monthly["new_customers"], marker=".", color="C2", label=\(text("new customers", "新客户")))
        \(Python.labels("customers", y: l.pick("customers", "客户数")))
        customers.legend(loc="upper left")
        customers.set_xticks(months[::3])
        customers.set_xticklabels(monthly["month"][::3], rotation=45, ha="right")
        fig.tight_layout()
        plt.show()
        """)
    let cohorts = ChartCell(
      title: l.pick("Cohort retention", "同期群留存"), svg: "cohort_retention.svg",
      anchors: ["Cohort retention", "同期群留存"], inputs: ["cohort_retention.csv"],
      code: """
        # The share of each month's new customers who buy again m months later (cohort_retention.csv).
        cohorts = pd.read_csv(\(step) / "cohort_retention.csv")
        offsets = [column for column in cohorts.columns if column[0] == "m" and column[1:].isdigit()]
        rates = cohorts[offsets].to_numpy(dtype=float)
        fig, ax = plt.subplots(figsize=(11, 0.2 * len(cohorts) + 2))
        # Month 0 is 100% by definition; the scale follows the later months.
        image = ax.imshow(rates, aspect="auto", cmap="viridis", vmin=0, vmax=np.nanmax(rates[:, 1:]))
        ax.set_yticks(np.arange(len(cohorts)))
        ax.set_yticklabels(cohorts["cohort"] + " (" + cohorts["size"].astype(str) + ")", fontsize=7)
        \(Python.labels(x: l.pick("months since the first purchase", "首次购买后的月数"), y: l.pick("cohort (customers)", "同期群（客户数）"), title: l.pick("Cohort retention", "同期群留存")))
        fig.colorbar(image, ax=ax, label=\(text("share of the cohort buying", "当月购买的比例")))
        fig.tight_layout()
        plt.show()
        """)
    return [trend, cohorts]
  }

  /// - Parameter step: the Python variable holding the features step's folder.
  static func features(step: String, language l: ReportLanguage) -> [ChartCell] {
    [
      distribution(
        step: step, column: "value_tier", svg: "value_tiers.svg", title: l.pick("Value tiers", "价值等级"),
        order: "sort_index()", language: l),
      distribution(
        step: step, column: "lifecycle_stage", svg: "lifecycle.svg", title: l.pick("Lifecycle stages", "生命周期阶段"),
        order: "sort_values(ascending=False)", language: l),
    ]
  }

  /// Customers per class of one column of features.csv.
  private static func distribution(
    step: String, column: String, svg: String, title: String, order: String, language l: ReportLanguage
  ) -> ChartCell {
    ChartCell(
      title: title, svg: svg, anchors: [column], inputs: ["features.csv"],
      code: """
        # Customers per \(column) (features.csv).
        classes = pd.read_csv(\(step) / "features.csv", usecols=[\(Python.literal(column))])[\(Python.literal(column))]
        counts = classes.fillna("(none)").value_counts().\(order)
        fig, ax = plt.subplots(figsize=(7, 0.45 * len(counts) + 1.2))
        ax.barh(counts.index, counts, color="C0")
        ax.invert_yaxis()
        for row, count in enumerate(counts):
            ax.annotate(f" {count} ({count / len(classes):.0%})", (count, row), va="center")
        ax.set_xlim(0, counts.max() * 1.2)
        \(Python.labels(x: l.pick("customers", "客户数"), title: title))
        fig.tight_layout()
        plt.show()
        """)
  }
}
