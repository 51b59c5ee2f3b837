/// The fixed value lists the simulated files draw from.
public enum SimulationVocabulary {
  /// Product categories, in the column order of
  /// ``SegmentProfile/categoryWeights``.
  public static let categories = ["服装", "美妆", "食品", "母婴", "数码", "家居", "运动", "图书"]
  /// Sales channels, in the column order of ``SegmentProfile/channelWeights``.
  public static let channels = ["app", "web", "store", "wechat", "tmall", "jd"]
  /// How customers were acquired, with their shares.
  public static let sources = ["organic", "search_ad", "social", "referral", "offline_store", "livestream"]
  static let sourceWeights = [0.30, 0.20, 0.18, 0.10, 0.14, 0.08]
  /// Membership tiers; `none` means not a member.
  public static let memberTiers = ["none", "silver", "gold", "platinum"]
  /// Gender codes; the empty string is "not given".
  static let genders = ["F", "M", ""]
  static let genderWeights = [0.56, 0.40, 0.04]
  /// Event types, in the order of ``EventRecord/kind`` codes.
  public static let eventTypes = ["visit", "complaint", "inquiry", "praise"]
}
