/// One output column: where its values come from and how they are written.
public struct ExportColumn: Sendable, Equatable {
  /// What to do with a picklist or tag value missing from ``allowed``.
  public enum InvalidValuePolicy: String, Sendable, Equatable, CaseIterable {
    /// Refuse the export (the default: CRMs add, default or drop unknown options silently).
    case refuse
    /// Leave the value out, list it in `<file_name>-rejects.csv` and go on: a
    /// picklist row is then not exported, an unknown tag is dropped from its list.
    case report
  }

  /// The input column: a header of features.csv, scores.csv, segments.csv or
  /// tags.csv, optionally qualified by its file (`scores.probability`).
  public var source: String
  /// The header written to the file: a CRM label or API name.
  public var header: String
  public var kind: ColumnKind
  /// Decimals of a ``ColumnKind/decimal`` column.
  public var scale: Int
  public var formulaGuard: FormulaGuardMode
  /// The values the CRM field accepts (after ``valueMap``); `nil` accepts any.
  public var allowed: [String]?
  public var onInvalid: InvalidValuePolicy
  /// Our value → the CRM's option value (HubSpot internal values, Chinese labels…).
  public var valueMap: [String: String]
  /// A probability written as a percentage (`87.31`) for CRM percent fields.
  public var asPercent: Bool

  public init(
    source: String, header: String, kind: ColumnKind, scale: Int = 4, formulaGuard: FormulaGuardMode? = nil,
    allowed: [String]? = nil, onInvalid: InvalidValuePolicy = .refuse, valueMap: [String: String] = [:],
    asPercent: Bool = false
  ) {
    self.source = source
    self.header = header
    self.kind = kind
    self.scale = scale
    self.formulaGuard = formulaGuard ?? kind.defaultFormulaGuard
    self.allowed = allowed
    self.onInvalid = onInvalid
    self.valueMap = valueMap
    self.asPercent = asPercent
  }
}
