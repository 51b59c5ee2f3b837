/// Loads the transactions file block by block (see ``BlockPipeline``).
///
/// Parsing checks each row and reads its cells, and looks its customer up
/// among the ids of the customers file. Stage 0 drops duplicates, records
/// rejects, numbers new customers and fills the columns; stage 1, beside
/// stage 0 of the next block, groups the rows into runs of one order key,
/// (customer, `order_id`), which ``OrderRuns`` numbers once the file is read.
final class TransactionsLoad: FileLoad, @unchecked Sendable {
  // Read-only while the pipeline runs.
  private let path: String
  private let checks: RowChecks
  private let fields: Fields
  private let dropsDuplicates: Bool
  /// Customers listed in the customers file have indexes below this; -1 without one.
  private let knownCustomers: Int
  private let fileSize: Int
  private let workers: [Worker]
  /// The customer ids of the files read before; read-only until ``finish()``.
  private var known: ByteInterner
  // Each stage's own state, taken out while the stage runs so that the
  // loops work on locals.
  private var first: FirstStage?
  private var second: OrderRuns?

  private struct Fields {
    let customer: Int
    let order: Int
    let date: Int
    let amount: Int
    let quantity: Int
    let category: Int
    let channel: Int
    let discount: Int
  }

  /// A parsing thread's own state.
  private final class Worker {
    let tokenizer: CSVTokenizer
    var category = LocalCategories()
    var channel = LocalCategories()
    init(delimiter: Delimiter) { tokenizer = CSVTokenizer(delimiter: delimiter) }
  }

  private struct FirstStage {
    var account: FileAccount
    var columns: Columns
  }

  /// The columns of the accepted rows, filled by stage 0.
  private struct Columns: RowSink {
    let knownCustomers: Int
    var customers: CustomerCodes
    var table = TransactionTable()
    var quantity: [Double]?
    var discount: [Double]?
    var category: CategoricalBuilder?
    var channel: CategoricalBuilder?
    /// The block being committed.
    var cells = Cells()
    var worker = 0

    mutating func reserve(_ rows: Int) {
      table.customer.reserveCapacity(rows.generousCapacity)
      table.day.reserveCapacity(rows.generousCapacity)
      table.amount.reserveCapacity(rows.generousCapacity)
      quantity?.reserveCapacity(rows.generousCapacity)
      discount?.reserveCapacity(rows.generousCapacity)
      category?.reserve(rows.generousCapacity)
      channel?.reserve(rows.generousCapacity)
    }

    @inline(__always)
    func prefetch(slotOf far: Int, recordOf near: Int) {
      customers.prefetch(cells.customer, slotOf: far, recordOf: near)
    }

    /// Numbers the row's customer and text cells in place; the columns take
    /// them a block at a time (``appendKept(_:allKept:)``).
    @inline(__always)
    mutating func accept(_ row: Int) -> Bool {
      let code = customers.code(cells.customer, row)
      cells.customerCode[row] = code
      if category != nil {
        cells.category[row] = category!.code(local: cells.category[row], worker: worker, text: cells.categoryText[row])
      }
      if channel != nil {
        cells.channel[row] = channel!.code(local: cells.channel[row], worker: worker, text: cells.channelText[row])
      }
      return knownCustomers >= 0 && Int(code) >= knownCustomers
    }

    mutating func appendKept(_ rows: ParsedRows, allKept: Bool) {
      table.customer.appendKept(cells.customerCode, rows, allKept: allKept)
      table.day.appendKept(cells.day, rows, allKept: allKept)
      table.amount.appendKept(cells.amount, rows, allKept: allKept)
      quantity?.appendKept(cells.quantity, rows, allKept: allKept)
      discount?.appendKept(cells.discount, rows, allKept: allKept)
      category?.appendKept(cells.category, rows, allKept: allKept)
      channel?.appendKept(cells.channel, rows, allKept: allKept)
    }
  }

  /// The rows stage 0 expects from the first block, for stage 1 to size its table.
  private var estimatedRowCount = 0

  /// One block's rows: per row, rejected ones too.
  typealias Parsed = ParsedBlock<Cells>

  struct Cells: BlockCells {
    var customer = CustomerCells()
    /// Set by stage 0 for the rows it keeps.
    var customerCode = RowBuffer<Int32>()
    var order = RowBuffer<UnsafeBufferPointer<UInt8>>()
    var day = RowBuffer<Int32>()
    var amount = RowBuffer<Double>()
    var quantity = RowBuffer<Double>()
    var discount = RowBuffer<Double>()
    var category = RowBuffer<Int32>()
    var categoryText = RowBuffer<UnsafeBufferPointer<UInt8>>()
    var channel = RowBuffer<Int32>()
    var channelText = RowBuffer<UnsafeBufferPointer<UInt8>>()

