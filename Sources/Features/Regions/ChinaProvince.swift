/// One of China's 34 provincial-level divisions (省级行政区): 23 provinces
/// (incl. 台湾), 5 autonomous regions, 4 municipalities and 2 special
/// administrative regions, with the names customer files use for it.
///
/// Names are matched after ``normalizedName(_:)``: surrounding space dropped,
/// Latin letters lower-cased, spaces, hyphens, dots, underscores and
/// apostrophes removed. A name that still does not match is tried once more
/// without a leading 中国 / China and without one administrative suffix
/// (省, 市, 自治区, 壮族自治区, 特别行政区 …; province, sheng, shi, city,
/// autonomous region, SAR …), so 广东, 广东省, Guangdong, GUANGDONG PROVINCE,
/// 广西壮族自治区, 广西自治区, Inner Mongolia Autonomous Region and 中国香港
/// all resolve. Pinyin is written without tones: Shanxi (山西) and Shaanxi
/// (陕西) are told apart by the conventional double "a".
public struct ChinaProvince: Sendable, Equatable {
  /// Short name (简称 as used in addresses): 广东, 内蒙古, 香港.
  public let shortName: String
  /// Official full name: 广东省, 内蒙古自治区, 香港特别行政区.
  public let fullName: String
  /// Pinyin without tones: Guangdong, Neimenggu, Xianggang.
  public let pinyin: String
  /// Usual English name when it differs from the pinyin: Inner Mongolia, Tibet, Hong Kong.
  public let englishName: String
  /// The major geographic region (七大地理分区) of the built-in mapping: 华南.
  public let region: String
  /// Further spellings seen in exports (traditional characters, romanizations).
  let aliases: [String]

  init(
    _ shortName: String, _ fullName: String, _ pinyin: String, english: String? = nil,
    region: String, aliases: [String] = []
  ) {
    self.shortName = shortName
    self.fullName = fullName
    self.pinyin = pinyin
    self.englishName = english ?? pinyin
    self.region = region
    self.aliases = aliases
  }

  /// All 34, north to south within each region.
  public static let all: [ChinaProvince] = [
    ChinaProvince("北京", "北京市", "Beijing", region: "华北", aliases: ["Peking"]),
    ChinaProvince("天津", "天津市", "Tianjin", region: "华北"),
    ChinaProvince("河北", "河北省", "Hebei", region: "华北"),
    ChinaProvince("山西", "山西省", "Shanxi", region: "华北"),
    ChinaProvince(
      "内蒙古", "内蒙古自治区", "Neimenggu", english: "Inner Mongolia", region: "华北",
      aliases: ["Nei Mongol", "Nei Menggu", "Innermongolia"]),
    ChinaProvince("辽宁", "辽宁省", "Liaoning", region: "东北"),
    ChinaProvince("吉林", "吉林省", "Jilin", region: "东北"),
    ChinaProvince("黑龙江", "黑龙江省", "Heilongjiang", region: "东北", aliases: ["黑龍江"]),
    ChinaProvince("上海", "上海市", "Shanghai", region: "华东"),
    ChinaProvince("江苏", "江苏省", "Jiangsu", region: "华东", aliases: ["江蘇"]),
    ChinaProvince("浙江", "浙江省", "Zhejiang", region: "华东"),
    ChinaProvince("安徽", "安徽省", "Anhui", region: "华东"),
    ChinaProvince("福建", "福建省", "Fujian", region: "华东"),
    ChinaProvince("江西", "江西省", "Jiangxi", region: "华东"),
    ChinaProvince("山东", "山东省", "Shandong", region: "华东", aliases: ["山東"]),
    ChinaProvince("台湾", "台湾省", "Taiwan", region: "华东", aliases: ["台灣", "臺灣", "臺灣省"]),
    ChinaProvince("河南", "河南省", "Henan", region: "华中"),
    ChinaProvince("湖北", "湖北省", "Hubei", region: "华中"),
    ChinaProvince("湖南", "湖南省", "Hunan", region: "华中"),
    ChinaProvince("广东", "广东省", "Guangdong", region: "华南", aliases: ["廣東", "廣東省"]),
    ChinaProvince(
      "广西", "广西壮族自治区", "Guangxi", region: "华南", aliases: ["廣西", "Guangxi Zhuang"]),
    ChinaProvince("海南", "海南省", "Hainan", region: "华南"),
    ChinaProvince(
      "香港", "香港特别行政区", "Xianggang", english: "Hong Kong", region: "华南",
      aliases: ["HK", "HKSAR", "香港特區", "香港特别行政區"]),
    ChinaProvince(
      "澳门", "澳门特别行政区", "Aomen", english: "Macau", region: "华南",
      aliases: ["Macao", "澳門", "澳門特別行政區"]),
    ChinaProvince("重庆", "重庆市", "Chongqing", region: "西南", aliases: ["重慶", "Chungking"]),
    ChinaProvince("四川", "四川省", "Sichuan", region: "西南", aliases: ["Szechuan", "Szechwan"]),
    ChinaProvince("贵州", "贵州省", "Guizhou", region: "西南", aliases: ["貴州"]),
    ChinaProvince("云南", "云南省", "Yunnan", region: "西南", aliases: ["雲南"]),
    ChinaProvince("西藏", "西藏自治区", "Xizang", english: "Tibet", region: "西南"),
    ChinaProvince("陕西", "陕西省", "Shaanxi", region: "西北", aliases: ["陝西"]),
    ChinaProvince("甘肃", "甘肃省", "Gansu", region: "西北", aliases: ["甘肅"]),
    ChinaProvince("青海", "青海省", "Qinghai", region: "西北"),
    ChinaProvince("宁夏", "宁夏回族自治区", "Ningxia", region: "西北", aliases: ["寧夏", "Ningxia Hui"]),
    ChinaProvince(
      "新疆", "新疆维吾尔自治区", "Xinjiang", region: "西北",
      aliases: ["Xinjiang Uygur", "Xinjiang Uyghur", "新疆維吾爾自治區"]),
  ]

