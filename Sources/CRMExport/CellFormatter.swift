import Foundation
import Reports

/// Turns input values into the cells of an export file, by column kind
/// (spec §8.1): numbers fixed-point, dates and booleans in the profile's
/// spelling, controlled values checked, text normalized, and every text cell
/// through the column's formula guard.
struct CellFormatter {
  /// A formatted cell, or why the customer's row is not exported.
  enum Outcome: Equatable {
    case cell(ExportCell)
    case skipRow(reason: String)
  }

  let settings: ExportSettings
  var log = ExportLog()

  /// Every scalar of the strings a picklist or tag value may not contain.
  private let forbidden: ScalarSet

  init(settings: ExportSettings) {
    self.settings = settings
    forbidden = ScalarSet(("\"\r\n" + settings.forbiddenCharacters + settings.multiSelectSeparator).unicodeScalars)
  }

  /// `text` in Unicode normalization form C, as CRMs compare values. Text of
  /// scalars below U+0300 (ASCII, Latin-1, no combining marks) or CJK unified
  /// ideographs is already NFC: none of them decomposes or combines.
  static func precomposed(_ text: String) -> String {
    let isNFC = text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x4E00...0x9FFF).contains($0.value) }
    return isNFC ? text : text.precomposedStringWithCanonicalMapping
  }

  /// The cell for `raw` (`nil`: the customer has no row in the column's file).
  ///
  /// - Throws: ``ExportError/invalidValue(offender:column:expected:)``,
  ///   ``ExportError/formulaCell(column:offender:)``,
  ///   ``ExportError/valueNotAllowed(column:offender:allowed:)``,
  ///   ``ExportError/forbiddenCharacter(column:offender:character:)``,
  ///   ``ExportError/tooManyValues(column:offender:limit:)``.
  mutating func format(_ raw: String?, column: ExportColumn, offender: ExportError.Offender) throws(ExportError)
    -> Outcome
  {
    let text = Self.precomposed(raw ?? "")
    let trimmed = String(text.trimmingSpaces)
    if trimmed.isEmpty && column.kind != .multiselect {
      if let token = settings.nullToken { return .cell(ExportCell(text: token, style: .typed)) }
      if settings.emptyCells == .skipRow {
        return .skipRow(reason: "no value for \(column.header) (an empty cell could clear the CRM field)")
      }
      return .cell(.empty)
    }
    switch column.kind {
    case .decimal, .integer:
      guard let value = Double(trimmed), value.isFinite else {
        throw .invalidValue(offender: offender.with(text), column: column.source, expected: "a number")
      }
      if column.kind == .integer {
        guard value == value.rounded(), abs(value) < 9.007_199_254_740_992e15 else {
          throw .invalidValue(offender: offender.with(text), column: column.source, expected: "a whole number")
        }
        return .cell(ExportCell(text: String(Int(value)), style: .number(scale: 0)))
      }
      let formatted = DecimalText.fixed(value, scale: column.scale, percent: column.asPercent)!
      return .cell(ExportCell(text: formatted, style: .number(scale: column.scale)))
    case .date, .datetime:
      guard let date = DateText(parsing: trimmed) else {
        throw .invalidValue(offender: offender.with(text), column: column.source, expected: "a date")
      }
      // `validate` of the export has made sure a date column has a format.
      let pattern = column.kind == .date ? settings.dateFormat ?? "yyyy-MM-dd" : settings.dateTimeFormat
      return .cell(ExportCell(text: date.formatted(pattern), style: .typed))
    case .boolean:
      switch trimmed.lowercased() {
      case "1", "true", "yes", "y", "是": return .cell(ExportCell(text: settings.trueWord, style: .typed))
      case "0", "false", "no", "n", "否": return .cell(ExportCell(text: settings.falseWord, style: .typed))
      default: throw .invalidValue(offender: offender.with(text), column: column.source, expected: "true or false")
      }
    case .key, .picklist:
      guard let value = try controlledValue(trimmed, column: column, offender: offender) else {
        return .skipRow(reason: "\(quoted(trimmed)) is not an allowed value of \(column.header)")
      }
      return .cell(ExportCell(text: value, style: .text))
    case .multiselect:
      return .cell(try multiselect(text, column: column, offender: offender))
    case .text:
      return .cell(ExportCell(text: try freeText(text, column: column, offender: offender.with(text)), style: .text))
    }
  }

  /// The guarded text, or a thrown refusal under `reject`.
  mutating func guarded(_ text: String, column: ExportColumn, offender: @autoclosure () -> ExportError.Offender)
    throws(ExportError) -> String
  {
    guard let formulaGuard = column.formulaGuard.formulaGuard, FormulaGuard.isDangerous(text) else { return text }
    guard let safe = formulaGuard.neutralize(text) else {
      throw .formulaCell(column: column.header, offender: offender().with(text))
    }
    log.warn("\(column.header): a value that would run as a spreadsheet formula was written with the \(column.formulaGuard.rawValue) guard")
    return safe
  }

  /// A picklist value or tag, mapped, guarded and checked; `nil` when not
  /// allowed and the column reports rather than refuses.
  private mutating func controlledValue(_ value: String, column: ExportColumn, offender: ExportError.Offender)
    throws(ExportError) -> String?
  {
    let mapped = column.valueMap.isEmpty ? value : column.valueMap[value] ?? value
    let safe = try guarded(mapped, column: column, offender: offender.with(mapped))
    // A value with none of the scalars of the forbidden strings contains none of them.
    if safe.unicodeScalars.contains(where: forbidden.contains) {
      var forbidden = ["\"", "\r", "\n"] + settings.forbiddenCharacters.map(String.init)
      if column.kind == .multiselect { forbidden.append(settings.multiSelectSeparator) }
      if let character = forbidden.first(where: { safe.contains($0) }) {
        throw .forbiddenCharacter(column: column.header, offender: offender.with(safe), character: character)
      }
    }
    if let allowed = column.allowed, !allowed.contains(safe) {
      guard column.onInvalid == .report else {
        throw .valueNotAllowed(column: column.header, offender: offender.with(safe), allowed: allowed)
      }
      return nil
    }
    return safe
  }

  /// Tags split on `;` (how `analyze tag` joins them), each a controlled
  /// value, duplicates dropped in order, joined by the profile's separator.
  private mutating func multiselect(_ text: String, column: ExportColumn, offender: ExportError.Offender)
    throws(ExportError) -> ExportCell
  {
    var values: [String] = []
    for part in text.split(separator: ";", omittingEmptySubsequences: true) {
      let element = String(part.trimmingSpaces)
      if element.isEmpty { continue }
      guard let value = try controlledValue(element, column: column, offender: offender) else {
        log.reject(
          ExportReject(
            customerID: offender.customerID, column: column.header, value: element,
            reason: "not an allowed value", action: ExportReject.valueDropped))
        continue
      }
      if !values.contains(value) { values.append(value) }
    }
    if let limit = settings.maxMultiSelectValues, values.count > limit {
      throw .tooManyValues(column: column.header, offender: offender.with(text), limit: limit)
    }
    if values.isEmpty { return .empty }
    let joined = (settings.multiSelectAppend ? settings.multiSelectSeparator : "")
      + values.joined(separator: settings.multiSelectSeparator)
    return ExportCell(text: try guarded(joined, column: column, offender: offender), style: .text)
  }

  /// Free text: guarded as it came (so a leading line break counts), line
  /// breaks then made spaces, cut to the profile's length.
  private mutating func freeText(_ text: String, column: ExportColumn, offender: ExportError.Offender)
    throws(ExportError) -> String
  {
    var result = try guarded(text, column: column, offender: offender)
    if settings.replaceNewlines && result.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
      var scalars = String.UnicodeScalarView()
      var previous: Unicode.Scalar = " "
      for scalar in result.unicodeScalars {
        // CRLF is one break, one space.
        if scalar == "\n" && previous == "\r" { continue }
        scalars.append(scalar == "\r" || scalar == "\n" ? " " : scalar)
        previous = scalar
      }
      result = String(scalars)
    }
    // A string has no more Characters than UTF-8 bytes: counting them is only needed for long text.
    if let limit = settings.textMaxLength, result.utf8.count > limit, result.count > limit {
      result = String(result.prefix(limit))
      log.warn("\(column.header): text longer than \(limit) characters was cut")
    }
    return result
  }
}

extension ExportError.Offender {
  /// The same place, naming another value.
  func with(_ value: String) -> ExportError.Offender {
    var copy = self
    copy.value = value
    return copy
  }
}

/// A few Unicode scalars, ASCII ones as bits: looked up for every scalar of every cell.
private struct ScalarSet {
  private var ascii: (UInt64, UInt64) = (0, 0)
  private var others: [Unicode.Scalar] = []

  init(_ scalars: String.UnicodeScalarView) {
    for scalar in scalars {
      let value = UInt64(scalar.value)
      if value < 64 {
        ascii.0 |= 1 << value
      } else if value < 128 {
        ascii.1 |= 1 << (value - 64)
      } else {
        others.append(scalar)
      }
    }
  }

  func contains(_ scalar: Unicode.Scalar) -> Bool {
    let value = UInt64(scalar.value)
    if value < 64 { return ascii.0 & (1 << value) != 0 }
    if value < 128 { return ascii.1 & (1 << (value - 64)) != 0 }
    return others.contains(scalar)
  }
}