    mutating func removeAll() {
      customer.removeAll()
      customerCode.removeAll()
      order.removeAll()
      day.removeAll()
      amount.removeAll()
      quantity.removeAll()
      discount.removeAll()
      category.removeAll()
      categoryText.removeAll()
      channel.removeAll()
      channelText.removeAll()
    }

    func deallocate() {
      customer.deallocate()
      customerCode.deallocate()
      order.deallocate()
      day.deallocate()
      amount.deallocate()
      quantity.deallocate()
      discount.deallocate()
      category.deallocate()
      categoryText.deallocate()
      channel.deallocate()
      channelText.deallocate()
    }
  }

  init(
    path: String, columns: ResolvedColumns, summary: FileIngestSummary, options: IngestOptions,
    dates: DateParser, customers: ByteInterner, firstLine: Int, knownCustomers: Int, fileSize: Int, threads: Int
  ) {
    self.path = path
    checks = RowChecks(expected: columns.headers.count, delimiter: summary.delimiter, dates: dates)
    fields = Fields(
      customer: columns.field("customer_id"), order: columns.field("order_id"), date: columns.field("order_date"),
      amount: columns.field("amount"), quantity: columns.field("quantity"), category: columns.field("category"),
      channel: columns.field("channel"), discount: columns.field("discount"))
    // Identical rows are kept as rows of their own for the tables the options name.
    dropsDuplicates = !options.keepDuplicates.contains(.transactions)
    self.knownCustomers = knownCustomers
    self.fileSize = fileSize
    workers = (0..<threads).map { _ in Worker(delimiter: summary.delimiter) }
    known = customers
    var columns = Columns(knownCustomers: knownCustomers, customers: CustomerCodes(knownCount: customers.count))
    if fields.quantity >= 0 { columns.quantity = [] }
    if fields.discount >= 0 { columns.discount = [] }
    if fields.category >= 0 { columns.category = CategoricalBuilder() }
    if fields.channel >= 0 { columns.channel = CategoricalBuilder() }
    first = FirstStage(
      account: FileAccount(
        summary: summary, dropsDuplicates: dropsDuplicates, fileSize: fileSize, firstLine: firstLine,
        progress: options.progress),
      columns: columns)
    second = OrderRuns()
  }

  deinit {
    // Still here when the file failed before ``finish()``.
    second?.deallocate()
  }

  var stageCount: Int { fields.order >= 0 ? 2 : 1 }

  func makeParsed() -> Parsed { Parsed() }

  // MARK: - Parsing

  func parse(_ block: CSVBlock, into parsed: Parsed, worker index: Int) {
    let worker = workers[index]
    parsed.refill(worker: index) { rows, cells in
      var category = worker.category
      var channel = worker.channel
      defer {
        worker.category = category
        worker.channel = channel
      }
      let fields = self.fields
      let checks = self.checks
      let knownCustomers = self.knownCustomers
      let dropsDuplicates = self.dropsDuplicates
      var problems: RowChecks.Problems = []
      self.known.withView { known in
        // Looked up once the block is tokenized, the lookups started a few rows ahead.
        defer { cells.customer.lookUp(in: known) }
        rows.lineCount = worker.tokenizer.forEachRecord(in: block) { record in
          rows.add(record, fingerprinted: dropsDuplicates)
          let customer = cell(record, fields.customer)
          cells.customer.append(customer)
          problems.removeAll(keepingCapacity: true)
          var day: Int32? = nil
          var amount: Double? = nil
          var quantity = Double.nan
          var discount = Double.nan
          var categoryCode = CategoricalColumn.missing
          var channelCode = CategoricalColumn.missing
          let categoryField = cell(record, fields.category)
          let channelField = cell(record, fields.channel)
          let order = fields.order >= 0 ? cell(record, fields.order) : UnsafeBufferPointer(start: nil, count: 0)
          let isWellFormed = checks.fieldCountIsValid(record)
          if isWellFormed {
            checks.checkCustomerID(customer, &problems)
            day = checks.requiredDay(cell(record, fields.date), "order_date", &problems)
            let amountField = cell(record, fields.amount)
            amount = AmountParser.parse(amountField)
            if amountField.isEmpty {
              problems.append(("amount", .missingAmount, ""))
            } else if amount == nil {
              problems.append(("amount", .unparsableAmount, String(decoding: amountField, as: UTF8.self)))
            }
            quantity = checks.optionalNumber(record, fields.quantity, "quantity", &problems)
            discount = checks.optionalNumber(record, fields.discount, "discount", &problems)
            if fields.category >= 0 {
              if let code = category.code(categoryField) { categoryCode = code } else {
                problems.append(("category", .invalidText, nil))
              }
            }
            if fields.channel >= 0 {
              if let code = channel.code(channelField) { channelCode = code } else {
                problems.append(("channel", .invalidText, nil))
              }
            }
          }
          cells.customerCode.append(-1)
          cells.order.append(order)
          cells.day.append(day ?? 0)
          cells.amount.append(amount ?? 0)
          cells.quantity.append(quantity)
          cells.discount.append(discount)
          cells.category.append(categoryCode)
          cells.categoryText.append(categoryField)
          cells.channel.append(channelCode)
          cells.channelText.append(channelField)
          if !isWellFormed {
            rows.reject(
              record, file: path, problems: checks.fieldCountProblem(record),
              unknownCustomer: cells.customer.lastIsUnknown(knownCustomers: knownCustomers, known: known))
          } else if !problems.isEmpty {
            rows.reject(
              record, file: path, problems: problems,
              unknownCustomer: cells.customer.lastIsUnknown(knownCustomers: knownCustomers, known: known))
          }
        }
      }
    }
  }

