import Reports

/// The charts of a segmentation's folder (`analyze segment`).
enum SegmentCharts {
  /// - Parameter step: the Python variable holding the segmentation's folder.
  static func all(step: String, language l: ReportLanguage) -> [ChartCell] {
    func text(_ english: String, _ chinese: String) -> String { Python.literal(l.pick(english, chinese)) }
    let sizes = ChartCell(
      title: l.pick("Segment sizes", "细分群体规模"), svg: nil,
      anchors: ["Segments", "细分群体"], inputs: ["centroids.csv"],
      code: """
        # How many customers each segment holds (centroids.csv).
        centroids = pd.read_csv(\(step) / "centroids.csv")
        labels = centroids["segment"].astype(str) + " · " + centroids["segment_name"]
        fig, ax = plt.subplots(figsize=(8, 0.45 * len(centroids) + 1.2))
        ax.barh(labels, centroids["size"], color=[f"C{j % 10}" for j in centroids["segment"]])
        ax.invert_yaxis()
        for row, (size, share) in enumerate(zip(centroids["size"], centroids["share"])):
            ax.annotate(f" {size} ({share:.0%})", (size, row), va="center")
        ax.set_xlim(0, centroids["size"].max() * 1.2)
        \(Python.labels(x: l.pick("customers", "客户数"), title: l.pick("Segment sizes", "细分群体规模")))
        fig.tight_layout()
        plt.show()
        """)
    let profiles = ChartCell(
      title: l.pick("Segment profiles", "细分群体画像"), svg: "segment_profiles.svg",
      anchors: ["Segments", "细分群体"], inputs: ["centroids.csv"],
      code: """
        # Each segment's centre on the clustering features, in standard deviations from the mean (centroids.csv).
        centroids = pd.read_csv(\(step) / "centroids.csv")
        centres = [column for column in centroids.columns if column.endswith("_centre")]
        labels = centroids["segment"].astype(str) + "\\n" + centroids["segment_name"]
        width = 0.8 / len(centres)
        fig, ax = plt.subplots(figsize=(9, 4.5))
        for i, column in enumerate(centres):
            offsets = np.arange(len(centroids)) + (i - (len(centres) - 1) / 2) * width
            ax.bar(offsets, centroids[column], width, label=column[: -len("_centre")])
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_xticks(np.arange(len(centroids)))
        ax.set_xticklabels(labels)
        \(Python.labels(y: l.pick("centre (standard deviations from the mean)", "中心（距均值的标准差数）"), title: l.pick("Segment profiles on the clustering features", "各细分群体在聚类特征上的画像")))
        ax.legend(title=\(text("feature", "特征")))
        fig.tight_layout()
        plt.show()
        """)
    let kSelection = ChartCell(
      title: l.pick("Choice of k", "k 的选择"), svg: "k_selection.svg",
      anchors: ["Choice of k", "k 的选择"], inputs: ["k_selection.csv"],
      code: """
        # The scores of each k tried (k_selection.csv); the dashed line marks the k kept.
        k_selection = pd.read_csv(\(step) / "k_selection.csv")
        chosen = k_selection.loc[k_selection["chosen"] == 1, "k"]
        panels = [
            ("inertia", \(text("inertia (look for the elbow)", "簇内平方和（看拐点）"))),
            ("silhouette", \(text("mean silhouette (higher is better)", "平均轮廓系数（越高越好）"))),
            ("calinski_harabasz", \(text("Calinski–Harabasz (higher is better)", "Calinski–Harabasz（越高越好）"))),
            ("davies_bouldin", \(text("Davies–Bouldin (lower is better)", "Davies–Bouldin（越低越好）"))),
        ]
        fig, axes = plt.subplots(2, 2, figsize=(10, 6.5), sharex=True)
        for ax, (column, title) in zip(axes.flat, panels):
            ax.plot(k_selection["k"], k_selection[column], marker="o", color="C0")
            for k in chosen:
                ax.axvline(k, color="C3", linestyle="--")
            ax.set_title(title)
        for ax in axes[1]:
            ax.set_xlabel(\(text("k (number of segments)", "k（细分群体数）")))
            ax.set_xticks(k_selection["k"])
        fig.tight_layout()
        plt.show()
        """)
    return [sizes, profiles, kSelection]
  }
}
