/// The rows of a range of the run's customers, made apart from the other
/// ranges (on another processor) and joined in the run's order by
/// ``CRMExporter``: as one loop over every customer would make them, with
/// what it noticed on the way.
struct ExportChunk {
  /// What every range reads. Unchecked: the tables and columns in it are
  /// not changed once read, and each range walks its own copy of the keys.
  struct Inputs: @unchecked Sendable {
    let config: ExportConfig
    let run: RunFolder
    let keys: KeyLookup
    let keyHeader: String
    let keyColumn: ExportColumn
    let pattern: Regex<AnyRegexOutput>?
    let columns: [ExportColumn]
    let sources: [(file: InputFile, column: Int)]
  }

  private(set) var log = ExportLog()
  /// The first error thrown, which ended the range.
  private(set) var failure: ExportError?
  private(set) var emptyKeys: [ExportError.Offender] = []
  private(set) var badKeys: [ExportError.Offender] = []
  /// The keys checked, and those found twice in this range.
  private(set) var keysSeen = RepeatedKeys()
  private(set) var keysMayBeMangled = false
  private var rows: MadeRows

  /// Makes the rows of customers `range` (numbers of ``RunFolder/customerIDs``).
  init(customers range: Range<Int>, _ inputs: Inputs) {
    rows = MadeRows(expectedRows: range.count)
    var formatter = CellFormatter(settings: inputs.config.settings)
    do throws(ExportError) {
      try make(range, inputs, &formatter)
    } catch {
      failure = error
    }
    log = formatter.log
  }

  private mutating func make(_ range: Range<Int>, _ inputs: Inputs, _ formatter: inout CellFormatter)
    throws(ExportError)
  {
    let (run, columns, keyHeader) = (inputs.run, inputs.columns, inputs.keyHeader)
    var keys = inputs.keys
    let reads = zip(columns, inputs.sources).map { column, source in
      ColumnRead(
        file: source.file, values: run.tables[source.file]!.values[source.column]!.view,
        decimalScale: column.kind == .decimal ? column.scale : nil, percent: column.asPercent)
    }
    var row = ExportRow(settings: inputs.config.settings)
    // A column's values repeat (risk bands, segment names, reasons): the cell of a value is kept once it was
    // made without a warning or reject, which depend on each occurrence. Numbers rarely repeat.
    var remembered = CellCache(columns: columns.count)
    // The views read the run's columns and rows, which live as long as `inputs`.
    let ids = run.ids.view
    let rows = run.rows
    customerLoop: for index in range {
      guard let place = keys.place(of: index) else {
        formatter.log.reject(
          ExportReject(
            customerID: ids.string(index), column: keyHeader, value: "", reason: "not in \(keys.fileName)",
            action: ExportReject.rowNotExported))
        continue
      }
      let key = keys.key(at: place)
      if key.isEmpty {
        let offender = keys.offender(customer: index, at: place)
        if inputs.config.matchKey.missing == .refuse { emptyKeys.append(offender) } else {
          formatter.log.reject(
            ExportReject(
              customerID: offender.customerID, column: keyHeader, value: "",
              reason: "empty CRM key in \(offender.file) line \(offender.line)", action: ExportReject.rowNotExported))
        }
        continue
      }
      if let pattern = inputs.pattern, (try? pattern.wholeMatch(in: key)) == nil {
        badKeys.append(keys.offender(customer: index, at: place))
      }
      keysSeen.note(key, customer: index, place: place, in: keys)
      row.removeAll()
      let keyText = try formatter.guarded(
        key, column: inputs.keyColumn, offender: keys.offender(customer: index, at: place))
      row.append(ExportCell(text: keyText, style: .text))
      for c in reads.indices {
        let read = reads[c]
        let value = rows.row(in: read.file, customer: index).map { read.values[$0] }
        if let value {
          if let entry = remembered.entry(c, value) {
            row.append(remembered.cell(at: entry), rendered: remembered.field(at: entry))
            continue
          }
          if let cell = read.plainDecimal(value) {
            row.append(cell)
            continue
          }
        }
        let column = columns[c]
        let found = run.value(read.file, inputs.sources[c].column, customer: index)
        let offender = ExportError.Offender(
          customerID: ids.string(index), file: found?.file ?? read.file.fileName, line: found?.line ?? 0,
          value: found?.text ?? "")
        let events = formatter.log.events
        switch try formatter.format(found?.text, column: column, offender: offender) {
        case .cell(let cell):
          row.append(cell)
          if let value, !column.kind.isNumber, formatter.log.events == events {
            remembered.add(cell, rendered: row.rendered(cell), c, value)
          }
        case .skipRow(let reason):
          formatter.log.reject(
            ExportReject(
              customerID: offender.customerID, column: column.header, value: found?.text ?? "", reason: reason,
              action: ExportReject.rowNotExported))
          continue customerLoop
        }
      }
      if !keysMayBeMangled { keysMayBeMangled = KeyLookup.mayBeMangledByExcel(keyText) }
      row.add(to: &self.rows, customer: index)
    }
  }

