/// The eleven named customer segments of the widely used RFM grid.
///
/// The grid puts the recency score R on one axis and the combined
/// frequency–monetary score FM on the other, and names 11 areas of it. FM is
/// the mean of F and M, rounded half up (a mean of 4.5 sits in the cell
/// between 4 and 5, i.e. in cell 5):
///
/// ```
/// FM = ⌈(F + M) / 2⌉
///
///          R=1           R=2          R=3             R=4                 R=5
/// FM=5  Can't lose them  At risk      Loyal           Loyal               Champions
/// FM=4  At risk          At risk      Loyal           Loyal               Loyal
/// FM=3  At risk          At risk      Need attention  Potential loyalist  Potential loyalist
/// FM=2  Lost             Hibernating  About to sleep  Potential loyalist  Potential loyalist
/// FM=1  Lost             Lost         About to sleep  Promising           New
/// ```
///
/// Source: the published R × FM segment chart, e.g. the table at
/// docs.churned.io ("RFM-Model"), which gives eight of the rectangles as
/// intervals on a 0–5 axis: Champion R 4–5 / FM 4–5, Loyalist 2–5 / 3–5,
/// Potential loyalist 3–5 / 1–3, New 4–5 / 0–1, Need attention 2–3 / 2–3,
/// At risk 0–2 / 2–5, Hibernating 1–2 / 1–2, Lost 0–2 / 0–2. On a 0–5 axis
/// "4–5" is the cell of score 5 and "2–5" the scores 3, 4 and 5; where two
/// rectangles overlap, the smaller one, drawn on top, wins (Champions over
/// Loyal, Hibernating over Lost). The three remaining names of the common
/// 11-segment chart fill what those eight leave or carve out: Promising is the
/// empty cell R 4 / FM 1, About to sleep the empty cells R 3 / FM 1–2, and
/// Can't lose them the top corner of At risk (R 1 / FM 5: best customers who
/// have gone quiet). Read that way every one of the 25 (R, FM) cells — hence
/// every one of the 125 (R, F, M) codes — has exactly one segment, and every
/// segment has at least one cell.
///
/// Chinese names are direct translations as used in Chinese RFM write-ups of
/// this 11-segment grid (冠军客户, 忠诚客户 …). The 8-class Chinese model
/// (重要价值客户, 重要保持客户, 重要发展客户, 重要挽留客户, 一般…) splits each
/// of R, F, M into high/low against the mean, a different partition, so its
/// names would mislabel these cells and are not used here.
public enum RFMSegment: String, CaseIterable, Sendable, Codable {
  case champions = "champions"
  case loyal = "loyal"
  case potentialLoyalist = "potential_loyalist"
  case new = "new"
  case promising = "promising"
  case needAttention = "need_attention"
  case aboutToSleep = "about_to_sleep"
  case atRisk = "at_risk"
  case cannotLoseThem = "cannot_lose_them"
  case hibernating = "hibernating"
  case lost = "lost"

  /// The segment of scores (R, F, M), each 1…5 (see the grid above).
  /// - Precondition: every score is in 1…5.
  public init(recency r: Int, frequency f: Int, monetary m: Int) {
    precondition(
      (1...5).contains(r) && (1...5).contains(f) && (1...5).contains(m),
      "RFM scores are 1…5 (got \(r)\(f)\(m))")
    let fm = (f + m + 1) / 2  // ⌈(F + M) / 2⌉
    self = Self.grid[5 - fm][r - 1]
  }

  /// Rows FM = 5 … 1, columns R = 1 … 5, as in the doc table.
  private static let grid: [[RFMSegment]] = [
    [.cannotLoseThem, .atRisk, .loyal, .loyal, .champions],
    [.atRisk, .atRisk, .loyal, .loyal, .loyal],
    [.atRisk, .atRisk, .needAttention, .potentialLoyalist, .potentialLoyalist],
    [.lost, .hibernating, .aboutToSleep, .potentialLoyalist, .potentialLoyalist],
    [.lost, .lost, .aboutToSleep, .promising, .new],
  ]

  /// The segment's name in English reports.
  public var englishName: String {
    switch self {
    case .champions: "Champions"
    case .loyal: "Loyal"
    case .potentialLoyalist: "Potential loyalist"
    case .new: "New"
    case .promising: "Promising"
    case .needAttention: "Need attention"
    case .aboutToSleep: "About to sleep"
    case .atRisk: "At risk"
    case .cannotLoseThem: "Can't lose them"
    case .hibernating: "Hibernating"
    case .lost: "Lost"
    }
  }

  /// The segment's name in Chinese reports.
  public var chineseName: String {
    switch self {
    case .champions: "冠军客户"
    case .loyal: "忠诚客户"
    case .potentialLoyalist: "潜在忠诚客户"
    case .new: "新客户"
    case .promising: "有潜力客户"
    case .needAttention: "需要关注客户"
    case .aboutToSleep: "即将沉睡客户"
    case .atRisk: "有流失风险客户"
    case .cannotLoseThem: "不能失去的客户"
    case .hibernating: "休眠客户"
    case .lost: "流失客户"
    }
  }
}
