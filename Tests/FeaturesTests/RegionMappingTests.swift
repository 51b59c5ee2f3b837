import DataIngest
import Features
import TestSupport
import Testing

@Suite struct RegionMappingTests {
  let china = RegionMapping.china

  @Test("all 34 provincial-level divisions, each in one of the seven regions")
  func table() {
    #expect(ChinaProvince.all.count == 34)
    #expect(Set(ChinaProvince.all.map(\.shortName)).count == 34)
    #expect(china.regions.map(\.name) == ["华东", "华南", "华北", "华中", "西南", "西北", "东北"])
    #expect(china.regions.map(\.provinces.count) == [8, 5, 5, 3, 5, 5, 3])
    for province in ChinaProvince.all {
      #expect(china.region(province: province.shortName) == province.region)
      #expect(china.region(province: province.fullName) == province.region)
      #expect(china.region(province: province.pinyin) == province.region)
      #expect(china.region(province: province.englishName) == province.region)
    }
  }

  @Test("short, full, pinyin and English names, any case, resolve to the short name")
  func names() {
    let cases: [(String, String)] = [
      ("广东", "广东"), ("广东省", "广东"), ("Guangdong", "广东"), ("GUANGDONG PROVINCE", "广东"),
      ("  guangdong sheng ", "广东"), ("内蒙古自治区", "内蒙古"), ("Inner Mongolia", "内蒙古"),
      ("Neimenggu", "内蒙古"), ("Inner Mongolia Autonomous Region", "内蒙古"),
      ("广西壮族自治区", "广西"), ("广西自治区", "广西"), ("新疆维吾尔自治区", "新疆"),
      ("Xinjiang Uygur Autonomous Region", "新疆"), ("宁夏回族自治区", "宁夏"), ("西藏自治区", "西藏"),
      ("Tibet", "西藏"), ("xizang", "西藏"), ("北京市", "北京"), ("Beijing Shi", "北京"),
      ("香港特别行政区", "香港"), ("Hong Kong SAR", "香港"), ("中国香港", "香港"), ("澳門", "澳门"),
      ("Macao", "澳门"), ("台湾省", "台湾"), ("Shanxi", "山西"), ("Shaanxi", "陕西"), ("陕西省", "陕西"),
    ]
    for (name, expected) in cases {
      #expect(RegionMapping.canonicalProvince(name) == expected, "\(name)")
    }
    #expect(RegionMapping.canonicalProvince("广冬") == nil)
    #expect(RegionMapping.canonicalProvince("") == nil)
    #expect(RegionMapping.canonicalProvince("省") == nil)
  }

  @Test("regions follow the common convention, with English names")
  func regions() {
    #expect(china.region(province: "江西") == "华东")
    #expect(china.region(province: "内蒙古") == "华北")
    #expect(china.region(province: "福建省") == "华东")
    #expect(china.region(province: "Hong Kong") == "华南")
    #expect(china.region(province: "黑龙江省") == "东北")
    #expect(china.region(province: "Atlantis") == nil)
    #expect(china.englishName(region: "华中") == "Central China")
    #expect(china.englishName(region: "西南") == "Southwest")
  }

  @Test("economic zones: 珠三角 only for its nine cities when the city is known")
  func zones() {
    #expect(china.economicZone(province: "浙江省", city: nil) == "长三角")
    #expect(china.economicZone(province: "Anhui", city: "合肥") == "长三角")
    #expect(china.economicZone(province: "广东", city: nil) == "珠三角")
    #expect(china.economicZone(province: "广东", city: "") == "珠三角")
    #expect(china.economicZone(province: "广东省", city: "深圳市") == "珠三角")
    #expect(china.economicZone(province: "Guangdong", city: "Dongguan City") == "珠三角")
    #expect(china.economicZone(province: "广东", city: "汕头") == nil)
    #expect(china.economicZone(province: "河北", city: "石家庄") == "京津冀")
    #expect(china.economicZone(province: "重庆", city: nil) == "成渝")
    #expect(china.economicZone(province: "香港", city: nil) == nil)
    #expect(china.economicZone(province: "湖南", city: "长沙") == nil)
    #expect(china.economicZone(province: "火星", city: nil) == nil)
  }

