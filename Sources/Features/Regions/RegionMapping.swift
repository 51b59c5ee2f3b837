/// Which sales region and economic zone a customer's province (and city)
/// belongs to: the seven major regions of China by default, or the user's own
/// territories read from YAML (``load(path:)``).
///
/// Built-in regions (七大地理分区), in the most common convention:
///
/// ```
/// 华东 East China     上海 江苏 浙江 安徽 福建 江西 山东 台湾
/// 华南 South China    广东 广西 海南 香港 澳门
/// 华北 North China    北京 天津 河北 山西 内蒙古
/// 华中 Central China  河南 湖北 湖南
/// 西南 Southwest      重庆 四川 贵州 云南 西藏
/// 西北 Northwest      陕西 甘肃 青海 宁夏 新疆
/// 东北 Northeast      辽宁 吉林 黑龙江
/// ```
///
/// Where conventions differ (checked against several Chinese reference
/// lists of the seven regions): 内蒙古 is placed whole in 华北, though its
/// five eastern leagues/cities (呼伦贝尔, 通辽, 赤峰, 兴安盟, 锡林郭勒盟) are
/// often counted in 东北 and its far west in 西北; 江西 is in 华东 (it belonged
/// to the 1950s 中南 region, and "中部六省" puts it with 华中 — an economic,
/// not a geographic, grouping); 福建 is in 华东, not 华南; 山东 in 华东, not
/// 华北; 广西 in 华南 (the 西部大开发 policy counts it as western). Analysts
/// whose company draws the lines differently load their own YAML.
///
/// Built-in economic zones:
///
/// ```
/// 长三角 Yangtze River Delta   上海 江苏 浙江 安徽        (长江三角洲区域一体化发展规划纲要, 2019)
/// 珠三角 Pearl River Delta     广东, and when the city is known only
///                              广州 深圳 珠海 佛山 惠州 东莞 中山 江门 肇庆
///                                                         (珠江三角洲地区改革发展规划纲要, 2008)
/// 京津冀 Beijing-Tianjin-Hebei 北京 天津 河北             (京津冀协同发展规划纲要, 2015)
/// 成渝 Chengdu-Chongqing       重庆 四川                  (成渝地区双城经济圈建设规划纲要, 2021)
/// ```
///
/// Zones are kept at province level (the plans name parts of 四川 and 重庆,
/// and all of 安徽 since 2019); only 珠三角 has a city list, because half of
/// 广东's cities lie outside it. 香港 and 澳门 are not in 珠三角 (they are in
/// the wider 粤港澳大湾区 / Greater Bay Area).
public struct RegionMapping: Sendable, Equatable {
  /// A named group of provinces.
  public struct Region: Sendable, Equatable {
    public let name: String
    /// English name for reports, when known (built-in regions).
    public let englishName: String?
    /// Canonical short province names (``ChinaProvince/shortName``).
    public let provinces: [String]

    public init(name: String, englishName: String? = nil, provinces: [String]) {
      self.name = name
      self.englishName = englishName
      self.provinces = provinces
    }
  }

  /// An economic zone: provinces, optionally narrowed to some of their cities.
  public struct Zone: Sendable, Equatable {
    public let name: String
    public let englishName: String?
    /// Canonical short province names.
    public let provinces: [String]
    /// When not `nil`, a customer whose city is known counts only if the city
    /// is one of these (names compared without 市 / city, case-insensitive);
    /// a customer without a city counts by province.
    public let cities: [String]?

    public init(
      name: String, englishName: String? = nil, provinces: [String], cities: [String]? = nil
    ) {
      self.name = name
      self.englishName = englishName
      self.provinces = provinces
      self.cities = cities
    }
  }

  /// Regions in order; a province is in at most one.
  public let regions: [Region]
  /// Zones in order; the first zone that matches wins.
  public let zones: [Zone]

  /// Canonical province → index into ``regions``.
  private let regionOfProvince: [String: Int]
  /// Canonical province → indexes into ``zones``, in order.
  private let zonesOfProvince: [String: [Int]]
  /// Per zone, its normalized city names (`nil` = whole provinces).
  private let zoneCities: [Set<String>?]

