extension LoadState {
  /// Reads the customers file into columns; its customers are the known ones.
  mutating func loadCustomers(_ path: String) throws(IngestError) -> CustomerTable {
    let table = try load(path, .customers) { state, reader, columns, summary in
      CustomersLoad(
        path: path, columns: columns, summary: summary, options: state.options, dates: state.dates, customers: state.customerIDs,
        firstLine: reader.nextLine, fileSize: reader.fileSize, threads: state.threads)
    }
    knownCustomers = customerIDs.count
    return table
  }
}
