import CMemory
import DataIngest
import Dispatch
import Models

/// The transactions grouped into orders once, the orders of each customer
/// side by side: what the features of several days are built from, a
/// customer at a time, instead of grouping the rows again for every window.
///
/// The data contract groups rows into orders after the window's date filter.
/// One grouping serves every window when each order's rows are consecutive
/// in the table (so orders, numbered in order of appearance, come one after
/// another) and no order has rows on both sides of a window edge: then the
/// orders inside a window are exactly those the filtered grouping makes,
/// with the same sums, and a customer's orders come in the same order.
/// ``init(_:customers:edges:parts:)`` returns `nil` when that does not hold.
struct CustomerOrders: Sendable {
  /// One order: day and amount as ``OrderTable`` has them, with its discount
  /// and categories as bits of ``tags``.
  struct Order: Sendable {
    var amount: Double
    var day: Int32
    /// ``discounted`` when the rows' discounts sum to more than 0; bit
    /// `k + 1` when a row has category code `k`.
    var tags: UInt32
  }

  static let discounted: UInt32 = 1
  /// Category codes that fit beside the discount bit in ``Order/tags``.
  static let categoryLimit = 31

  /// The orders of customer `c` are `orders[start[c]..<start[c + 1]]`, in the order of their index.
  let start: [Int]
  let orders: [Order]
  /// The first and the last transaction day; `nil` without transactions.
  let days: ClosedRange<Int32>?

  /// Groups the rows of `tx` into orders, `parts` stretches of rows at a time.
  ///
  /// - Parameter edges: the first days of the windows the orders will serve
  ///   and the days after them.
  /// - Returns: `nil` when an order's rows are not consecutive, an order has
  ///   rows on both sides of an edge, there are more categories than
  ///   ``categoryLimit``, or no rows.
  init?(_ tx: TransactionTable, customers n: Int, edges: [Int32], parts: Int) {
    guard tx.count > 0, tx.count < Int32.max, (tx.category?.levels.count ?? 0) <= Self.categoryLimit else { return nil }
    let runs = Runs(tx)
    let bounds = runs.partBounds(parts)
    // Orders per customer in each part: the parts' counts become where each part writes.
    var counts = [Int32](repeating: 0, count: parts * n)
    let scans = ConcurrentSlots(repeating: PartScan(), count: parts)
    counts.withUnsafeMutableBufferPointer { counts in
      let counts = SharedPointer(counts.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: parts) { p in
        scans[p] = runs.count(bounds[p]..<bounds[p + 1], edges: edges, into: SharedPointer(counts.base + p * n))
      }
    }
    var previousLast: Int32? = nil
    for p in 0..<parts {
      guard scans[p].consecutive else { return nil }
      guard scans[p].runs > 0 else { continue }
      guard previousLast.map({ scans[p].firstOrder == $0 + 1 }) ?? true else { return nil }
      previousLast = scans[p].lastOrder
    }
    let first = (0..<parts).map { scans[$0].firstDay }.min() ?? .max
    let last = (0..<parts).map { scans[$0].lastDay }.max() ?? .min
    days = first <= last ? first...last : nil

    var start = [Int](repeating: 0, count: n + 1)
    counts.withUnsafeMutableBufferPointer { counts in
      for c in 0..<n {
        var position = start[c]
        for p in 0..<parts {
          let k = Int(counts[p * n + c])
          counts[p * n + c] = Int32(position)
          position += k
        }
        start[c + 1] = position
      }
    }
    let total = start[n]
    orders = [Order](unsafeUninitializedCapacity: max(total, 1)) { orders, initialized in
      let orders = SharedPointer(orders.baseAddress!)
      counts.withUnsafeMutableBufferPointer { positions in
        let positions = SharedPointer(positions.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: parts) { p in
          runs.scatter(bounds[p]..<bounds[p + 1], positions: SharedPointer(positions.base + p * n), into: orders)
        }
      }
      initialized = total
    }
    self.start = start
  }

  /// Customer ranges of about equal numbers of orders, as `parts + 1` bounds.
  func customerBounds(_ parts: Int) -> [Int] {
    let n = start.count - 1
    return (0..<parts).map { p in start.firstIndex(atLeast: start[n] * p / parts) } + [n]
  }
}

