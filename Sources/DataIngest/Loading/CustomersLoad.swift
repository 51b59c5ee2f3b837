/// Loads the customers file block by block (see ``BlockPipeline``): parsing
/// checks each row and reads its cells; one ordered stage drops duplicates,
/// rejects ids listed before, records rejects and fills the columns.
final class CustomersLoad: FileLoad, @unchecked Sendable {
  // Read-only while the pipeline runs.
  private let path: String
  private let checks: RowChecks
  private let fields: (customer: Int, signup: Int, birthYear: Int)
  /// The text columns: canonical attributes first, then the file's other columns.
  private let textFields: [Int]
  private let textNames: [String]
  private let canonicalTextCount: Int
  private let dropsDuplicates: Bool
  private let fileSize: Int
  private let workers: [Worker]
  /// The customer ids of the files read before; read-only until ``finish()``.
  private var known: ByteInterner
  /// Taken out while the stage runs, so that its loop works on locals.
  private var stage: (account: FileAccount, columns: Columns)?

  private final class Worker {
    let tokenizer: CSVTokenizer
    var texts: [LocalCategories]
    init(delimiter: Delimiter, textColumns: Int) {
      tokenizer = CSVTokenizer(delimiter: delimiter)
      texts = [LocalCategories](repeating: LocalCategories(), count: textColumns)
    }
  }

  typealias Parsed = ParsedBlock<Cells>

  struct Cells: BlockCells {
    var customer = CustomerCells()
    /// Whether the row's id is valid, so a repeated id is a problem of its own.
    var hasValidID = RowBuffer<Bool>()
    var line = RowBuffer<Int>()
    var signup = RowBuffer<Int32>()
    var birthYear = RowBuffer<Double>()
    /// Per row, one entry per text column.
    var text = RowBuffer<Int32>()
    var textBytes = RowBuffer<UnsafeBufferPointer<UInt8>>()

    mutating func removeAll() {
      customer.removeAll()
      hasValidID.removeAll()
      line.removeAll()
      signup.removeAll()
      birthYear.removeAll()
      text.removeAll()
      textBytes.removeAll()
    }

    func deallocate() {
      customer.deallocate()
      hasValidID.deallocate()
      line.deallocate()
      signup.deallocate()
      birthYear.deallocate()
      text.deallocate()
      textBytes.deallocate()
    }
  }

  private struct Columns: RowSink {
    let file: String
    var customers: CustomerCodes
    var table = CustomerTable()
    var signup: [Int32]?
    var birthYear: [Double]?
    var texts: [CategoricalBuilder]
    var cells = Cells()
    var worker = 0

    func leadingProblem(_ row: Int) -> RejectedRow? {
      let id = cells.customer.text[row]
      guard cells.hasValidID[row],
        customers.contains(knownCode: cells.customer.known[row], id, hash: cells.customer.hash[row])
      else { return nil }
      return RejectedRow(
        file: file, line: cells.line[row], column: "customer_id", reason: .duplicateCustomerID,
        text: String(decoding: id, as: UTF8.self))
    }

    @inline(__always)
    func prefetch(slotOf far: Int, recordOf near: Int) {
      customers.prefetch(cells.customer, slotOf: far, recordOf: near)
    }

    @inline(__always)
    mutating func accept(_ row: Int) -> Bool {
      table.customer.append(customers.code(cells.customer, row))
      signup?.append(cells.signup[row])
      birthYear?.append(cells.birthYear[row])
      let first = row * texts.count
      for i in texts.indices {
        texts[i].append(texts[i].code(local: cells.text[first + i], worker: worker, text: cells.textBytes[first + i]))
      }
      return false
    }
  }

  init(
    path: String, columns: ResolvedColumns, summary: FileIngestSummary, options: IngestOptions,
    dates: DateParser, customers: ByteInterner, firstLine: Int, fileSize: Int, threads: Int
  ) {
    self.path = path
    checks = RowChecks(expected: columns.headers.count, delimiter: summary.delimiter, dates: dates)
    fields = (columns.field("customer_id"), columns.field("signup_date"), columns.field("birth_year"))
    let canonical = ["gender", "province", "city", "source", "member_tier", "industry", "company_size"]
      .map { (name: $0, field: columns.field($0)) }.filter { $0.field >= 0 }
    textFields = canonical.map(\.field) + columns.extras.map(\.field)
    textNames = canonical.map(\.name) + columns.extras.map(\.header)
    canonicalTextCount = canonical.count
    // Identical rows are kept as rows of their own for the tables the options name.
    dropsDuplicates = !options.keepDuplicates.contains(.customers)
    self.fileSize = fileSize
    let textCount = textFields.count
    workers = (0..<threads).map { _ in Worker(delimiter: summary.delimiter, textColumns: textCount) }
    known = customers
    var table = Columns(
      file: path, customers: CustomerCodes(knownCount: customers.count),
      texts: [CategoricalBuilder](repeating: CategoricalBuilder(), count: textCount))
    if fields.signup >= 0 { table.signup = [] }
    if fields.birthYear >= 0 { table.birthYear = [] }
    stage = (
      FileAccount(summary: summary, dropsDuplicates: dropsDuplicates, fileSize: fileSize, firstLine: firstLine,
        progress: options.progress),
      table
    )
  }

