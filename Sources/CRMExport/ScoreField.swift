/// The columns the toolkit's own commands write that an export carries by
/// default, with their CRM field names in each header style.
///
/// Only the match key and scores leave the tool (spec §8.1: less PII, less
/// injection surface); any other input column can be added in the config.
public struct ScoreField: Sendable, Equatable {
  /// The input column.
  public let source: String
  /// The file that writes it.
  public let file: InputFile
  public let kind: ColumnKind
  /// The CRM field label, English (`Churn Probability`).
  public let label: String
  /// The label of a Chinese CRM template (`流失概率`).
  public let chineseLabel: String

  /// In export order. The names avoid fields CRMs already have: Zoho and
  /// HubSpot have a built-in "Tags" and HubSpot a "Lifecycle Stage" that an
  /// import never moves backwards.
  public static let all: [ScoreField] = [
    ScoreField(source: "probability", file: .scores, kind: .decimal, label: "Churn Probability", chineseLabel: "流失概率"),
    ScoreField(source: "risk_band", file: .scores, kind: .picklist, label: "Churn Risk", chineseLabel: "流失风险"),
    ScoreField(source: "reason_1", file: .scores, kind: .text, label: "Churn Reason", chineseLabel: "流失原因"),
    ScoreField(source: "segment_name", file: .segments, kind: .picklist, label: "Segment", chineseLabel: "客户分群"),
    ScoreField(source: "rfm_segment", file: .features, kind: .picklist, label: "RFM Segment", chineseLabel: "RFM分层"),
    ScoreField(source: "value_tier", file: .features, kind: .picklist, label: "Value Tier", chineseLabel: "价值等级"),
    ScoreField(
      source: "lifecycle_stage", file: .features, kind: .picklist, label: "Purchase Lifecycle", chineseLabel: "购买生命周期"),
    ScoreField(source: "tags", file: .tags, kind: .multiselect, label: "Score Tags", chineseLabel: "智能标签"),
  ]

  /// The known field for an input column, if any.
  public static func named(_ source: String) -> ScoreField? {
    all.first { $0.source == source }
  }

  /// The field's header in `style`.
  public func header(_ style: HeaderStyle) -> String {
    style.header(label: label, chineseLabel: chineseLabel)
  }
}