  /// Hands the rows to `parts` in order, and lets them go.
  mutating func handRows(to parts: inout ExportParts.Builder, ids: TextColumn.View) {
    rows.add(to: &parts, ids: ids)
    rows = MadeRows(expectedRows: 0)
  }

  /// The duplicate keys of several ranges, in the order one loop over them
  /// all would list them: none when each range's keys ascend past the last
  /// range's (ASCII keys compare as their bytes), else found again in order.
  static func duplicates(_ chunks: [ExportChunk], keys: KeyLookup, customers: Int) -> [ExportError.Offender] {
    guard chunks.count > 1 else { return chunks.first?.keysSeen.offenders ?? [] }
    var previousLast: String? = nil
    var ascending = true
    for chunk in chunks where chunk.keysSeen.seen.ids.count > 0 {
      guard let first = chunk.keysSeen.seen.firstIfAscending, previousLast.map({ $0.utf8.lexicographicallyPrecedes(first.utf8) }) ?? true
      else {
        ascending = false
        break
      }
      previousLast = chunk.keysSeen.seen.ids[chunk.keysSeen.seen.ids.count - 1]
    }
    if ascending { return [] }
    // The keys checked are those of every customer with a nonempty key: the ranges ended without an error.
    var keys = keys
    var repeated = RepeatedKeys()
    for customer in 0..<customers {
      guard let place = keys.place(of: customer) else { continue }
      let key = keys.key(at: place)
      if key.isEmpty { continue }
      repeated.note(key, customer: customer, place: place, in: keys)
    }
    return repeated.offenders
  }

  /// What the loop over the customers reads of a column, as pointers and flags.
  private struct ColumnRead {
    let file: InputFile
    let values: TextColumn.View
    /// The scale of a decimal column, `nil` for other kinds.
    let decimalScale: Int?
    let percent: Bool

    /// The cell of a decimal column's plain decimal value (`0.6932411783877152`),
    /// made from its text when ``DecimalText/fixed(plainDecimal:scale:percent:)`` can.
    @inline(__always)
    func plainDecimal(_ value: UnsafeBufferPointer<UInt8>) -> ExportCell? {
      guard let scale = decimalScale, let trimmed = TextBytes.trimmingSpaces(value), !trimmed.isEmpty,
        let text = DecimalText.fixed(plainDecimal: trimmed, scale: scale, percent: percent)
      else { return nil }
      return ExportCell(text: text, style: .number(scale: scale))
    }
  }
}

/// The rows a range made, kept until the ranges before it are handed over.
struct MadeRows {
  /// About how many rows will come.
  let expectedRows: Int
  /// UTF-8 CSV rows, one after another, and where each ends.
  var bytes: [UInt8] = []
  var ends: [Int] = []
  /// The cells of each row of other files.
  var cells: [[ExportCell]] = []
  /// The customer number of each row, for messages.
  var customers: [Int] = []

  /// Hands the rows to `parts` in order.
  func add(to parts: inout ExportParts.Builder, ids: TextColumn.View) {
    if cells.isEmpty && parts.takesWholeRows { return parts.append(wholeRows: bytes, count: customers.count) }
    bytes.withUnsafeBufferPointer { bytes in
      for (index, customer) in customers.enumerated() {
        if cells.isEmpty {
          let start = index == 0 ? 0 : ends[index - 1]
          parts.append(rendered: UnsafeBufferPointer(rebasing: bytes[start..<ends[index]]), customer: ids.string(customer))
        } else {
          parts.append(cells[index], customer: ids.string(customer))
        }
      }
    }
  }
}
