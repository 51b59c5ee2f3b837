extension LoadState {
  /// Reads the customers file; its customers get the first indexes.
  mutating func loadCustomers(_ path: String) throws(IngestError) -> CustomerTable {
    let (reader, columns, summary) = try open(path, .customers)
    let load = CustomersLoad(
      path: path, columns: columns, summary: summary, options: options, dates: dates, customers: customerIDs, firstLine: reader.nextLine,
      fileSize: reader.fileSize, threads: threads)
    // The load holds the only reference, so that it can add ids in place.
    customerIDs = ByteInterner()
    try run(load, reader)
    let (table, customers, account) = load.finish()
    customerIDs = customers
    knownCustomers = customerIDs.count
    reportProgress(reader, rows: account.summary.rowsRead, finished: true)
    record(account)
    return table
  }
}
