extension LoadState {
  /// Reads the transactions file into columns.
  mutating func loadTransactions(_ path: String) throws(IngestError) -> TransactionTable {
    try load(path, .transactions) { state, reader, columns, summary in
      TransactionsLoad(
        path: path, columns: columns, summary: summary, options: state.options, dates: state.dates, customers: state.customerIDs,
        firstLine: reader.nextLine, knownCustomers: state.knownCustomers, fileSize: reader.fileSize, threads: state.threads)
    }
  }
}