extension Array where Element: Comparable {
  /// The first index whose element is at least `value`, in a sorted array (binary search).
  func firstIndex(atLeast value: Element) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

/// What counting the orders of a stretch of rows found.
private struct PartScan {
  var runs = 0
  var firstOrder: Int32 = -1
  var lastOrder: Int32 = -1
  /// Whether the order indexes of the runs go up by one (so no order has two runs)
  /// and no run has rows on both sides of an edge.
  var consecutive = true
  var firstDay = Int32.max
  var lastDay = Int32.min
}

/// The rows of a transactions table as runs: consecutive rows of one
/// customer with one order index (each row its own run without `order_id`).
private struct Runs: Sendable {
  let customer: [Int32]
  /// Empty without `order_id`.
  let order: [Int32]
  let day: [Int32]
  let amount: [Double]
  /// Empty without a discount column.
  let discount: [Double]
  /// Empty without a category column.
  let category: [Int32]
  /// Rows ahead whose customer's cache lines are fetched while this row's are used.
  private static let ahead = 16

  init(_ tx: TransactionTable) {
    customer = tx.customer
    order = tx.order ?? []
    day = tx.day
    amount = tx.amount
    discount = tx.discount ?? []
    category = tx.category?.codes ?? []
  }

  @inline(__always) func order(_ row: Int) -> Int32 {
    order.isEmpty ? Int32(truncatingIfNeeded: row) : order[row]
  }

  /// The end of the run that starts at `row`, at most `end`.
  @inline(__always) func runEnd(_ row: Int, before end: Int) -> Int {
    guard !order.isEmpty else { return row + 1 }
    var next = row + 1
    while next < end, order[next] == order[row], customer[next] == customer[row] { next += 1 }
    return next
  }

  /// `parts + 1` row bounds, each at the start of a run.
  func partBounds(_ parts: Int) -> [Int] {
    var bounds = [0]
    for p in 1..<parts {
      var row = max(customer.count * p / parts, bounds[p - 1])
      while row > 0, row < customer.count, runEnd(row - 1, before: row + 1) > row { row += 1 }
      bounds.append(row)
    }
    bounds.append(customer.count)
    return bounds
  }

  /// Counts the runs of `rows` per customer into `counts` and checks them.
  func count(_ rows: Range<Int>, edges: [Int32], into counts: SharedPointer<Int32>) -> PartScan {
    var scan = PartScan()
    var row = rows.lowerBound
    while row < rows.upperBound {
      if row + Self.ahead < rows.upperBound { analyze_prefetch(counts.base + Int(customer[row + Self.ahead])) }
      let end = runEnd(row, before: rows.upperBound)
      var first = day[row]
      var last = first
      for r in (row + 1)..<end {
        first = min(first, day[r])
        last = max(last, day[r])
      }
      let order = order(row)
      if scan.runs > 0, order != scan.lastOrder &+ 1 { scan.consecutive = false }
      if first != last, edges.contains(where: { first < $0 && $0 <= last }) { scan.consecutive = false }
      guard scan.consecutive else { return scan }
      if scan.runs == 0 { scan.firstOrder = order }
      scan.lastOrder = order
      scan.runs += 1
      scan.firstDay = min(scan.firstDay, first)
      scan.lastDay = max(scan.lastDay, last)
      counts[Int(customer[row])] += 1
      row = end
    }
    return scan
  }

  /// Writes each run of `rows` as an order at its customer's next position.
  func scatter(
    _ rows: Range<Int>, positions: SharedPointer<Int32>, into orders: SharedPointer<CustomerOrders.Order>
  ) {
    let hasDiscount = !discount.isEmpty
    let hasCategory = !category.isEmpty
    var row = rows.lowerBound
    while row < rows.upperBound {
      // A customer's next position, then the order it points to, fetched before they are needed.
      if row + 2 * Self.ahead < rows.upperBound {
        analyze_prefetch(positions.base + Int(customer[row + 2 * Self.ahead]))
      }
      if row + Self.ahead < rows.upperBound {
        analyze_prefetch(orders.base + Int(positions[Int(customer[row + Self.ahead])]))
      }
      let end = runEnd(row, before: rows.upperBound)
      var first = Int32.max
      // As OrderTable sums them, so amounts and the discount test come out the same.
      var sum = 0.0
      var compensation = 0.0
      var discountSum = 0.0
      var tags: UInt32 = 0
      for r in row..<end {
        first = min(first, day[r])
        NeumaierSum.add(amount[r], to: &sum, &compensation)
        if hasDiscount, !discount[r].isNaN { discountSum += discount[r] }
        if hasCategory, category[r] >= 0 { tags |= 2 << UInt32(category[r]) }
      }
      if discountSum > 0 { tags |= CustomerOrders.discounted }
      let c = Int(customer[row])
      orders[Int(positions[c])] = CustomerOrders.Order(amount: sum + compensation, day: first, tags: tags)
      positions[c] += 1
      row = end
    }
  }
}
