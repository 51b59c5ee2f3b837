import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An XML document read into a tree, for checking SVG output: elements with
/// their attributes, children and text.
public final class XMLTree: @unchecked Sendable {
  public let name: String
  public let attributes: [String: String]
  public fileprivate(set) var children: [XMLTree] = []
  public fileprivate(set) var text = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// Parses `text`; `nil` when it is not well-formed XML.
  public static func parse(_ text: String) -> XMLTree? {
    let parser = XMLParser(data: Data(text.utf8))
    let builder = TreeBuilder()
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else { return nil }
    return root
  }

  /// This element and all below it, in document order.
  public var descendants: [XMLTree] { [self] + children.flatMap(\.descendants) }

  /// The elements below named `name` whose `class` is `className` (any class when `nil`).
  public func all(_ name: String, class className: String? = nil) -> [XMLTree] {
    descendants.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
  }

  /// A numeric attribute.
  public func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }

  /// The `points` of a polyline or polygon.
  public var points: [(x: Double, y: Double)] {
    (attributes["points"] ?? "").split(separator: " ").compactMap { pair in
      let xy = pair.split(separator: ",").compactMap { Double($0) }
      return xy.count == 2 ? (xy[0], xy[1]) : nil
    }
  }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
  var root: XMLTree?
  var stack: [XMLTree] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    let element = XMLTree(name: elementName, attributes: attributes)
    if let parent = stack.last { parent.children.append(element) } else { root = element }
    stack.append(element)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    stack.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    stack.last?.text += string
  }
}
