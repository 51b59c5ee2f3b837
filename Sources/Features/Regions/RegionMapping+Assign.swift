import DataIngest

extension RegionMapping {
  /// Region and economic zone for every row of a province column (and an
  /// optional city column), plus the province names that got no region.
  ///
  /// Names are resolved once per distinct value (level) of each column, not
  /// per row, so a million rows cost a few array look-ups each.
  ///
  /// - Parameters:
  ///   - provinces: the province of each row (empty cells give `nil`, and are not "unknown").
  ///   - cities: the city of each row, same count, used for zones with a city list.
  /// - Returns: `region` and `zone` per row, and `unknown`: each non-empty
  ///   province value that got no region — not one of the 34 names, or a
  ///   province the mapping leaves out — with its number of rows, most rows
  ///   first (ties by name).
  /// - Precondition: `cities`, when given, has one code per province row.
  public func assign(provinces: CategoricalColumn, cities: CategoricalColumn?) -> (
    region: [String?], zone: [String?], unknown: [(name: String, count: Int)]
  ) {
    let rows = provinces.codes.count
    precondition(cities == nil || cities!.codes.count == rows, "one city per province row")

    // Per province level: region index (-1 none) and candidate zones.
    let canonical = provinces.levels.map(Self.canonicalProvince)
    let regionOfLevel = canonical.map { name in name.flatMap { regionIndex(province: $0) } ?? -1 }
    let zonesOfLevel = canonical.map { name in name.map { zoneIndexes(canonicalProvince: $0) } ?? []
    }
    // Per zone with a city list and per city level: is the city in the zone?
    let cityKeys = cities?.levels.map(Self.normalizedCity)
    let cityInZone: [[Bool]?] = zones.indices.map { zone in
      guard let set = zoneCitySet(zone), let cityKeys else { return nil }
      return cityKeys.map(set.contains)
    }
    // A level's zone when no city decides it; levels with a city-listed zone
    // in their candidates are resolved per row below.
    var fixedZone = [Int](repeating: -1, count: provinces.levels.count)
    var needsCity = [Bool](repeating: false, count: provinces.levels.count)
    for (level, candidates) in zonesOfLevel.enumerated() {
      for zone in candidates {
        if cityInZone[zone] != nil { needsCity[level] = true; break }
        fixedZone[level] = zone
        break
      }
    }

    let regionNames = regions.map { Optional($0.name) }
    let zoneNames = zones.map { Optional($0.name) }
    var region = [String?](repeating: nil, count: rows)
    var zone = [String?](repeating: nil, count: rows)
    var rowsOfLevel = [Int](repeating: 0, count: provinces.levels.count)
    for row in 0..<rows {
      let code = provinces.codes[row]
      guard code != CategoricalColumn.missing else { continue }
      let level = Int(code)
      rowsOfLevel[level] += 1
      let r = regionOfLevel[level]
      if r >= 0 { region[row] = regionNames[r] }
      if needsCity[level] {
        let cityCode = cities!.codes[row]
        for candidate in zonesOfLevel[level] {
          guard let inZone = cityInZone[candidate], cityCode != CategoricalColumn.missing,
            !cityKeys![Int(cityCode)].isEmpty
          else {
            zone[row] = zoneNames[candidate]
            break
          }
          if inZone[Int(cityCode)] {
            zone[row] = zoneNames[candidate]
            break
          }
        }
      } else if fixedZone[level] >= 0 {
        zone[row] = zoneNames[fixedZone[level]]
      }
    }

    var unknown: [(name: String, count: Int)] = []
    for (level, name) in provinces.levels.enumerated()
    where regionOfLevel[level] < 0 && rowsOfLevel[level] > 0 {
      unknown.append((name, rowsOfLevel[level]))
    }
    unknown.sort { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    return (region, zone, unknown)
  }
}
