extension LoadState {
  /// Reads the events file into columns.
  mutating func loadEvents(_ path: String) throws(IngestError) -> EventTable {
    try load(path, .events) { state, reader, columns, summary in
      EventsLoad(
        path: path, columns: columns, summary: summary, options: state.options, dates: state.dates, customers: state.customerIDs,
        firstLine: reader.nextLine, knownCustomers: state.knownCustomers, fileSize: reader.fileSize, threads: state.threads)
    }
  }
}