  @Test("a column is assigned per distinct value; unknown names are listed with their counts")
  func assignColumn() {
    // levels: 广东省, Zhejiang, 火星, 湖南, 广冬
    let provinces = CategoricalColumn(
      codes: [0, 1, 2, 0, -1, 3, 2, 0, 4, 2], levels: ["广东省", "Zhejiang", "火星", "湖南", "广冬"])
    let cities = CategoricalColumn(
      codes: [0, -1, -1, 1, -1, 2, -1, -1, -1, -1], levels: ["深圳", "汕头市", "长沙"])
    let result = china.assign(provinces: provinces, cities: cities)
    #expect(result.region == ["华南", "华东", nil, "华南", nil, "华中", nil, "华南", nil, nil])
    #expect(result.zone == ["珠三角", "长三角", nil, nil, nil, nil, nil, "珠三角", nil, nil])
    #expect(result.unknown.map(\.name) == ["火星", "广冬"])
    #expect(result.unknown.map(\.count) == [3, 1])

    let withoutCities = china.assign(provinces: provinces, cities: nil)
    #expect(withoutCities.zone[3] == "珠三角")  // no city column: the province decides
  }

  @Test("a YAML file replaces the regions and zones with the user's territories")
  func yamlOverride() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(
      "regions.yaml",
      """
      regions:
        华东一区: [上海, 江苏省]
        华东二区:
          - Zhejiang
          - 安徽
        华南区: [广东, 广西壮族自治区]
      zones:
        长三角: [上海, 江苏, 浙江, 安徽]
        大湾区:
          provinces: [广东]
          cities: [广州, 深圳]
      """)
    let mapping = try RegionMapping.load(path: path)
    #expect(mapping.regions.map(\.name) == ["华东一区", "华东二区", "华南区"])
    #expect(mapping.region(province: "浙江省") == "华东二区")
    #expect(mapping.region(province: "北京") == nil)
    #expect(mapping.englishName(region: "华南区") == nil)
    #expect(mapping.economicZone(province: "广东", city: "深圳市") == "大湾区")
    #expect(mapping.economicZone(province: "广东", city: "佛山") == nil)
    #expect(mapping.economicZone(province: "北京", city: nil) == nil)

    let provinces = CategoricalColumn(codes: [0, 1, 1], levels: ["上海", "北京"])
    let result = mapping.assign(provinces: provinces, cities: nil)
    #expect(result.region == ["华东一区", nil, nil])
    #expect(result.unknown.map(\.name) == ["北京"])  // a known province the file leaves out
  }

  @Test("broken region files are refused with line and column")
  func yamlErrors() {
    let folder = TemporaryDirectory()
    func error(_ yaml: String) -> FeatureError? {
      let path = folder.write("bad.yaml", yaml)
      do {
        _ = try RegionMapping.load(path: path)
        return nil
      } catch { return error }
    }
    func place(_ e: FeatureError?) -> [Int?] {
      guard case .invalidConfiguration(_, let line, let column, _)? = e else { return [] }
      return [line, column]
    }
    // Unknown province: line 3, column 12 (columns count Unicode scalars: "  华南: [广东, " is 11).
    let unknown = error("regions:\n  华东: [上海]\n  华南: [广东, 广冬]\n")
    #expect(place(unknown) == [3, 12])
    if case .invalidConfiguration(_, _, _, let message)? = unknown {
      #expect(message == "'广冬' in region 华南 is not a province-level division of China")
    }
    // YAML syntax: an unclosed flow sequence.
    let syntax = place(error("regions:\n  华东: [上海, 江苏\n  华南: [广东]\n"))
    #expect(syntax.count == 2 && syntax[0] != nil && syntax[1] != nil)
    // A province in two regions: the second mention.
    #expect(place(error("regions:\n  一区: [上海]\n  二区:\n    - 江苏\n    - 上海市\n")) == [5, 7])
    // Unknown section, and a missing regions section.
    #expect(place(error("regions:\n  一区: [上海]\nterritories:\n  x: [y]\n")) == [3, 1])
    #expect(place(error("zones:\n  长三角: [上海]\n")) == [1, 1])
    // A region that is not a list, an empty list.
    #expect(place(error("regions:\n  一区: 上海\n")) == [2, 7])
    #expect(place(error("regions:\n  一区: []\n")) == [2, 7])
    // Duplicated region name.
    #expect(!place(error("regions:\n  一区: [上海]\n  一区: [江苏]\n")).isEmpty)
    // The message names file, line and column.
    let description = FeatureError.invalidConfiguration(
      path: "r.yaml", line: 3, column: 12,
      message: "'广冬' in region 华南 is not a province-level division of China"
    ).description
    #expect(
      description == "r.yaml:3:12: '广冬' in region 华南 is not a province-level division of China.")
  }

  @Test("a missing file is reported, naming the path")
  func missingFile() {
    #expect(throws: FeatureError.self) { try RegionMapping.load(path: "/nonexistent/regions.yaml") }
  }
}
