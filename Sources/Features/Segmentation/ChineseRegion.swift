import Foundation

/// The seven geographic regions of mainland China (华东, 华北 …) and
/// Hong Kong, Macao and Taiwan, by province: profiles say "63% in 华东"
/// rather than list 31 provinces.
public enum ChineseRegion {
  /// The region of a province, in Chinese and English; `nil` for a name it
  /// does not know. Accepts short (`广东`) and full (`广东省`, `广西壮族自治区`) names.
  public static func region(ofProvince province: String) -> (zh: String, en: String)? {
    let name = province.trimmingBlanks
    for (prefix, region) in table where name.hasPrefix(prefix) {
      return region
    }
    return nil
  }

  private static let east = (zh: "华东", en: "East China")
  private static let north = (zh: "华北", en: "North China")
  private static let central = (zh: "华中", en: "Central China")
  private static let south = (zh: "华南", en: "South China")
  private static let southwest = (zh: "西南", en: "Southwest China")
  private static let northwest = (zh: "西北", en: "Northwest China")
  private static let northeast = (zh: "东北", en: "Northeast China")
  private static let sar = (zh: "港澳台", en: "Hong Kong, Macao and Taiwan")

  // Prefixes are unique among province names, so the first match is the province.
  private static let table: [(String, (zh: String, en: String))] = [
    ("上海", east), ("江苏", east), ("浙江", east), ("安徽", east), ("福建", east), ("江西", east), ("山东", east),
    ("北京", north), ("天津", north), ("河北", north), ("山西", north), ("内蒙古", north),
    ("河南", central), ("湖北", central), ("湖南", central),
    ("广东", south), ("广西", south), ("海南", south),
    ("重庆", southwest), ("四川", southwest), ("贵州", southwest), ("云南", southwest), ("西藏", southwest),
    ("陕西", northwest), ("甘肃", northwest), ("青海", northwest), ("宁夏", northwest), ("新疆", northwest),
    ("辽宁", northeast), ("吉林", northeast), ("黑龙江", northeast),
    ("香港", sar), ("澳门", sar), ("台湾", sar),
  ]
}
