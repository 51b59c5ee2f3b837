/// The output of simulating a contiguous range of customers, in customer
/// order, with each customer's rows in date order.
struct SimulationBlock {
  var customers: [SimulatedCustomer] = []
  var transactions: [TransactionRecord] = []
  var events: [EventRecord] = []
  var purchaseOrders = 0
  var refundOrders = 0
}
