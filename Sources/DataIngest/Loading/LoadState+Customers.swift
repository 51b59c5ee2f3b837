extension LoadState {
  /// Reads the customers file; its customers get the first indexes.
  mutating func loadCustomers(_ path: String) throws(IngestError) -> CustomerTable {
    let (reader, columns, opened) = try open(path, .customers)
    var summary = opened
    let expected = columns.headers.count
    let fCustomer = columns.field("customer_id")
    let fSignup = columns.field("signup_date")
    let fBirthYear = columns.field("birth_year")
    let textColumns = ["gender", "province", "city", "source", "member_tier", "industry", "company_size"]
      .map { (name: $0, field: columns.field($0)) }.filter { $0.field >= 0 }
    var builders = [CategoricalBuilder](
      repeating: CategoricalBuilder(), count: textColumns.count + columns.extras.count)
    let textFields = textColumns.map(\.field) + columns.extras.map(\.field)
    let textNames = textColumns.map(\.name) + columns.extras.map(\.header)

    var table = CustomerTable()
    var signup: [Int32] = []
    var birthYear: [Double] = []
    // Identical rows are kept as rows of their own for the tables the options name.
    let scan = options.keepDuplicates.contains(.customers) ? nil : try duplicateScan(path, .customers)
    defer { scan?.finish() }
    var problems: Problems = []

    while let record = try reader.next() {
      summary.rowsRead += 1
      if summary.rowsRead & 0xFFFF == 0 { reportProgress(reader, rows: summary.rowsRead, finished: false) }
      guard try scan?.isFirstOccurrence(record) ?? true else {
        summary.duplicates += 1
        continue
      }
      problems.removeAll(keepingCapacity: true)
      let customer = cell(record, fCustomer)
      if rejectsFieldCount(
        record, expected: expected, delimiter: reader.delimiter, customer: customer, summary: &summary,
        countUnknown: false)
      {
        continue
      }
      checkCustomerID(customer, &problems)
      if problems.isEmpty && customerIDs.find(customer) != nil {
        problems.append(("customer_id", .duplicateCustomerID, String(decoding: customer, as: UTF8.self)))
      }
      var day = DayNumber.missing
      if fSignup >= 0 {
        let text = cell(record, fSignup)
        if !text.isEmpty {
          if let parsed = dates.day(from: text) {
            day = parsed
          } else {
            problems.append(("signup_date", .unparsableDate, String(decoding: text, as: UTF8.self)))
          }
        }
      }
      var year = Double.nan
      if fBirthYear >= 0 {
        let text = cell(record, fBirthYear)
        if !text.isEmpty {
          if let parsed = IntegerParser.parse(text) {
            year = Double(parsed)
          } else {
            problems.append(("birth_year", .unparsableNumber, String(decoding: text, as: UTF8.self)))
          }
        }
      }
      for i in builders.indices where !builders[i].isValid(cell(record, textFields[i])) {
        problems.append((textNames[i], .invalidText, nil))
      }
      guard problems.isEmpty else {
        summary.rejected += 1
        reject(path, record, problems)
        continue
      }
      summary.accepted += 1
      table.customer.append(customerIDs.intern(customer).code)
      if fSignup >= 0 { signup.append(day) }
      if fBirthYear >= 0 { birthYear.append(year) }
      for i in builders.indices { builders[i].append(cell(record, textFields[i])) }
    }
    knownCustomers = customerIDs.count
    if fSignup >= 0 { table.signupDay = signup }
    if fBirthYear >= 0 { table.birthYear = birthYear }
    let built = builders.map { $0.finish() }
    for (i, name) in textNames.enumerated() {
      let column = built[i]
      switch name {
      case "gender" where i < textColumns.count: table.gender = column
      case "province" where i < textColumns.count: table.province = column
      case "city" where i < textColumns.count: table.city = column
      case "source" where i < textColumns.count: table.source = column
      case "member_tier" where i < textColumns.count: table.memberTier = column
      case "industry" where i < textColumns.count: table.industry = column
      case "company_size" where i < textColumns.count: table.companySize = column
      default: table.attributes.append((name, column))
      }
    }
    reportProgress(reader, rows: summary.rowsRead, finished: true)
    report.files.append(summary)
    return table
  }
}
