/// An output column as the config describes it; unset fields take the
/// defaults of the known field (``ScoreField``) and of the profile.
public struct ColumnSpec: Sendable, Equatable {
  public var source: String
  public var header: String?
  public var kind: ColumnKind?
  public var scale: Int?
  public var formulaGuard: FormulaGuardMode?
  public var allowed: [String]?
  public var onInvalid: ExportColumn.InvalidValuePolicy?
  public var valueMap: [String: String]
  public var asPercent: Bool?

  public init(
    source: String, header: String? = nil, kind: ColumnKind? = nil, scale: Int? = nil,
    formulaGuard: FormulaGuardMode? = nil, allowed: [String]? = nil, onInvalid: ExportColumn.InvalidValuePolicy? = nil,
    valueMap: [String: String] = [:], asPercent: Bool? = nil
  ) {
    self.source = source
    self.header = header
    self.kind = kind
    self.scale = scale
    self.formulaGuard = formulaGuard
    self.allowed = allowed
    self.onInvalid = onInvalid
    self.valueMap = valueMap
    self.asPercent = asPercent
  }

  /// The column with every gap filled: from the known field named by
  /// ``source`` (its kind and header in the profile's style), then from `settings`.
  func resolved(_ settings: ExportSettings) -> ExportColumn {
    let field = ScoreField.named(source.split(separator: ".").last.map(String.init) ?? source)
    let kind = kind ?? field?.kind ?? .text
    let percent = asPercent ?? (field?.source == "probability" && settings.probabilityAsPercent)
    // A percentage keeps the digits of the probability: 0.8731 → 87.31.
    let defaultScale = percent ? max(0, settings.decimalScale - 2) : settings.decimalScale
    return ExportColumn(
      source: source, header: header ?? field?.header(settings.headerStyle) ?? source, kind: kind,
      scale: scale ?? defaultScale, formulaGuard: formulaGuard, allowed: allowed,
      onInvalid: onInvalid ?? .refuse, valueMap: valueMap, asPercent: percent)
  }
}
