/// The cell each column made of a value, found again by the value's bytes:
/// a column's values repeat (risk bands, segment names, reasons), and
/// looking a cell up costs a hash of a few bytes where making it costs
/// strings and checks.
///
/// Open addressing with linear probing, at most half full; a column keeps
/// at most ``limitPerColumn`` values, which bounds the table.
struct CellCache {
  static let limitPerColumn = 4096

  private let values = TextColumn()
  private var columnsOfValues: [Int] = []
  private var cells: [ExportCell] = []
  /// The bytes each cell is rendered as (see ``ExportRow/rendered(_:)``).
  private let fields = TextColumn()
  private var counts: [Int]
  /// A value's place in `cells` + 1; 0 is an empty slot. The count is a power of two.
  private var slots: [Int32]

  init(columns: Int) {
    counts = Array(repeating: 0, count: columns)
    // Small enough to stay in the processor's nearest cache; doubled when half full.
    slots = Array(repeating: 0, count: 512)
  }

  /// Where the cell `column` made of `value` is kept, if it is.
  @inline(__always)
  func entry(_ column: Int, _ value: UnsafeBufferPointer<UInt8>) -> Int? {
    let entry = Int(slots[find(column, value)])
    return entry == 0 ? nil : entry - 1
  }

  func cell(at entry: Int) -> ExportCell { cells[entry] }

  /// The bytes of the cell at `entry`, valid until the next ``add(_:rendered:_:_:)``.
  func field(at entry: Int) -> UnsafeBufferPointer<UInt8> { fields.view[entry] }

  /// Keeps `cell`, rendered as `field`, as `column`'s cell of `value`,
  /// unless the column keeps its limit already.
  mutating func add(_ cell: ExportCell, rendered field: [UInt8], _ column: Int, _ value: UnsafeBufferPointer<UInt8>) {
    guard counts[column] < Self.limitPerColumn else { return }
    let slot = find(column, value)
    guard slots[slot] == 0 else { return }
    counts[column] += 1
    values.append(value)
    columnsOfValues.append(column)
    cells.append(cell)
    field.withUnsafeBufferPointer { fields.append($0) }
    slots[slot] = Int32(cells.count)
    if cells.count * 2 > slots.count {
      slots = Array(repeating: 0, count: slots.count * 2)
      let view = values.view
      for entry in cells.indices { slots[find(columnsOfValues[entry], view[entry])] = Int32(entry + 1) }
    }
  }

  /// The slot holding `column`'s `value`, or the empty one where it would go.
  @inline(__always)
  private func find(_ column: Int, _ value: UnsafeBufferPointer<UInt8>) -> Int {
    // FNV-1a over the column number and the bytes.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(column)
    for byte in value { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    let view = values.view
    while true {
      let entry = Int(slots[slot])
      if entry == 0 { return slot }
      if columnsOfValues[entry - 1] == column && TextBytes.equal(view[entry - 1], value) { return slot }
      slot = (slot + 1) & mask
    }
  }
}
