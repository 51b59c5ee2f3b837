import DataIngest

/// The cell each column made of a value, found again by the value's bytes:
/// a column's values repeat (risk bands, segment names, reasons), and
/// looking a cell up costs a hash of a few bytes where making it costs
/// strings and checks.
///
/// The values are kept in an ``IDTable`` tagged by column, whose numbers
/// are the cells' places; a column keeps at most ``limitPerColumn`` values,
/// which bounds the table.
struct CellCache {
  static let limitPerColumn = 4096

  private var values = IDTable()
  private var cells: [ExportCell] = []
  /// The bytes each cell is rendered as (see ``ExportRow/rendered(_:)``).
  private let fields = TextColumn()
  private var counts: [Int]

  init(columns: Int) {
    counts = Array(repeating: 0, count: columns)
  }

  /// Where the cell `column` made of `value` is kept, if it is.
  @inline(__always)
  func entry(_ column: Int, _ value: UnsafeBufferPointer<UInt8>) -> Int? {
    values.index(of: value, tag: Int32(column))
  }

  func cell(at entry: Int) -> ExportCell { cells[entry] }

  /// The bytes of the cell at `entry`, valid until the next ``add(_:rendered:_:_:)``.
  func field(at entry: Int) -> UnsafeBufferPointer<UInt8> { fields.view[entry] }

  /// Keeps `cell`, rendered as `field`, as `column`'s cell of `value`,
  /// unless the column keeps its limit already.
  mutating func add(_ cell: ExportCell, rendered field: [UInt8], _ column: Int, _ value: UnsafeBufferPointer<UInt8>) {
    guard counts[column] < Self.limitPerColumn, values.insert(value, tag: Int32(column)).isNew else { return }
    counts[column] += 1
    cells.append(cell)
    field.withUnsafeBufferPointer { fields.append($0) }
  }
}
