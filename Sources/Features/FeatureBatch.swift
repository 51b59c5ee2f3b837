import DataIngest
import Dispatch
import Foundation
import Models

extension FeatureBuilder {
  /// What `builders.map { try $0.build(history) }` returns, built together:
  /// the rows are grouped into orders once for every day (see
  /// ``CustomerOrders``, or one day at a time when that grouping does not
  /// serve), and the customers are shared out between the processor's cores.
  ///
  /// ```swift
  /// let t = DayNumber.day(year: 2025, month: 7, day: 1)!
  /// let (fitting, scoring) = try FeatureBuilder.build([.init(asOf: t - 90, horizon: 90), .init(asOf: t)], history)
  /// ```
  ///
  /// - Throws: what the first of the builders that fails would throw from ``build(_:)``.
  public static func build(_ builders: [FeatureBuilder], _ history: PurchaseHistory) throws(FeatureError) -> [CustomerFeatures] {
    let parts = max(1, ProcessInfo.processInfo.activeProcessorCount)
    guard !builders.isEmpty, let features = try FeatureBatch(builders, history, parts: parts).build() else {
      return try builders.map { builder throws(FeatureError) in try builder.labelled(builder.unlabelled(history), history) }
    }
    return features
  }
}

/// The features of several days built from one ``CustomerOrders``.
private struct FeatureBatch {
  let builders: [FeatureBuilder]
  let history: PurchaseHistory
  let parts: Int

  init(_ builders: [FeatureBuilder], _ history: PurchaseHistory, parts: Int) {
    self.builders = builders
    self.history = history
    self.parts = parts
  }

  /// One day's rows and labels.
  private struct Day {
    var rows: FeatureRows
    var customer: [Int32] = []
    var hasOrders: [Bool] = []
    /// The end of the label window, when there are labels.
    var labelEnd: Int32
    /// The buyers the purchase label counts, when a filter narrows it.
    var buyers: [Bool]?
  }

  /// `nil` when ``CustomerOrders`` cannot serve these days.
  func build() throws(FeatureError) -> [CustomerFeatures]? {
    let tx = history.transactions
    let n = history.customerIDs.count
    let edges = builders.flatMap { b in [b.asOf] + (b.horizon.map { [b.asOf + Int32(truncatingIfNeeded: $0)] } ?? []) }
    // Optional, so the orders can go before the event counts are made.
    var grouped = CustomerOrders(tx, customers: n, edges: edges, parts: parts)
    guard grouped != nil else { return nil }
    let span = grouped!.days
    var days: [Day] = []
    // The checks in the order the builders would make them, one after another.
    for builder in builders {
      let t = builder.asOf
      if let first = span?.lowerBound, first >= t {
        throw .noDataBefore(asOf: DayNumber.isoString(t), firstDay: DayNumber.isoString(first))
      }
      let hasLabels = builder.labelsAreComplete(lastDay: span?.upperBound)
      let labelEnd = t + Int32(truncatingIfNeeded: builder.horizon ?? 0)
      let buyers = try builder.purchaseFilter.flatMap { filter throws(FeatureError) in
        hasLabels ? try filter.buyers(tx, window: OrderTable(tx, days: t..<labelEnd), customers: n) : nil
      }
      let rows = FeatureRows(
        asOf: t, hasCategories: tx.category != nil, hasDiscount: tx.discount != nil, hasLabels: hasLabels)
      days.append(Day(rows: rows, labelEnd: hasLabels ? labelEnd : .min, buyers: buyers))
    }

    let bounds = grouped!.customerBounds(parts)
    do {
      let known = knownCustomers(grouped!, bounds: bounds, days: days.map(\.rows.asOf))
      for d in days.indices {
        days[d].customer = (0..<parts).flatMap { known[$0][d].customer }
        days[d].hasOrders = (0..<parts).flatMap { known[$0][d].hasOrders }
      }
    }
    let lengths = days.map { $0.rows.lengths(rows: $0.customer.count) }
    let columns = makeColumns(lengths.flatMap { $0 }) { pointers in
      var offset = 0
      for d in days.indices {
        days[d].rows.columns = Array(pointers[offset..<(offset + lengths[d].count)])
        offset += lengths[d].count
      }
      let orders = grouped!
      let days = days
      DispatchQueue.concurrentPerform(iterations: parts) { p in
        write(orders, customers: bounds[p]..<bounds[p + 1], days)
      }
    }
    grouped = nil
    let events = eventColumns(days)
    var offset = 0
    return days.indices.map { d in
      defer { offset += lengths[d].count }
      let day = days[d]
      return day.rows.features(
        columns[offset..<(offset + lengths[d].count)], horizon: builders[d].horizon, customer: day.customer,
        hasOrders: day.hasOrders, events: events[d].all, recentEvents: events[d].recent)
    }
  }

