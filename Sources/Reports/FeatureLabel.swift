/// Words for feature names in reports and reason codes: "days since last
/// purchase" rather than `recency_days`. Names without an entry are shown as
/// they are.
public enum FeatureLabel {
  /// The label of `name` in `language`.
  public static func label(_ name: String, _ language: ReportLanguage) -> String {
    if let known = labels[name] { return language.pick(known.en, known.zh) }
    if name.hasPrefix("events_") {
      let type = String(name.dropFirst("events_".count))
      if let known = eventLabels[type] { return language.pick(known.en, known.zh) }
      return language.pick("\(type) events", "\(type) 事件数")
    }
    return name
  }

  private static let labels: [String: (en: String, zh: String)] = [
    "recency_days": ("days since last purchase", "距上次购买天数"),
    "frequency": ("number of purchases", "购买次数"),
    "monetary_total": ("total spend", "累计消费金额"),
    "monetary_avg": ("average order value", "客单价"),
    "tenure_days": ("days since first purchase", "首购至今天数"),
    "purchases_per_year": ("purchases a year", "年均购买次数"),
    "purchase_value_avg": ("average purchase value", "平均购买金额"),
    "interpurchase_days_avg": ("average days between purchases", "平均购买间隔天数"),
    "orders_90d": ("purchases in the last 90 days", "近 90 天购买次数"),
    "spend_90d": ("spend in the last 90 days", "近 90 天消费金额"),
    "spend_365d": ("spend in the last 365 days", "近 365 天消费金额"),
    "distinct_categories": ("categories bought", "购买品类数"),
    "discount_share": ("share of orders with a discount", "使用折扣的订单占比"),
    "refund_count": ("refunds", "退款次数"),
    "age": ("age", "年龄"),
    "gender": ("gender", "性别"),
    "province": ("province", "省份"),
    "city": ("city", "城市"),
    "region": ("region", "地区"),
    "economic_zone": ("economic zone", "经济圈"),
    "source": ("acquisition source", "获客来源"),
    "member_tier": ("member tier", "会员等级"),
    "signup_age_days": ("days since signup", "注册天数"),
    "value_tier": ("value tier", "价值分层"),
    "lifecycle_stage": ("lifecycle stage", "生命周期阶段"),
    "rfm_segment": ("RFM segment", "RFM 分群"),
    "r_score": ("recency score", "R 分"),
    "f_score": ("frequency score", "F 分"),
    "m_score": ("monetary score", "M 分"),
  ]

  private static let eventLabels: [String: (en: String, zh: String)] = [
    "complaint": ("complaints", "投诉次数"),
    "visit": ("visits", "访问次数"),
    "inquiry": ("inquiries", "咨询次数"),
    "praise": ("praise", "表扬次数"),
  ]
}
