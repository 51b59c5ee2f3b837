/// A text column stored as integer codes into a list of distinct levels.
///
/// Levels are kept in order of first appearance, so the same file always
/// gives the same codes. A missing (empty) cell has code ``missing``.
public struct CategoricalColumn: Sendable, Equatable {
  /// The code of an empty cell.
  public static let missing: Int32 = -1

  /// One code per row: an index into ``levels`` or ``missing``.
  public var codes: [Int32]
  /// The distinct non-empty values, in order of first appearance.
  public var levels: [String]

  public init(codes: [Int32] = [], levels: [String] = []) {
    self.codes = codes
    self.levels = levels
  }

  /// The value of row `row`, or `nil` when the cell was empty.
  public func value(at row: Int) -> String? {
    let code = codes[row]
    return code == Self.missing ? nil : levels[Int(code)]
  }
}
