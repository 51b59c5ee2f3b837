#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Simulates customer purchase histories with known truth and writes them
/// as the data contract's CSV files.
///
/// ```swift
/// let simulator = try PurchaseSimulator(SimulationParameters(customers: 100_000, seed: 42))
/// let summary = try simulator.write(to: "data/sim")
/// ```
///
/// Writes, in the folder:
/// - `customers.csv`: customer_id, signup_date, gender, birth_year, province,
///   city, source, member_tier — one row per customer, ids rising with the
///   signup date;
/// - `transactions.csv`: order_id, customer_id, order_date, amount, quantity,
///   category, channel, discount — sorted by date, order ids rising with it;
/// - `events.csv`: customer_id, event_date, event_type, value — sorted by date;
/// - `truth.csv`: each customer's latent segment, dissatisfaction, price
///   sensitivity, membership, regional effect, purchase rate, hazard and
///   churn date, the answers a model should recover.
///
/// The same parameters give byte-identical files whatever ``threads`` is:
/// every customer draws from its own random stream (seeded from the seed and
/// its index), blocks of customers are simulated independently and put
/// back in order before anything is written. (The logarithms and
/// exponentials come from the platform's C library, so two different
/// platforms may differ in a last digit.)
///
/// - Complexity: O(rows) time; memory about 24 bytes per transaction row and
///   12 per event, because rows are sorted by date before writing (peak
///   ≈ 0.6 GB per million customers with the built-in segments).
public struct PurchaseSimulator: Sendable {
  /// The validated parameters.
  public let parameters: SimulationParameters
  /// Threads used for simulating and formatting; 1 runs everything on the
  /// calling thread. Defaults to the number of online processors.
  public var threads: Int

  /// Customers simulated per job: large enough to amortize scheduling,
  /// small enough to balance two cores.
  static let blockSize = 8192
  /// Rows formatted per job before their bytes are written.
  static let rowsPerChunk = 131_072

  /// A simulator for `parameters`.
  ///
  /// - Throws: ``SimulationError/invalidParameter(name:value:reason:)``
  ///   when a parameter is out of range.
  public init(_ parameters: SimulationParameters, threads: Int? = nil) throws(SimulationError) {
    try parameters.validate()
    self.parameters = parameters
    self.threads = max(1, threads ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }

  /// Simulates and writes the four files into `directory`, which must exist.
  ///
  /// Each file is written to a temporary name and renamed into place.
  ///
  /// - Returns: the row counts.
  /// - Throws: ``SimulationError/cannotWrite(path:reason:)`` naming the file.
  @discardableResult
  public func write(to directory: String) throws(SimulationError) -> SimulationSummary {
    let model = SimulationModel(parameters)
    let customerCount = parameters.customers
    let blockCount = (customerCount + Self.blockSize - 1) / Self.blockSize
    var blocks = runIndexed(blockCount, threads: threads) { block in
      var simulator = CustomerSimulator(model: model)
      let start = block * Self.blockSize
      return simulator.simulate(start..<min(start + Self.blockSize, customerCount))
    }
    let folder = directory.hasSuffix("/") ? directory : directory + "/"
    let formatter = TableFormatter(model: model)
    var summary = SimulationSummary(
      customers: customerCount, transactionRows: 0, purchaseOrders: 0, refundOrders: 0, eventRows: 0,
      churnedCustomers: 0, files: [])
    for block in blocks {
      summary.purchaseOrders += block.purchaseOrders
      summary.refundOrders += block.refundOrders
      summary.churnedCustomers += block.customers.reduce(0) { $0 + ($1.churnDay >= 0 ? 1 : 0) }
    }

    // Customers and truth, block by block in customer order.
    let customerFiles: [(String, String, (Int, [SimulatedCustomer], inout CSVByteBuffer) -> Void)] = [
      ("customers.csv", TableFormatter.customersHeader, formatter.formatCustomers),
      ("truth.csv", TableFormatter.truthHeader, formatter.formatTruth),
    ]
    for (name, header, format) in customerFiles {
      try writeChunked(folder + name, header: header, chunkCount: blockCount) { block, buffer in
        format(block * Self.blockSize, blocks[block].customers, &buffer)
      }
      summary.files.append(folder + name)
    }

    // Transactions in date order; order ids are numbered in that order.
    var transactionParts = blocks.indices.map { index in
      defer { blocks[index].transactions = [] }
      return blocks[index].transactions
    }
    let transactions = sortedByDay(&transactionParts, dayCount: model.dayCount) { $0.day }
    summary.transactionRows = transactions.count
    let chunkCount = (transactions.count + Self.rowsPerChunk - 1) / Self.rowsPerChunk
    var firstOrderNumber = [Int](repeating: 0, count: chunkCount + 1)
    var ordersSoFar = 0
    for chunk in 0..<chunkCount {
      firstOrderNumber[chunk] = ordersSoFar + 1
      for row in chunk * Self.rowsPerChunk..<min((chunk + 1) * Self.rowsPerChunk, transactions.count)
      where transactions[row].startsOrder {
        ordersSoFar += 1
      }
    }
    let orderFormatter = formatter.withOrderCount(ordersSoFar)
    try writeChunked(folder + "transactions.csv", header: TableFormatter.transactionsHeader, chunkCount: chunkCount) {
      chunk, buffer in
      let rows = chunk * Self.rowsPerChunk..<min((chunk + 1) * Self.rowsPerChunk, transactions.count)
      orderFormatter.formatTransactions(transactions[rows], firstOrderNumber: firstOrderNumber[chunk], into: &buffer)
    }
    summary.files.append(folder + "transactions.csv")

    var eventParts = blocks.indices.map { index in
      defer { blocks[index].events = [] }
      return blocks[index].events
    }
    let events = sortedByDay(&eventParts, dayCount: model.dayCount) { $0.day }
    summary.eventRows = events.count
    let eventChunks = (events.count + Self.rowsPerChunk - 1) / Self.rowsPerChunk
    try writeChunked(folder + "events.csv", header: TableFormatter.eventsHeader, chunkCount: eventChunks) {
      chunk, buffer in
      let rows = chunk * Self.rowsPerChunk..<min((chunk + 1) * Self.rowsPerChunk, events.count)
      formatter.formatEvents(events[rows], into: &buffer)
    }
    summary.files.append(folder + "events.csv")
    return summary
  }

  /// Writes `header`, then the bytes of chunks 0..<chunkCount in order.
  ///
  /// Chunks are formatted a few per thread at a time, then written in order,
  /// so memory stays bounded and the bytes do not depend on the threads.
  private func writeChunked(
    _ path: String, header: String, chunkCount: Int, _ format: (Int, inout CSVByteBuffer) -> Void
  ) throws(SimulationError) {
    let file = try AtomicOutputFile(path: path)
    try file.write(Array((header + "\n").utf8))
    let wave = max(1, threads * 2)
    var next = 0
    while next < chunkCount {
      let count = min(wave, chunkCount - next)
      let first = next
      let parts = runIndexed(count, threads: threads) { offset in
        var buffer = CSVByteBuffer(capacity: 1 << 20)
        format(first + offset, &buffer)
        return buffer.bytes
      }
      for part in parts { try file.write(part) }
      next += count
    }
    try file.commit()
  }
}