  /// The province a name refers to, or `nil` (see the type's doc for what matches).
  public static func named(_ name: String) -> ChinaProvince? {
    let key = normalizedName(name)
    if let index = byName[key] { return all[index] }
    if let index = byName[strippingAffixes(key)] { return all[index] }
    return nil
  }

  /// Trimmed, Latin lower-cased, without spaces and the punctuation of romanized names.
  static func normalizedName(_ name: String) -> String {
    var kept = String.UnicodeScalarView()
    for scalar in name.unicodeScalars
    where !scalar.properties.isWhitespace && !ignored.contains(scalar) {
      kept.append(scalar)
    }
    return String(kept).lowercased()
  }

  private static let ignored: Set<Unicode.Scalar> = ["-", "_", ".", "'", "’", "·", "・", ","]

  /// Administrative suffixes, longest first so 壮族自治区 goes before 自治区.
  private static let suffixes: [String] = [
    "特别行政区", "特別行政區", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治區", "特区", "特區",
    "省", "市", "specialadministrativeregion", "uyghurautonomousregion", "uygurautonomousregion",
    "zhuangautonomousregion", "huiautonomousregion", "autonomousregion", "municipality",
    "province", "zizhiqu", "sheng", "city", "sar", "shi",
  ]
  private static let prefixes: [String] = ["中国", "中國", "china", "prc"]

  /// `key` without one leading 中国 / China and one administrative suffix.
  private static func strippingAffixes(_ key: String) -> String {
    var key = Substring(key)
    if let prefix = prefixes.first(where: { key.hasPrefix($0) && key.count > $0.count }) {
      key = key.dropFirst(prefix.count)
    }
    if let suffix = suffixes.first(where: { key.hasSuffix($0) && key.count > $0.count }) {
      key = key.dropLast(suffix.count)
    }
    return String(key)
  }

  /// Normalized name → index into ``all``.
  private static let byName: [String: Int] = {
    var table: [String: Int] = [:]
    for (index, province) in all.enumerated() {
      for name in [province.shortName, province.fullName, province.pinyin, province.englishName]
        + province.aliases
      {
        let key = normalizedName(name)
        precondition(table[key] == nil || table[key] == index, "province name \(name) is ambiguous")
        table[key] = index
      }
    }
    return table
  }()
}
