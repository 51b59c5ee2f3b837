/// Where a customer stands in the customer lifecycle as of T (see
/// ``LifecycleRules`` for the rules and their defaults).
public enum LifecycleStage: String, CaseIterable, Sendable, Codable {
  /// Known (customers table, events) but no purchase before T.
  case prospect = "prospect"
  /// First purchase within the last `newWithinDays` days.
  case new = "new"
  /// Buying at their usual rhythm.
  case active = "active"
  /// Quiet for much longer than their usual rhythm, but not yet lapsed.
  case atRisk = "at_risk"
  /// No purchase for more than `lapsedAfterDays` days.
  case lapsed = "lapsed"

  /// The stage's name in English reports.
  public var englishName: String {
    switch self {
    case .prospect: "Prospect"
    case .new: "New"
    case .active: "Active"
    case .atRisk: "At risk"
    case .lapsed: "Lapsed"
    }
  }

  /// The stage's name in Chinese reports (客户生命周期: 潜在期, 新客期, 活跃期, 预警期, 流失期).
  public var chineseName: String {
    switch self {
    case .prospect: "潜在客户"
    case .new: "新客户"
    case .active: "活跃客户"
    case .atRisk: "流失预警客户"
    case .lapsed: "流失客户"
    }
  }
}
