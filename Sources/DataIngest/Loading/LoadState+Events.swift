extension LoadState {
  /// Reads the events file into columns.
  mutating func loadEvents(_ path: String) throws(IngestError) -> EventTable {
    let (reader, columns, opened) = try open(path, .events)
    var summary = opened
    let expected = columns.headers.count
    let fCustomer = columns.field("customer_id")
    let fDate = columns.field("event_date")
    let fType = columns.field("event_type")
    let fValue = columns.field("value")

    var table = EventTable()
    var types = CategoricalBuilder()
    // Identical rows are kept as rows of their own for the tables the options name.
    let scan = options.keepDuplicates.contains(.events) ? nil : try duplicateScan(path, .events)
    defer { scan?.finish() }
    var problems: Problems = []
    let isKnownCustomer = knownCustomers

    while let record = try reader.next() {
      summary.rowsRead += 1
      if summary.rowsRead & 0xFFFF == 0 { reportProgress(reader, rows: summary.rowsRead, finished: false) }
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
      let day = requiredDay(cell(record, fDate), "event_date", &problems)
      let typeField = cell(record, fType)
      if typeField.isEmpty {
        problems.append(("event_type", .missingValue, ""))
      } else if !types.isValid(typeField) {
        problems.append(("event_type", .invalidText, nil))
      }
      let value = optionalNumber(record, fValue, "value", &problems)
      guard problems.isEmpty, let day else {
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
      types.append(typeField)
      table.value.append(value)
    }
    table.type = types.finish()
    reportProgress(reader, rows: summary.rowsRead, finished: true)
    report.files.append(summary)
    return table
  }
}