  var stageCount: Int { 1 }

  func makeParsed() -> Parsed { Parsed() }

  func parse(_ block: CSVBlock, into parsed: Parsed, worker index: Int) {
    let worker = workers[index]
    var texts = worker.texts
    worker.texts = []
    defer { worker.texts = texts }
    parsed.refill(worker: index) { rows, cells in
      let fields = self.fields
      let checks = self.checks
      let textFields = self.textFields
      let textNames = self.textNames
      let dropsDuplicates = self.dropsDuplicates
      var problems: RowChecks.Problems = []
      known.withView { known in
        // Looked up once the block is tokenized, the lookups started a few rows ahead.
        defer { cells.customer.lookUp(in: known) }
        rows.lineCount = worker.tokenizer.forEachRecord(in: block) { record in
          rows.add(record, fingerprinted: dropsDuplicates)
          let customer = cell(record, fields.customer)
          cells.customer.append(customer)
          cells.line.append(record.line)
          problems.removeAll(keepingCapacity: true)
          var day = DayNumber.missing
          var year = Double.nan
          let isWellFormed = checks.fieldCountIsValid(record)
          if isWellFormed {
            checks.checkCustomerID(customer, &problems)
            cells.hasValidID.append(problems.isEmpty)
            if fields.signup >= 0 {
              let text = cell(record, fields.signup)
              if !text.isEmpty {
                if let parsed = checks.dates.day(from: text) {
                  day = parsed
                } else {
                  problems.append(("signup_date", .unparsableDate, String(decoding: text, as: UTF8.self)))
                }
              }
            }
            if fields.birthYear >= 0 {
              let text = cell(record, fields.birthYear)
              if !text.isEmpty {
                if let parsed = IntegerParser.parse(text) {
                  year = Double(parsed)
                } else {
                  problems.append(("birth_year", .unparsableNumber, String(decoding: text, as: UTF8.self)))
                }
              }
            }
          } else {
            cells.hasValidID.append(false)
          }
          for i in textFields.indices {
            let text = cell(record, textFields[i])
            var code = CategoricalColumn.missing
            if isWellFormed {
              if let local = texts[i].code(text) { code = local } else { problems.append((textNames[i], .invalidText, nil)) }
            }
            cells.text.append(code)
            cells.textBytes.append(text)
          }
          cells.signup.append(day)
          cells.birthYear.append(year)
          if !isWellFormed || !problems.isEmpty {
            rows.reject(
              record, file: path, problems: isWellFormed ? problems : checks.fieldCountProblem(record),
              unknownCustomer: false)
          }
        }
      }
    }
  }

  func commit(stage _: Int, _ block: CSVBlock, _ parsed: Parsed) {
    var state = stage.take()!
    defer { stage = state }
    if state.account.summary.rowsRead == 0 {
      // Each row brings a customer: the ids' table is sized once, not grown.
      let rows = estimatedRows(fileSize: fileSize, rows: parsed.rows.count, bytes: block.range.count)
      let idBytes = parsed.cells.customer.text.prefix.reduce(0) { $0 + $1.count }
      state.columns.customers.reserve(rows, keyBytes: idBytes * rows / max(1, parsed.rows.count))
    }
    state.columns.cells = parsed.cells
    state.columns.worker = parsed.rows.worker
    state.account.commit(parsed.rows, bytesRead: block.bytesRead, into: &state.columns)
  }

  /// The table, the customer ids with those this file added, and the file's account.
  func finish() -> (table: CustomerTable, customers: ByteInterner, account: FileAccount) {
    var state = stage.take()!
    // A row identical to an earlier one repeats its customer id, so it was
    // rejected; nothing leaves the columns.
    let duplicates = state.account.dropDuplicates(threads: workers.count) { _ in false }
    precondition(duplicates.isEmpty, "a customer row identical to an earlier one was accepted")
    let columns = state.columns
    var table = columns.table
    table.signupDay = columns.signup
    table.birthYear = columns.birthYear
    for (i, name) in textNames.enumerated() {
      let column = columns.texts[i].finish()
      switch name {
      case "gender" where i < canonicalTextCount: table.gender = column
      case "province" where i < canonicalTextCount: table.province = column
      case "city" where i < canonicalTextCount: table.city = column
      case "source" where i < canonicalTextCount: table.source = column
      case "member_tier" where i < canonicalTextCount: table.memberTier = column
      case "industry" where i < canonicalTextCount: table.industry = column
      case "company_size" where i < canonicalTextCount: table.companySize = column
      default: table.attributes.append((name, column))
      }
    }
    var customers = ByteInterner()
    swap(&customers, &known)
    columns.customers.merge(into: &customers)
    return (table, customers, state.account)
  }
}
