/// Loads the events file block by block (see ``BlockPipeline``): parsing
/// checks each row and reads its cells; one ordered stage drops duplicates,
/// records rejects, numbers new customers and fills the columns.
final class EventsLoad: FileLoad, @unchecked Sendable {
  // Read-only while the pipeline runs.
  private let path: String
  private let checks: RowChecks
  private let fields: (customer: Int, date: Int, type: Int, value: Int)
  private let dropsDuplicates: Bool
  private let knownCustomers: Int
  private let fileSize: Int
  private let workers: [Worker]
  /// The customer ids of the files read before; read-only until ``finish()``.
  private var known: ByteInterner
  /// Taken out while the stage runs, so that its loop works on locals.
  private var stage: (account: FileAccount, columns: Columns)?

  private final class Worker {
    let tokenizer: CSVTokenizer
    var types = LocalCategories()
    init(delimiter: Delimiter) { tokenizer = CSVTokenizer(delimiter: delimiter) }
  }

  typealias Parsed = ParsedBlock<Cells>

  struct Cells: BlockCells {
    var customer = CustomerCells()
    var customerCode = RowBuffer<Int32>()
    var day = RowBuffer<Int32>()
    var type = RowBuffer<Int32>()
    var typeText = RowBuffer<UnsafeBufferPointer<UInt8>>()
    var value = RowBuffer<Double>()

    mutating func removeAll() {
      customer.removeAll()
      customerCode.removeAll()
      day.removeAll()
      type.removeAll()
      typeText.removeAll()
      value.removeAll()
    }

    func deallocate() {
      customer.deallocate()
      customerCode.deallocate()
      day.deallocate()
      type.deallocate()
      typeText.deallocate()
      value.deallocate()
    }
  }

  private struct Columns: RowSink {
    let knownCustomers: Int
    var customers: CustomerCodes
    var table = EventTable()
    var types = CategoricalBuilder()
    var cells = Cells()
    var worker = 0

    @inline(__always)
    func prefetch(slotOf far: Int, recordOf near: Int) {
      customers.prefetch(cells.customer, slotOf: far, recordOf: near)
    }

    /// Numbers the row's customer and type in place; the columns take them a
    /// block at a time (``appendKept(_:allKept:)``).
    @inline(__always)
    mutating func accept(_ row: Int) -> Bool {
      let code = customers.code(cells.customer, row)
      cells.customerCode[row] = code
      cells.type[row] = types.code(local: cells.type[row], worker: worker, text: cells.typeText[row])
      return knownCustomers >= 0 && Int(code) >= knownCustomers
    }

    mutating func appendKept(_ rows: ParsedRows, allKept: Bool) {
      table.customer.appendKept(cells.customerCode, rows, allKept: allKept)
      table.day.appendKept(cells.day, rows, allKept: allKept)
      types.appendKept(cells.type, rows, allKept: allKept)
      table.value.appendKept(cells.value, rows, allKept: allKept)
    }
  }

  init(
    path: String, columns: ResolvedColumns, summary: FileIngestSummary, options: IngestOptions,
    dates: DateParser, customers: ByteInterner, firstLine: Int, knownCustomers: Int, fileSize: Int, threads: Int
  ) {
    self.path = path
    checks = RowChecks(expected: columns.headers.count, delimiter: summary.delimiter, dates: dates)
    fields = (
      columns.field("customer_id"), columns.field("event_date"), columns.field("event_type"), columns.field("value")
    )
    // Identical rows are kept as rows of their own for the tables the options name.
    dropsDuplicates = !options.keepDuplicates.contains(.events)
    self.knownCustomers = knownCustomers
    self.fileSize = fileSize
    workers = (0..<threads).map { _ in Worker(delimiter: summary.delimiter) }
    known = customers
    stage = (
      FileAccount(summary: summary, dropsDuplicates: dropsDuplicates, fileSize: fileSize, firstLine: firstLine,
        progress: options.progress),
      Columns(knownCustomers: knownCustomers, customers: CustomerCodes(knownCount: customers.count))
    )
  }

