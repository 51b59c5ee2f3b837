import Foundation
import Yams

extension RegionMapping {
  /// Reads the user's own territories from a YAML file.
  ///
  /// ```yaml
  /// regions:                 # required: region → provinces (any of their names)
  ///   华东一区: [上海, 江苏]
  ///   华东二区: [浙江, 安徽]
  ///   华南区:
  ///     - 广东省
  ///     - Guangxi
  /// zones:                   # optional: zone → provinces, or provinces and cities
  ///   长三角: [上海, 江苏, 浙江, 安徽]
  ///   珠三角:
  ///     provinces: [广东]
  ///     cities: [广州, 深圳, 佛山, 东莞]
  /// ```
  ///
  /// Provinces the file leaves out get no region (and are listed as unknown
  /// by ``assign(provinces:cities:)``). Without a `zones` section there are
  /// no zones.
  ///
  /// - Throws: ``FeatureError/invalidConfiguration(path:line:column:message:)``
  ///   with the line and column of the problem: YAML syntax, an unknown
  ///   section, a province that is not one of the 34, a province in two
  ///   regions, an empty list, a duplicated key, an unreadable file.
  public static func load(path: String) throws(FeatureError) -> RegionMapping {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw .invalidConfiguration(
        path: path, line: nil, column: nil,
        message: "cannot read the region file (\(error.localizedDescription))")
    }
    return try parse(yaml: text, path: path)
  }

  /// Reads territories from YAML text; `path` is used in messages.
  public static func parse(yaml: String, path: String) throws(FeatureError) -> RegionMapping {
    let root: Node?
    do { root = try Yams.compose(yaml: yaml) } catch let error as YamlError {
      throw configurationError(from: error, path: path)
    } catch {
      throw .invalidConfiguration(path: path, line: nil, column: nil, message: "\(error)")
    }
    func fail(_ node: Node?, _ message: String) -> FeatureError {
      .invalidConfiguration(
        path: path, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }
    guard let root, let sections = root.mapping else {
      throw fail(root, "expected a 'regions:' section of region names and their provinces")
    }
    var regionsNode: Node?, zonesNode: Node?
    for (key, value) in sections {
      switch key.string {
      case "regions": regionsNode = value
      case "zones": zonesNode = value
      default: throw fail(key, "unknown section '\(key.string ?? "?")'; expected regions or zones")
      }
    }
    guard let regionsNode else { throw fail(root, "the 'regions:' section is missing") }
    guard let regionPairs = regionsNode.mapping else {
      throw fail(regionsNode, "expected 'region name: [provinces]' pairs under regions")
    }

    var regions: [Region] = []
    var regionOfProvince: [String: String] = [:]
    for (key, value) in regionPairs {
      guard let name = key.string, !name.isEmpty else { throw fail(key, "expected a region name") }
      let provinces = try provinceList(value, owner: "region \(name)", fail: fail)
      for (province, node) in provinces {
        if let other = regionOfProvince[province], other != name {
          throw fail(node, "'\(node.string ?? province)' is already in region \(other)")
        }
        regionOfProvince[province] = name
      }
      regions.append(Region(name: name, provinces: provinces.map(\.0)))
    }

    var zones: [Zone] = []
    if let zonesNode {
      guard let zonePairs = zonesNode.mapping else {
        throw fail(zonesNode, "expected 'zone name: [provinces]' pairs under zones")
      }
      for (key, value) in zonePairs {
        guard let name = key.string, !name.isEmpty else { throw fail(key, "expected a zone name") }
        if value.sequence != nil {
          let provinces = try provinceList(value, owner: "zone \(name)", fail: fail)
          zones.append(Zone(name: name, provinces: provinces.map(\.0)))
          continue
        }
        guard let parts = value.mapping else {
          throw fail(
            value, "expected a list of provinces, or provinces: and cities:, for zone \(name)")
        }
        var provinces: [(String, Node)]?, cities: [String]?
        for (part, list) in parts {
          switch part.string {
          case "provinces": provinces = try provinceList(list, owner: "zone \(name)", fail: fail)
          case "cities": cities = try nameList(list, owner: "zone \(name)", fail: fail).map(\.0)
          default:
            throw fail(
              part,
              "unknown key '\(part.string ?? "?")' in zone \(name); expected provinces or cities")
          }
        }
        guard let provinces else { throw fail(value, "zone \(name) has no 'provinces:' list") }
        zones.append(Zone(name: name, provinces: provinces.map(\.0), cities: cities))
      }
    }
    do { return try RegionMapping(regions: regions, zones: zones) } catch {
      // Unreachable: every name was checked above, with its position.
      throw fail(root, error.description)
    }
  }

  /// A non-empty sequence of scalar names, each with its node.
  private static func nameList(
    _ node: Node, owner: String, fail: (Node?, String) -> FeatureError
  ) throws(FeatureError) -> [(String, Node)] {
    guard let items = node.sequence else {
      throw fail(node, "expected a list of names for \(owner)")
    }
    guard !items.isEmpty else { throw fail(node, "\(owner) lists no name") }
    var names: [(String, Node)] = []
    for item in items {
      guard let text = item.string, !text.isEmpty else {
        throw fail(item, "expected a name in the list of \(owner)")
      }
      names.append((text, item))
    }
    return names
  }

  /// ``nameList(_:owner:fail:)`` with each name turned into its canonical province.
  private static func provinceList(
    _ node: Node, owner: String, fail: (Node?, String) -> FeatureError
  ) throws(FeatureError) -> [(String, Node)] {
    var provinces: [(String, Node)] = []
    for (text, item) in try nameList(node, owner: owner, fail: fail) {
      guard let canonical = canonicalProvince(text) else {
        throw fail(item, "'\(text)' in \(owner) is not a province-level division of China")
      }
      provinces.append((canonical, item))
    }
    return provinces
  }

  private static func configurationError(from error: YamlError, path: String) -> FeatureError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return .invalidConfiguration(
        path: path, line: mark.line, column: mark.column, message: problem)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .invalidConfiguration(
        path: path, line: context.mark.line, column: context.mark.column,
        message: "duplicated key \(duplicates.joined(separator: ", "))")
    default:
      return .invalidConfiguration(path: path, line: nil, column: nil, message: "\(error)")
    }
  }
}