  // MARK: - Stages

  func commit(stage: Int, _ block: CSVBlock, _ parsed: Parsed) {
    if stage == 0 { commitFirst(block, parsed) } else { commitSecond(parsed) }
  }

  /// Stage 0: the row account, customer indexes and the columns.
  private func commitFirst(_ block: CSVBlock, _ parsed: Parsed) {
    var state = first.take()!
    defer { first = state }
    if state.account.summary.rowsRead == 0 {
      let rows = estimatedRows(fileSize: fileSize, rows: parsed.rows.count, bytes: block.range.count)
      state.account.reserve(rows: rows)
      state.columns.reserve(rows)
      estimatedRowCount = rows
    }
    state.columns.cells = parsed.cells
    state.columns.worker = parsed.rows.worker
    let allKept = state.account.commit(parsed.rows, bytesRead: block.bytesRead, into: &state.columns)
    state.columns.appendKept(parsed.rows, allKept: allKept)
  }

  /// Stage 1: the order runs of the rows kept (see ``OrderRuns``).
  private func commitSecond(_ parsed: Parsed) {
    var runs = second.take()!
    defer { second = runs }
    let cells = parsed.cells
    let rows = parsed.rows
    for row in 0..<rows.count where rows.isKept[row] {
      runs.add(customer: cells.customerCode[row], order: cells.order[row])
    }
    runs.endBlock(expectedRows: estimatedRowCount)
  }

  // MARK: - Result

  /// The table, the customer ids with those this file added, and the file's account.
  func finish() -> (table: TransactionTable, customers: ByteInterner, account: FileAccount) {
    var state = first.take()!
    var orders = second.take()!
    // Each column is moved out, so that it is the only reference and
    // changes in place.
    var table = TransactionTable()
    swap(&table, &state.columns.table)
    table.quantity = state.columns.quantity.take()
    table.discount = state.columns.discount.take()
    table.category = state.columns.category.take()?.finish()
    table.channel = state.columns.channel.take()?.finish()
    // Numbered before the duplicate check, whose memory the order keys' may then take.
    let (orderCount, isOwnOrder) = orders.resolve(threads: workers.count)
    if fields.order >= 0 { table.order = orders.takeCodes() }
    orders.deallocate()
    let knownCustomers = self.knownCustomers
    let duplicates = state.account.dropDuplicates(threads: workers.count) {
      knownCustomers >= 0 && Int(table.customer[$0]) >= knownCustomers
    }
    table.customer.remove(atAscending: duplicates)
    table.day.remove(atAscending: duplicates)
    table.amount.remove(atAscending: duplicates)
    table.quantity?.remove(atAscending: duplicates)
    table.discount?.remove(atAscending: duplicates)
    table.category?.codes.remove(atAscending: duplicates)
    table.channel?.codes.remove(atAscending: duplicates)
    // The orders of the duplicates; others share theirs but for orders of their own.
    let droppedOrders = table.order.map { order in duplicates.map { order[$0] } } ?? []
    table.order?.remove(atAscending: duplicates)
    table.orderCount = orderCount
    if table.order == nil {
      table.orderCount = table.count
    } else if droppedOrders.contains(where: isOwnOrder) {
      // A duplicate without an order id took an order of its own: renumber.
      table.orderCount = renumberInOrderOfAppearance(&table.order!, codes: orderCount)
    }
    var customers = ByteInterner()
    swap(&customers, &known)
    state.columns.customers.merge(into: &customers)
    return (table, customers, state.account)
  }
}

/// Renumbers `values` (codes below `codes`) 0, 1, 2, … in order of first
/// appearance, after rows were taken out; returns the number of codes left.
private func renumberInOrderOfAppearance(_ values: inout [Int32], codes: Int) -> Int {
  var renumbered = [Int32](repeating: -1, count: codes)
  var next: Int32 = 0
  for i in values.indices {
    let code = Int(values[i])
    if renumbered[code] < 0 {
      renumbered[code] = next
      next += 1
    }
    values[i] = renumbered[code]
  }
  return Int(next)
}
