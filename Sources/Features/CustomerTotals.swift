import DataIngest

/// One customer's sums over the orders before T, side by side in memory:
/// orders come in date order and customers at random, and two cache lines
/// a customer beat one for each of eleven columns.
struct CustomerTotals {
  // Money sums are compensated, so totals of cents come out as the nearest double to the exact sum.
  var monetary = NeumaierSum()
  var purchased = NeumaierSum()
  var spend90 = NeumaierSum()
  var spend365 = NeumaierSum()
  var frequency = 0.0
  var orders90 = 0.0
  var refunds = 0.0
  var discounted = 0.0
  var first = Int32.max
  var last = Int32.min
  var ordered = false

  /// Counts one order: all of it in the totals, a purchase (amount > 0) in the purchase counts, else a refund.
  @inline(__always) mutating func add(amount: Double, day: Int32, recent: Bool, inYear: Bool, discounted isDiscounted: Bool) {
    ordered = true
    monetary.add(amount)
    if recent { spend90.add(amount) }
    if inYear { spend365.add(amount) }
    if amount > 0 {
      frequency += 1
      purchased.add(amount)
      if day < first { first = day }
      if day > last { last = day }
      if recent { orders90 += 1 }
      if isDiscounted { discounted += 1 }
    } else {
      refunds += 1
    }
  }
}