  /// The customers known before each of `days` in each range of `bounds`: with an order
  /// before it, or listed in the customers table without a signup date or with one before it.
  private func knownCustomers(
    _ grouped: CustomerOrders, bounds: [Int], days: [Int32]
  ) -> ConcurrentSlots<[(customer: [Int32], hasOrders: [Bool])]> {
    let signup = FeatureBuilder.signupDays(history)
    let known = ConcurrentSlots(repeating: days.map { _ in (customer: [Int32](), hasOrders: [Bool]()) }, count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { p in
      known.update(p) { known in
        for c in bounds[p]..<bounds[p + 1] {
          var first = Int32.max
          for o in grouped.start[c]..<grouped.start[c + 1] { first = min(first, grouped.orders[o].day) }
          for (d, t) in days.enumerated() where first < t || FeatureBuilder.isListed(signup[c], before: t) {
            known[d].customer.append(Int32(c))
            known[d].hasOrders.append(first < t)
          }
        }
      }
    }
    return known
  }

  /// Writes the rows of the customers in `customers`, for every day.
  private func write(_ grouped: CustomerOrders, customers: Range<Int>, _ days: [Day]) {
    var next = days.map { $0.customer.firstIndex(atLeast: Int32(customers.lowerBound)) }
    grouped.orders.withUnsafeBufferPointer { orders in
      for c in customers {
        let mine = orders[grouped.start[c]..<grouped.start[c + 1]]
        for d in days.indices {
          let row = next[d]
          guard row < days[d].customer.count, days[d].customer[row] == Int32(c) else { continue }
          next[d] += 1
          let t = days[d].rows.asOf
          let from90 = t - 90
          let from365 = t - 365
          let labelEnd = days[d].labelEnd
          var totals = CustomerTotals()
          var tags: UInt32 = 0
          var bought = false
          for order in mine {
            if order.day < t {
              totals.add(
                amount: order.amount, day: order.day, recent: order.day >= from90, inYear: order.day >= from365,
                discounted: order.tags & CustomerOrders.discounted != 0)
              if order.amount > 0 { tags |= order.tags }
            } else if order.day < labelEnd, order.amount > 0 {
              bought = true
            }
          }
          days[d].rows.write(
            totals, distinctCategories: Double((tags >> 1).nonzeroBitCount), bought: bought,
            purchased: days[d].buyers?[c] ?? bought, at: row)
        }
      }
    }
  }

  /// Where each event is counted (see ``eventColumns(_:)``), grouped by range of customers: the keys
  /// of range r are `keys[start[r]..<start[r + 1]]`, each the index of its count among the range's.
  /// Events of no type or on or after the last edge are left out.
  private func countKeys(
    _ events: EventTable, bounds: [Int], edges: [Int32], types typeCount: Int
  ) -> (start: [Int], keys: [UInt32]) {
    let ranges = bounds.count - 1
    let n = bounds[ranges]
    @Sendable @inline(__always) func place(_ row: Int) -> (range: Int, key: UInt32)? {
      let type = events.type.codes[row]
      let day = events.day[row]
      var stretch = 0
      while stretch < edges.count, edges[stretch] <= day { stretch += 1 }
      guard type >= 0, stretch < edges.count else { return nil }
      let c = Int(events.customer[row])
      let range = c * ranges / n
      let key = ((c - bounds[range]) * typeCount + Int(type)) * edges.count + stretch
      return (range, UInt32(key))
    }
    // Each part of the rows counts its keys per range, then writes them after the earlier parts' of the range.
    let rows = (0...parts).map { events.count * $0 / parts }
    let next = ConcurrentSlots(repeating: [Int](repeating: 0, count: ranges), count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { p in
      next.update(p) { counts in
        for row in rows[p]..<rows[p + 1] { if let (range, _) = place(row) { counts[range] += 1 } }
      }
    }
    var start = [0]
    for r in 0..<ranges {
      var position = start[r]
      for p in 0..<parts {
        next.update(p) { counts in
          let count = counts[r]
          counts[r] = position
          position += count
        }
      }
      start.append(position)
    }
    let keys = [UInt32](unsafeUninitializedCapacity: max(start[ranges], 1)) { keys, initialized in
      let keys = SharedPointer(keys.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: parts) { p in
        next.update(p) { next in
          for row in rows[p]..<rows[p + 1] {
            guard let (range, key) = place(row) else { continue }
            keys[next[range]] = key
            next[range] += 1
          }
        }
      }
      initialized = start[ranges]
    }
    return (start, keys)
  }

  /// The event counts of each day: before it, and in the 90 days before it.
  private func eventColumns(_ days: [Day]) -> [(all: [(type: String, counts: [Double])], recent: [(type: String, counts: [Double])])] {
    guard let events = history.events else { return days.map { _ in ([], []) } }
    let types = events.type.levels.indices.sorted { events.type.levels[$0] < events.type.levels[$1] }
    // Counts per customer, type and stretch between consecutive edges: every day's columns are sums of stretches.
    let edges = Array(Set(days.flatMap { [$0.rows.asOf - 90, $0.rows.asOf] })).sorted()
    let stretches = edges.count
    let typeCount = events.type.levels.count
    let n = history.customerIDs.count
    // Many more ranges than cores, so the counts of a range fit in a core's cache, and few enough
    // customers in each that its count indexes fit in 32 bits. Range r holds the customers c with c * ranges / n = r.
    let ranges = max(16 * parts, (n * typeCount * stretches) >> 30 + 1)
    let bounds = (0...ranges).map { (n * $0 + ranges - 1) / ranges }
    let (start, keys) = countKeys(events, bounds: bounds, edges: edges, types: typeCount)
    let lengths = days.flatMap { day in [Int](repeating: day.customer.count, count: 2 * typeCount) }
    let columns = makeColumns(lengths) { pointers in
      let pointers = pointers.map(SharedPointer.init)
      DispatchQueue.concurrentPerform(iterations: ranges) { r in
        let customers = bounds[r]..<bounds[r + 1]
        var counts = [UInt32](repeating: 0, count: customers.count * typeCount * stretches)
        for k in start[r]..<start[r + 1] { counts[Int(keys[k])] += 1 }
        var offset = 0
        for day in days {
          let before = edges.firstIndex(of: day.rows.asOf)!
          let from90 = edges.firstIndex(of: day.rows.asOf - 90)!
          var row = day.customer.firstIndex(atLeast: Int32(customers.lowerBound))
          while row < day.customer.count, Int(day.customer[row]) < customers.upperBound {
            let base = (Int(day.customer[row]) - customers.lowerBound) * typeCount
            for (k, type) in types.enumerated() {
              let stretch = (base + type) * stretches
              var all: UInt32 = 0
              var recent: UInt32 = 0
              for s in 0...before {
                all += counts[stretch + s]
                if s > from90 { recent += counts[stretch + s] }
              }
              pointers[offset + k][row] = Double(all)
              pointers[offset + typeCount + k][row] = Double(recent)
            }
            row += 1
          }
          offset += 2 * typeCount
        }
      }
    }
    var offset = 0
    return days.map { _ in
      defer { offset += 2 * typeCount }
      let names = types.map { events.type.levels[$0] }
      return (
        Array(zip(names, columns[offset..<(offset + typeCount)])),
        Array(zip(names, columns[(offset + typeCount)..<(offset + 2 * typeCount)]))
      )
    }
  }
}


