extension LoadState {
  /// Reads the events file into columns.
  mutating func loadEvents(_ path: String) throws(IngestError) -> EventTable {
    let (reader, columns, summary) = try open(path, .events)
    let load = EventsLoad(
      path: path, columns: columns, summary: summary, options: options, dates: dates, customers: customerIDs, firstLine: reader.nextLine,
      knownCustomers: knownCustomers, fileSize: reader.fileSize, threads: threads)
    // The load holds the only reference, so that it can add ids in place.
    customerIDs = ByteInterner()
    try run(load, reader)
    let (table, customers, account) = load.finish()
    customerIDs = customers
    reportProgress(reader, rows: account.summary.rowsRead, finished: true)
    record(account)
    return table
  }
}
