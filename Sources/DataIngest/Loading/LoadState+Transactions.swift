extension LoadState {
  /// Reads the transactions file into columns.
  mutating func loadTransactions(_ path: String) throws(IngestError) -> TransactionTable {
    let (reader, columns, opened) = try open(path, .transactions)
    var summary = opened
    let expected = columns.headers.count
    let fCustomer = columns.field("customer_id")
    let fOrder = columns.field("order_id")
    let fDate = columns.field("order_date")
    let fAmount = columns.field("amount")
    let fQuantity = columns.field("quantity")
    let fCategory = columns.field("category")
    let fChannel = columns.field("channel")
    let fDiscount = columns.field("discount")

    var table = TransactionTable()
    var orders = ByteInterner(expectedCount: 1 << 16)
    var orderCodes: [Int32] = []
    var quantity: [Double] = []
    var discount: [Double] = []
    var category = CategoricalBuilder()
    var channel = CategoricalBuilder()
    // Identical rows are kept as rows of their own for the tables the options name.
    let scan = options.keepDuplicates.contains(.transactions) ? nil : try duplicateScan(path, .transactions)
    defer { scan?.finish() }
    var problems: Problems = []
    var rawBytes = 0
    let isKnownCustomer = knownCustomers

    while let record = try reader.next() {
      summary.rowsRead += 1
      rawBytes += record.raw.count + 1
      if summary.rowsRead & 0xFFFF == 0 {
        if summary.rowsRead == 1 << 16 {
          let rows = estimatedRows(fileSize: reader.fileSize, rowsSoFar: summary.rowsRead, bytesSoFar: rawBytes)
          table.customer.reserveCapacity(rows)
          table.day.reserveCapacity(rows)
          table.amount.reserveCapacity(rows)
          if fOrder >= 0 { orderCodes.reserveCapacity(rows) }
          if fQuantity >= 0 { quantity.reserveCapacity(rows) }
          if fDiscount >= 0 { discount.reserveCapacity(rows) }
          if fCategory >= 0 { category.reserve(rows) }
          if fChannel >= 0 { channel.reserve(rows) }
        }
        reportProgress(reader, rows: summary.rowsRead, finished: false)
      }
      guard try scan?.isFirstOccurrence(record) ?? true else {
        summary.duplicates += 1
        continue
      }
      problems.removeAll(keepingCapacity: true)
      let customer = cell(record, fCustomer)
      if rejectsFieldCount(record, expected: expected, delimiter: reader.delimiter, customer: customer, summary: &summary) {
        continue
      }
      checkCustomerID(customer, &problems)
      let day = requiredDay(cell(record, fDate), "order_date", &problems)
      let amountField = cell(record, fAmount)
      let amount = AmountParser.parse(amountField)
      if amountField.isEmpty {
        problems.append(("amount", .missingAmount, ""))
      } else if amount == nil {
        problems.append(("amount", .unparsableAmount, String(decoding: amountField, as: UTF8.self)))
      }
      let q = optionalNumber(record, fQuantity, "quantity", &problems)
      let d = optionalNumber(record, fDiscount, "discount", &problems)
      let categoryField = cell(record, fCategory)
      let channelField = cell(record, fChannel)
      if fCategory >= 0 && !category.isValid(categoryField) {
        problems.append(("category", .invalidText, nil))
      }
      if fChannel >= 0 && !channel.isValid(channelField) {
        problems.append(("channel", .invalidText, nil))
      }
      guard problems.isEmpty, let day, let amount else {
        summary.rejected += 1
        if isUnknown(customer) { summary.unknownCustomers += 1 }
        reject(path, record, problems)
        continue
      }
      summary.accepted += 1
      let code = customerIDs.intern(customer).code
      if isKnownCustomer >= 0 && Int(code) >= isKnownCustomer { summary.unknownCustomers += 1 }
      table.customer.append(code)
      table.day.append(day)
      table.amount.append(amount)
      if fOrder >= 0 {
        let orderField = cell(record, fOrder)
        if orderField.isEmpty {
          // No order id: the row is an order of its own.
          let own = withUnsafeBytes(of: Int64(summary.rowsRead)) {
            orders.intern($0.assumingMemoryBound(to: UInt8.self), tag: Int32.min)
          }
          orderCodes.append(own.code)
        } else {
          orderCodes.append(orders.intern(orderField, tag: code).code)
        }
      }
      if fQuantity >= 0 { quantity.append(q) }
      if fDiscount >= 0 { discount.append(d) }
      if fCategory >= 0 { category.append(categoryField) }
      if fChannel >= 0 { channel.append(channelField) }
    }
    if fOrder >= 0 {
      table.order = orderCodes
      table.orderCount = orders.count
    } else {
      table.orderCount = table.count
    }
    if fQuantity >= 0 { table.quantity = quantity }
    if fDiscount >= 0 { table.discount = discount }
    if fCategory >= 0 { table.category = category.finish() }
    if fChannel >= 0 { table.channel = channel.finish() }
    reportProgress(reader, rows: summary.rowsRead, finished: true)
    report.files.append(summary)
    return table
  }

  /// An optional numeric cell: `.nan` when empty or absent; a problem when not a number.
  @inline(__always)
  func optionalNumber(
    _ record: CSVRecord, _ field: Int, _ column: String,
    _ problems: inout Problems
  ) -> Double {
    guard field >= 0 else { return .nan }
    let text = cell(record, field)
    if text.isEmpty { return .nan }
    if let value = AmountParser.parse(text) { return value }
    problems.append((column, .unparsableNumber, String(decoding: text, as: UTF8.self)))
    return .nan
  }
}
