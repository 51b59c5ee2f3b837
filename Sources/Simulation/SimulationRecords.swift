/// One simulated customer: the attributes written to customers.csv and the
/// latent truth written to truth.csv. Days are offsets from the start day.
struct SimulatedCustomer {
  /// Expected purchases per day (the customer's own Poisson rate).
  var purchaseRate: Double
  /// Daily churn hazard.
  var hazard: Double
  /// Latent dissatisfaction, standard normal.
  var dissatisfaction: Double
  var signupDay: Int32
  /// Day of churning, or -1 when the customer is still active at the end.
  var churnDay: Int32
  /// 0 when missing.
  var birthYear: Int16
  /// Index into the flattened city list of ``SimulationModel``.
  var city: UInt16
  var segment: UInt8
  var province: UInt8
  var gender: UInt8
  var source: UInt8
  /// Index into ``SimulationVocabulary/memberTiers``; 0 is `none`.
  var tier: UInt8
  var isPriceSensitive: Bool
}

/// One row of transactions.csv before it is numbered and formatted.
///
/// Kept to 24 bytes because the simulator holds every row in memory to sort
/// them by date (10 million rows per million customers).
struct TransactionRecord {
  var customer: Int32
  var day: Int32
  /// Amount in cents (negative for refunds).
  var cents: Int32
  var discountCents: Int32
  /// Units (negative for refunds).
  var quantity: Int16
  var category: UInt8
  var channel: UInt8
  /// The first row of an order: order ids advance here.
  var startsOrder: Bool
}

/// One row of events.csv before it is formatted.
struct EventRecord {
  var customer: Int32
  var day: Int32
  /// Index into ``SimulationVocabulary/eventTypes``.
  var kind: UInt8
  /// Pages, severity or rating; 0 means an empty value.
  var value: UInt8
}

/// The output of simulating a contiguous range of customers, in customer
/// order, with each customer's rows in date order.
struct SimulationBlock {
  var customers: [SimulatedCustomer] = []
  var transactions: [TransactionRecord] = []
  var events: [EventRecord] = []
  var purchaseOrders = 0
  var refundOrders = 0
}
