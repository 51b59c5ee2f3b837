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
    var problems: [(column: String, reason: RejectReason, text: String?)] = []
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
      guard fieldCountIsValid(record, expected: expected, delimiter: reader.delimiter) else {
        problems.append(("", .wrongFieldCount, "\(record.count) fields, expected \(expected): \(record.rawText)"))
        summary.rejected += 1
        if isUnknown(customer) { summary.unknownCustomers += 1 }
        reject(path, record, problems)
        continue
      }
      if customer.isEmpty {
        problems.append(("customer_id", .missingCustomerID, ""))
      } else if UTF8Validation.validPrefixLength(UnsafeRawBufferPointer(customer)).valid != customer.count {
        problems.append(("customer_id", .invalidText, nil))
      }
      let dateField = cell(record, fDate)
      let day = dates.day(from: dateField)
      if dateField.isEmpty {
        problems.append(("event_date", .missingDate, ""))
      } else if day == nil {
        problems.append(("event_date", .unparsableDate, String(decoding: dateField, as: UTF8.self)))
      }
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
