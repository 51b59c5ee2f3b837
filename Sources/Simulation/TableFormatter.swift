import DataIngest

/// Formats simulated records as the data contract's CSV rows.
///
/// Everything textual is looked up in precomputed ``ByteTable``s (dates,
/// names), and every number is written from integers, so a row costs a few
/// copies and digit loops.
struct TableFormatter: Sendable {
  static let customersHeader = "customer_id,signup_date,gender,birth_year,province,city,source,member_tier"
  static let transactionsHeader = "order_id,customer_id,order_date,amount,quantity,category,channel,discount"
  static let eventsHeader = "customer_id,event_date,event_type,value"
  static let truthHeader =
    "customer_id,segment,dissatisfaction,price_sensitive,member,region_effect,purchase_rate,daily_hazard,churned,churn_date"

  let model: SimulationModel
  /// ISO dates of the period's days, by offset from the start.
  let dates: ByteTable
  let categories = ByteTable(SimulationVocabulary.categories)
  let channels = ByteTable(SimulationVocabulary.channels)
  let sources = ByteTable(SimulationVocabulary.sources)
  let tiers = ByteTable(SimulationVocabulary.memberTiers)
  let genders = ByteTable(SimulationVocabulary.genders)
  let eventTypes = ByteTable(SimulationVocabulary.eventTypes)
  let provinces: ByteTable
  let cities: ByteTable
  let segments: ByteTable
  /// `C0000001`: at least 7 digits, more when the customers need them.
  let customerIdWidth: Int
  /// `O000000001`: at least 9 digits.
  private(set) var orderIdWidth = 9

  init(model: SimulationModel) {
    self.model = model
    let start = model.parameters.startDay
    dates = ByteTable((0..<model.dayCount).map { DayNumber.isoString(start + Int32($0)) })
    provinces = ByteTable(model.parameters.provinces.map(\.name))
    cities = ByteTable(model.cityNames)
    segments = ByteTable(model.parameters.segments.map(\.name))
    customerIdWidth = max(7, String(model.parameters.customers).count)
  }

  /// The same formatter with order ids wide enough for `orderCount` orders.
  func withOrderCount(_ orderCount: Int) -> TableFormatter {
    var copy = self
    copy.orderIdWidth = max(9, String(orderCount).count)
    return copy
  }

  func formatCustomers(firstIndex: Int, _ customers: [SimulatedCustomer], into buffer: inout CSVByteBuffer) {
    for (offset, customer) in customers.enumerated() {
      appendCustomerId(firstIndex + offset, &buffer)
      buffer.append(comma)
      buffer.append(dates, Int(customer.signupDay))
      buffer.append(comma)
      buffer.append(genders, Int(customer.gender))
      buffer.append(comma)
      if customer.birthYear > 0 { buffer.appendZeroPadded(Int(customer.birthYear), width: 4) }
      buffer.append(comma)
      buffer.append(provinces, Int(customer.province))
      buffer.append(comma)
      buffer.append(cities, Int(customer.city))
      buffer.append(comma)
      buffer.append(sources, Int(customer.source))
      buffer.append(comma)
      buffer.append(tiers, Int(customer.tier))
      buffer.append(newline)
    }
  }

  func formatTruth(firstIndex: Int, _ customers: [SimulatedCustomer], into buffer: inout CSVByteBuffer) {
    let effects = model.parameters.effects
    for (offset, customer) in customers.enumerated() {
      appendCustomerId(firstIndex + offset, &buffer)
      buffer.append(comma)
      buffer.append(segments, Int(customer.segment))
      buffer.append(comma)
      buffer.appendFixed(customer.dissatisfaction, decimals: 4)
      buffer.append(comma)
      buffer.append(customer.isPriceSensitive ? one : zero)
      buffer.append(comma)
      buffer.append(customer.tier > 0 ? one : zero)
      buffer.append(comma)
      buffer.appendFixed(
        effects.regionalScale * model.parameters.provinces[Int(customer.province)].hazardEffect, decimals: 4)
      buffer.append(comma)
      buffer.appendFixed(customer.purchaseRate, decimals: 6)
      buffer.append(comma)
      buffer.appendFixed(customer.hazard, decimals: 8)
      buffer.append(comma)
      buffer.append(customer.churnDay >= 0 ? one : zero)
      buffer.append(comma)
      if customer.churnDay >= 0 { buffer.append(dates, Int(customer.churnDay)) }
      buffer.append(newline)
    }
  }

  /// Rows in date order; an order id advances on each row that starts an
  /// order, beginning at `firstOrderNumber`.
  func formatTransactions(
    _ rows: ArraySlice<TransactionRecord>, firstOrderNumber: Int, into buffer: inout CSVByteBuffer
  ) {
    var order = firstOrderNumber - 1
    for row in rows {
      if row.startsOrder { order += 1 }
      buffer.append(UInt8(ascii: "O"))
      buffer.appendZeroPadded(order, width: orderIdWidth)
      buffer.append(comma)
      appendCustomerId(Int(row.customer), &buffer)
      buffer.append(comma)
      buffer.append(dates, Int(row.day))
      buffer.append(comma)
      buffer.appendCents(Int(row.cents))
      buffer.append(comma)
      buffer.appendInteger(Int(row.quantity))
      buffer.append(comma)
      buffer.append(categories, Int(row.category))
      buffer.append(comma)
      buffer.append(channels, Int(row.channel))
      buffer.append(comma)
      if row.discountCents > 0 { buffer.appendCents(Int(row.discountCents)) } else { buffer.append(zero) }
      buffer.append(newline)
    }
  }

  func formatEvents(_ rows: ArraySlice<EventRecord>, into buffer: inout CSVByteBuffer) {
    for row in rows {
      appendCustomerId(Int(row.customer), &buffer)
      buffer.append(comma)
      buffer.append(dates, Int(row.day))
      buffer.append(comma)
      buffer.append(eventTypes, Int(row.kind))
      buffer.append(comma)
      if row.value > 0 { buffer.appendZeroPadded(Int(row.value), width: 1) }
      buffer.append(newline)
    }
  }

  @inline(__always)
  private func appendCustomerId(_ index: Int, _ buffer: inout CSVByteBuffer) {
    buffer.append(UInt8(ascii: "C"))
    buffer.appendZeroPadded(index + 1, width: customerIdWidth)
  }

  private var comma: UInt8 { UInt8(ascii: ",") }
  private var newline: UInt8 { UInt8(ascii: "\n") }
  private var zero: UInt8 { UInt8(ascii: "0") }
  private var one: UInt8 { UInt8(ascii: "1") }
}