  var stageCount: Int { 1 }

  func makeParsed() -> Parsed { Parsed() }

  func parse(_ block: CSVBlock, into parsed: Parsed, worker index: Int) {
    let worker = workers[index]
    var types = worker.types
    defer { worker.types = types }
    parsed.refill(worker: index) { rows, cells in
      let fields = self.fields
      let checks = self.checks
      let knownCustomers = self.knownCustomers
      let dropsDuplicates = self.dropsDuplicates
      var problems: RowChecks.Problems = []
      known.withView { known in
        // Looked up once the block is tokenized, the lookups started a few rows ahead.
        defer { cells.customer.lookUp(in: known) }
        rows.lineCount = worker.tokenizer.forEachRecord(in: block) { record in
          rows.add(record, fingerprinted: dropsDuplicates)
          cells.customer.append(cell(record, fields.customer))
          problems.removeAll(keepingCapacity: true)
          var day: Int32? = nil
          var typeCode = CategoricalColumn.missing
          var value = Double.nan
          let typeField = cell(record, fields.type)
          let isWellFormed = checks.fieldCountIsValid(record)
          if isWellFormed {
            checks.checkCustomerID(cells.customer.text[cells.customer.text.count - 1], &problems)
            day = checks.requiredDay(cell(record, fields.date), "event_date", &problems)
            if typeField.isEmpty {
              problems.append(("event_type", .missingValue, ""))
            } else if let code = types.code(typeField) {
              typeCode = code
            } else {
              problems.append(("event_type", .invalidText, nil))
            }
            value = checks.optionalNumber(record, fields.value, "value", &problems)
          }
          cells.customerCode.append(-1)
          cells.day.append(day ?? 0)
          cells.type.append(typeCode)
          cells.typeText.append(typeField)
          cells.value.append(value)
          if !isWellFormed || !problems.isEmpty {
            rows.reject(
              record, file: path, problems: isWellFormed ? problems : checks.fieldCountProblem(record),
              unknownCustomer: cells.customer.lastIsUnknown(knownCustomers: knownCustomers, known: known))
          }
        }
      }
    }
  }

  func commit(stage _: Int, _ block: CSVBlock, _ parsed: Parsed) {
    var state = stage.take()!
    defer { stage = state }
    if state.account.summary.rowsRead == 0 {
      let rows = estimatedRows(fileSize: fileSize, rows: parsed.rows.count, bytes: block.range.count)
      state.account.reserve(rows: rows)
      state.columns.table.customer.reserveCapacity(rows.generousCapacity)
      state.columns.table.day.reserveCapacity(rows.generousCapacity)
      state.columns.table.value.reserveCapacity(rows.generousCapacity)
      state.columns.types.reserve(rows.generousCapacity)
    }
    state.columns.cells = parsed.cells
    state.columns.worker = parsed.rows.worker
    let allKept = state.account.commit(parsed.rows, bytesRead: block.bytesRead, into: &state.columns)
    state.columns.appendKept(parsed.rows, allKept: allKept)
  }

  /// The table, the customer ids with those this file added, and the file's account.
  func finish() -> (table: EventTable, customers: ByteInterner, account: FileAccount) {
    var state = stage.take()!
    // Each column is moved out, so that it is the only reference and
    // changes in place.
    var table = EventTable()
    swap(&table, &state.columns.table)
    table.type = state.columns.types.finish()
    state.columns.types = CategoricalBuilder()
    let knownCustomers = self.knownCustomers
    let duplicates = state.account.dropDuplicates(threads: workers.count) {
      knownCustomers >= 0 && Int(table.customer[$0]) >= knownCustomers
    }
    table.customer.remove(atAscending: duplicates)
    table.day.remove(atAscending: duplicates)
    table.type.codes.remove(atAscending: duplicates)
    table.value.remove(atAscending: duplicates)
    var customers = ByteInterner()
    swap(&customers, &known)
    state.columns.customers.merge(into: &customers)
    return (table, customers, state.account)
  }
}
