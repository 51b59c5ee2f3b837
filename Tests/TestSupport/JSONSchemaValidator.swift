import Foundation

/// Checks JSON documents against a JSON Schema (draft 4), for the keywords
/// nbformat's notebook schemas use: `$ref` (within the schema), `type`,
/// `enum`, `not`, `oneOf`, `properties`, `patternProperties`,
/// `additionalProperties`, `required`, `items`, `uniqueItems`, `minLength`,
/// `maxLength`, `pattern`, `minimum` and `maximum`. Annotations
/// (`description`, `title`, `format`, `definitions`, `$schema`) are ignored.
/// Any other keyword is reported as a problem, so a schema that needs more
/// than this validator knows never passes by accident.
///
/// ```swift
/// let validator = JSONSchemaValidator(schema: try JSONTestValue.parse(schemaText))
/// #expect(validator.problems(in: try JSONTestValue.parse(notebookText)) == [])
/// ```
public struct JSONSchemaValidator: Sendable {
  public let schema: JSONTestValue

  public init(schema: JSONTestValue) {
    self.schema = schema
  }

  /// Every place the document breaks the schema, as `path: problem`; empty when it is valid.
  public func problems(in document: JSONTestValue) -> [String] {
    check(document, against: schema, at: "$")
  }

  private static let annotations: Set<String> = ["description", "title", "format", "definitions", "$schema", "default"]

  private func check(_ value: JSONTestValue, against schema: JSONTestValue, at path: String) -> [String] {
    guard let keywords = schema.members else { return ["\(path): the schema is not an object"] }
    if let reference = schema["$ref"] {
      // Draft 4: a $ref replaces the schema it appears in.
      guard let target = reference.string.flatMap(resolve) else { return ["\(path): cannot resolve \(reference)"] }
      return check(value, against: target, at: path)
    }
    var problems: [String] = []
    for (keyword, argument) in keywords {
      switch keyword {
      case "type":
        let types = argument.array?.compactMap(\.string) ?? argument.string.map { [$0] } ?? []
        if !types.contains(where: { Self.value(value, hasType: $0) }) {
          problems.append("\(path): expected \(types.joined(separator: " or ")), found \(Self.typeName(value))")
        }
      case "enum":
        if !(argument.array ?? []).contains(value) { problems.append("\(path): \(Self.short(value)) is not one of \(Self.short(argument))") }
      case "not":
        if check(value, against: argument, at: path).isEmpty { problems.append("\(path): matches a schema it must not match") }
      case "oneOf":
        let matching = (argument.array ?? []).filter { check(value, against: $0, at: path).isEmpty }.count
        if matching != 1 {
          var message = "\(path): matches \(matching) of the oneOf schemas instead of exactly one"
          if matching == 0 {
            // The alternative with the fewest problems is the one the document most likely meant.
            let closest = (argument.array ?? []).map { check(value, against: $0, at: path) }.min { $0.count < $1.count } ?? []
            message += " (closest: " + closest.joined(separator: "; ") + ")"
          }
          problems.append(message)
        }
      case "properties", "patternProperties", "additionalProperties":
        break  // checked together below
      case "required":
        if let members = value.members {
          for name in argument.array?.compactMap(\.string) ?? [] where !members.contains(where: { $0.key == name }) {
            problems.append("\(path): the required key \"\(name)\" is missing")
          }
        }
      case "items":
        for (index, item) in (value.array ?? []).enumerated() { problems += check(item, against: argument, at: "\(path)[\(index)]") }
      case "uniqueItems":
        if case .bool(true) = argument, let items = value.array {
          for (index, item) in items.enumerated() where items[..<index].contains(item) {
            problems.append("\(path)[\(index)]: repeats an earlier item")
          }
        }
      case "minLength", "maxLength":
        if let text = value.string, case .number(let limit, _) = argument {
          let length = Double(text.unicodeScalars.count)
          if keyword == "minLength" ? length < limit : length > limit {
            problems.append("\(path): length \(Int(length)) breaks \(keyword) \(Int(limit))")
          }
        }
      case "pattern":
        if let text = value.string, let pattern = argument.string, !Self.matches(text, pattern) {
          problems.append("\(path): \(Self.short(value)) does not match \(pattern)")
        }
      case "minimum", "maximum":
        if case .number(let number, _) = value, case .number(let limit, _) = argument,
          keyword == "minimum" ? number < limit : number > limit
        {
          problems.append("\(path): \(number) breaks \(keyword) \(limit)")
        }
      case _ where Self.annotations.contains(keyword):
        break
      default:
        problems.append("\(path): the validator does not know the schema keyword \"\(keyword)\"")
      }
    }
    if let members = value.members { problems += checkMembers(members, against: schema, at: path) }
    return problems
  }

  /// `properties`, `patternProperties` and `additionalProperties`: each member
  /// is checked against every schema whose name or pattern it matches, and
  /// against `additionalProperties` when it matches none.
  private func checkMembers(_ members: [(key: String, value: JSONTestValue)], against schema: JSONTestValue, at path: String) -> [String] {
    let properties = schema["properties"]?.members ?? []
    let patterns = schema["patternProperties"]?.members ?? []
    let additional = schema["additionalProperties"]
    guard !properties.isEmpty || !patterns.isEmpty || additional != nil else { return [] }
    var problems: [String] = []
    for (key, value) in members {
      let memberPath = "\(path).\(key)"
      var matched = false
      if let property = properties.first(where: { $0.key == key }) {
        matched = true
        problems += check(value, against: property.value, at: memberPath)
      }
      for (pattern, subschema) in patterns where Self.matches(key, pattern) {
        matched = true
        problems += check(value, against: subschema, at: memberPath)
      }
      guard !matched, let additional else { continue }
      if case .bool(let allowed) = additional {
        if !allowed { problems.append("\(memberPath): the key is not allowed here") }
      } else {
        problems += check(value, against: additional, at: memberPath)
      }
    }
    return problems
  }

  /// A JSON pointer within the schema: `#/definitions/misc/source`.
  private func resolve(_ reference: String) -> JSONTestValue? {
    guard reference.hasPrefix("#") else { return nil }
    var target = schema
    for token in reference.dropFirst().split(separator: "/") {
      let name = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
      guard let next = target[name] else { return nil }
      target = next
    }
    return target
  }

  private static func value(_ value: JSONTestValue, hasType type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object):
      true
    case ("integer", .number(let number, _)): number == number.rounded()
    default: false
    }
  }

  private static func typeName(_ value: JSONTestValue) -> String {
    switch value {
    case .null: "null"
    case .bool: "boolean"
    case .number(_, let isInteger): isInteger ? "integer" : "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// ECMA-262 patterns are not anchored: a match anywhere counts.
  private static func matches(_ text: String, _ pattern: String) -> Bool {
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
    return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  private static func short(_ value: JSONTestValue) -> String {
    let text = "\(value)"
    return text.count > 80 ? text.prefix(80) + "…" : text
  }
}
