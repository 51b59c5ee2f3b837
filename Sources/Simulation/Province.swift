/// A province of mainland China as the simulation places customers:
/// weighted by population, with a few real cities and a regional shift in
/// the churn hazard.
public struct Province: Sendable, Equatable {
  /// The name as CRM exports write it (`广东`, `北京`).
  public var name: String
  /// Population in millions (2020 census, rounded): the weight of the
  /// province among new customers.
  public var populationMillions: Double
  /// Real cities of the province; the first (the capital or largest city)
  /// draws half of the province's customers, the rest share the other half.
  public var cities: [String]
  /// Added to the log churn hazard: negative where service and logistics are
  /// good (the big coastal economies), positive in the remote west.
  public var hazardEffect: Double

  public init(name: String, populationMillions: Double, cities: [String], hazardEffect: Double) {
    self.name = name
    self.populationMillions = populationMillions
    self.cities = cities
    self.hazardEffect = hazardEffect
  }

  /// The 31 provincial-level divisions, largest first.
  public static let builtIn: [Province] = [
    Province(name: "广东", populationMillions: 126, cities: ["广州", "深圳", "东莞", "佛山"], hazardEffect: -0.15),
    Province(name: "山东", populationMillions: 102, cities: ["济南", "青岛", "烟台"], hazardEffect: 0),
    Province(name: "河南", populationMillions: 99, cities: ["郑州", "洛阳", "南阳"], hazardEffect: 0),
    Province(name: "江苏", populationMillions: 85, cities: ["南京", "苏州", "无锡"], hazardEffect: -0.15),
    Province(name: "四川", populationMillions: 84, cities: ["成都", "绵阳", "宜宾"], hazardEffect: 0),
    Province(name: "河北", populationMillions: 75, cities: ["石家庄", "唐山", "保定"], hazardEffect: 0),
    Province(name: "湖南", populationMillions: 66, cities: ["长沙", "株洲", "岳阳"], hazardEffect: 0),
    Province(name: "浙江", populationMillions: 65, cities: ["杭州", "宁波", "温州"], hazardEffect: -0.15),
    Province(name: "安徽", populationMillions: 61, cities: ["合肥", "芜湖", "阜阳"], hazardEffect: 0),
    Province(name: "湖北", populationMillions: 58, cities: ["武汉", "宜昌", "襄阳"], hazardEffect: 0),
    Province(name: "广西", populationMillions: 50, cities: ["南宁", "柳州", "桂林"], hazardEffect: 0.05),
    Province(name: "云南", populationMillions: 47, cities: ["昆明", "曲靖", "大理"], hazardEffect: 0.20),
    Province(name: "江西", populationMillions: 45, cities: ["南昌", "赣州", "九江"], hazardEffect: 0),
    Province(name: "辽宁", populationMillions: 43, cities: ["沈阳", "大连", "鞍山"], hazardEffect: 0.05),
    Province(name: "福建", populationMillions: 41, cities: ["福州", "厦门", "泉州"], hazardEffect: -0.05),
    Province(name: "陕西", populationMillions: 40, cities: ["西安", "宝鸡", "咸阳"], hazardEffect: 0.05),
    Province(name: "贵州", populationMillions: 39, cities: ["贵阳", "遵义"], hazardEffect: 0.20),
    Province(name: "山西", populationMillions: 35, cities: ["太原", "大同"], hazardEffect: 0.05),
    Province(name: "重庆", populationMillions: 32, cities: ["重庆"], hazardEffect: 0),
    Province(name: "黑龙江", populationMillions: 32, cities: ["哈尔滨", "大庆", "齐齐哈尔"], hazardEffect: 0.10),
    Province(name: "新疆", populationMillions: 26, cities: ["乌鲁木齐", "喀什"], hazardEffect: 0.25),
    Province(name: "甘肃", populationMillions: 25, cities: ["兰州", "天水"], hazardEffect: 0.20),
    Province(name: "上海", populationMillions: 25, cities: ["上海"], hazardEffect: -0.20),
    Province(name: "内蒙古", populationMillions: 24, cities: ["呼和浩特", "包头"], hazardEffect: 0.10),
    Province(name: "吉林", populationMillions: 24, cities: ["长春", "吉林"], hazardEffect: 0.10),
    Province(name: "北京", populationMillions: 22, cities: ["北京"], hazardEffect: -0.20),
    Province(name: "天津", populationMillions: 14, cities: ["天津"], hazardEffect: -0.05),
    Province(name: "海南", populationMillions: 10, cities: ["海口", "三亚"], hazardEffect: 0.05),
    Province(name: "宁夏", populationMillions: 7, cities: ["银川"], hazardEffect: 0.20),
    Province(name: "青海", populationMillions: 6, cities: ["西宁"], hazardEffect: 0.25),
    Province(name: "西藏", populationMillions: 4, cities: ["拉萨"], hazardEffect: 0.30),
  ]
}
