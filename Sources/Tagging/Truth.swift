/// The truth of a condition for one customer, in Kleene's three-valued
/// logic: a comparison with a missing value is `unknown`, `not unknown` is
/// `unknown`, and a tag is given only where its condition is `yes`.
///
/// | a       | b       | a and b | a or b  |
/// |---------|---------|---------|---------|
/// | yes     | unknown | unknown | yes     |
/// | no      | unknown | no      | unknown |
/// | unknown | unknown | unknown | unknown |
enum Truth: UInt8, Sendable {
  case no
  case yes
  case unknown

  init(_ value: Bool) { self = value ? .yes : .no }

  static prefix func ! (a: Truth) -> Truth {
    switch a {
    case .no: .yes
    case .yes: .no
    case .unknown: .unknown
    }
  }

  static func && (a: Truth, b: Truth) -> Truth {
    if a == .no || b == .no { return .no }
    return a == .yes && b == .yes ? .yes : .unknown
  }

  static func || (a: Truth, b: Truth) -> Truth {
    if a == .yes || b == .yes { return .yes }
    return a == .no && b == .no ? .no : .unknown
  }
}
