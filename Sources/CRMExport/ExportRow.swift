/// One row as the exporter makes it. A UTF-8 CSV row is rendered field by
/// field as its cells come, and a value met before is copied as it was
/// rendered then; other rows keep their cells for ``ExportParts/Builder``.
struct ExportRow {
  private let renderer: CSVRenderer
  private let rendersFields: Bool
  private var cells: [ExportCell] = []
  private var line: [UInt8] = []
  private var fields = 0

  init(settings: ExportSettings) {
    renderer = CSVRenderer(settings: settings)
    rendersFields = settings.format == .csv && renderer.writesFieldBytes
  }

  /// Starts the next row.
  mutating func removeAll() {
    cells.removeAll(keepingCapacity: true)
    line.removeAll(keepingCapacity: true)
    fields = 0
  }

  mutating func append(_ cell: ExportCell) {
    guard rendersFields else { return cells.append(cell) }
    if fields > 0 { renderer.appendDelimiter(to: &line) }
    renderer.appendField(cell, to: &line)
    fields += 1
  }

  /// Appends `cell`, which ``rendered(_:)`` gave `field` for.
  mutating func append(_ cell: @autoclosure () -> ExportCell, rendered field: UnsafeBufferPointer<UInt8>) {
    guard rendersFields else { return cells.append(cell()) }
    if fields > 0 { renderer.appendDelimiter(to: &line) }
    line.append(contentsOf: field)
    fields += 1
  }

  /// The bytes ``append(_:)`` writes for `cell`: empty when rows keep cells.
  func rendered(_ cell: ExportCell) -> [UInt8] {
    var field: [UInt8] = []
    if rendersFields { renderer.appendField(cell, to: &field) }
    return field
  }

  /// Adds the row to `rows`; `customer` is its number in the run.
  mutating func add(to rows: inout MadeRows, customer: Int) {
    rows.customers.append(customer)
    guard rendersFields else { return rows.cells.append(cells) }
    renderer.appendLineEnd(to: &line)
    line.withUnsafeBufferPointer { rows.bytes += $0 }
    rows.ends.append(rows.bytes.count)
    // Room for the rest, judged from the first rows: the bytes are then not copied as they grow.
    if rows.ends.count == 1024 { rows.bytes.reserveCapacity((rows.bytes.count / 1024 + 1) * rows.expectedRows * 9 / 8) }
  }
}