  /// A mapping from regions and zones over canonical short province names.
  ///
  /// - Throws: ``FeatureError/invalidParameter(name:value:reason:)`` when a
  ///   name is not one of the 34 provinces or a province is in two regions.
  public init(regions: [Region], zones: [Zone] = []) throws(FeatureError) {
    var regionOfProvince: [String: Int] = [:]
    for (index, region) in regions.enumerated() {
      for province in region.provinces {
        guard let canonical = ChinaProvince.named(province)?.shortName else {
          throw .invalidParameter(
            name: "province of region \(region.name)", value: province,
            reason: "it is not a province-level division of China")
        }
        if let other = regionOfProvince[canonical], other != index {
          throw .invalidParameter(
            name: "province of region \(region.name)", value: province,
            reason: "it is already in region \(regions[other].name)")
        }
        regionOfProvince[canonical] = index
      }
    }
    var zonesOfProvince: [String: [Int]] = [:]
    for (index, zone) in zones.enumerated() {
      for province in zone.provinces {
        guard let canonical = ChinaProvince.named(province)?.shortName else {
          throw .invalidParameter(
            name: "province of zone \(zone.name)", value: province,
            reason: "it is not a province-level division of China")
        }
        if zonesOfProvince[canonical]?.last != index {
          zonesOfProvince[canonical, default: []].append(index)
        }
      }
    }
    self.regions = regions
    self.zones = zones
    self.regionOfProvince = regionOfProvince
    self.zonesOfProvince = zonesOfProvince
    self.zoneCities = zones.map { zone in zone.cities.map { Set($0.map(Self.normalizedCity)) } }
  }

  /// The seven major regions and four economic zones described above.
  public static let china: RegionMapping = {
    let english = [
      "华东": "East China", "华南": "South China", "华北": "North China", "华中": "Central China",
      "西南": "Southwest", "西北": "Northwest", "东北": "Northeast",
    ]
    let regions = ["华东", "华南", "华北", "华中", "西南", "西北", "东北"].map { name in
      Region(
        name: name, englishName: english[name],
        provinces: ChinaProvince.all.filter { $0.region == name }.map(\.shortName))
    }
    let zones = [
      Zone(name: "长三角", englishName: "Yangtze River Delta", provinces: ["上海", "江苏", "浙江", "安徽"]),
      Zone(
        name: "珠三角", englishName: "Pearl River Delta", provinces: ["广东"],
        cities: [
          "广州", "深圳", "珠海", "佛山", "惠州", "东莞", "中山", "江门", "肇庆",
          "Guangzhou", "Shenzhen", "Zhuhai", "Foshan", "Huizhou", "Dongguan", "Zhongshan",
          "Jiangmen", "Zhaoqing", "Canton",
        ]),
      Zone(name: "京津冀", englishName: "Beijing-Tianjin-Hebei", provinces: ["北京", "天津", "河北"]),
      Zone(name: "成渝", englishName: "Chengdu-Chongqing", provinces: ["重庆", "四川"]),
    ]
    return try! RegionMapping(regions: regions, zones: zones)
  }()

  /// The canonical short name of a province (广东 for 广东省, Guangdong, GUANGDONG
  /// PROVINCE), or `nil` when the name is not one of the 34.
  public static func canonicalProvince(_ name: String) -> String? {
    ChinaProvince.named(name)?.shortName
  }

  /// The region of a province given by any of its names, or `nil` when the
  /// name is unknown or the province is in no region.
  public func region(province: String) -> String? {
    regionIndex(province: province).map { regions[$0].name }
  }

  /// The English name of a region (East China for 华东), when known.
  public func englishName(region name: String) -> String? {
    regions.first { $0.name == name }?.englishName
  }

  /// The economic zone of a customer, or `nil`: the first zone listing the
  /// province whose city list (if any) holds the city; without a city, the
  /// province decides.
  public func economicZone(province: String, city: String?) -> String? {
    guard let canonical = Self.canonicalProvince(province) else { return nil }
    let cityKey = city.map(Self.normalizedCity).flatMap { $0.isEmpty ? nil : $0 }
    for index in zonesOfProvince[canonical] ?? [] {
      guard let cities = zoneCities[index], let cityKey else { return zones[index].name }
      if cities.contains(cityKey) { return zones[index].name }
    }
    return nil
  }

  func regionIndex(province: String) -> Int? {
    Self.canonicalProvince(province).flatMap { regionOfProvince[$0] }
  }

  func zoneIndexes(canonicalProvince: String) -> [Int] { zonesOfProvince[canonicalProvince] ?? [] }

  func zoneCitySet(_ zone: Int) -> Set<String>? { zoneCities[zone] }

  /// A city name without 市 / city / shi, lower-cased, no spaces.
  static func normalizedCity(_ name: String) -> String {
    var key = ChinaProvince.normalizedName(name)
    for suffix in ["市", "city", "shi"] where key.hasSuffix(suffix) && key.count > suffix.count {
      key.removeLast(suffix.count)
      break
    }
    return key
  }

  public static func == (lhs: RegionMapping, rhs: RegionMapping) -> Bool {
    lhs.regions == rhs.regions && lhs.zones == rhs.zones
  }
}
