import Randomness
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The per-customer kernel: draws one customer's attributes, latent drivers,
/// orders, refunds and events from that customer's own random stream.
///
/// Assumes a validated ``SimulationModel``. One simulator per thread: it
/// keeps scratch arrays between customers so the inner loop does not
/// allocate.
struct CustomerSimulator {
  let model: SimulationModel
  private var orders: [PendingOrder] = []
  private var rows: [TransactionRecord] = []
  private var events: [EventRecord] = []

  /// An order waiting to be put in date order with the customer's others.
  private struct PendingOrder {
    var day: Int32
    var sequence: Int32
    var firstRow: Int32
    var rowCount: Int32
  }

  /// What the order generator needs to know about the customer.
  private struct Buyer {
    var index: Int32
    var segment: Int
    var priceSensitive: Bool
    var favouriteChannel: UInt8
    var favouriteCategory: UInt8
    var refundProbability: Double
  }

  // Shares of orders with 1, 2 and 3 rows: 78%, 17%, 5%.
  private static let twoRowThreshold = 0.78
  private static let threeRowThreshold = 0.95
  /// Customers mostly stay with one channel and keep returning to one category.
  private static let favouriteChannelShare = 0.6
  private static let favouriteCategoryShare = 0.35
  /// Baseline rates of the events not tied to dissatisfaction, per active day.
  private static let visitsPerPurchase = 0.8
  private static let visitsPerDay = 0.004
  private static let inquiriesPerDay = 0.0015
  private static let praisePerDay = 0.0008
  /// Cumulative shares of silver, gold and platinum among members, for
  /// segments where most customers are members and for the others.
  private static let highTiers = [0.35, 0.75, 1.0]
  private static let lowTiers = [0.6, 0.9, 1.0]
  /// Shape of the Gamma spread of purchase rates within a segment.
  static let rateSpreadShape = 5.0
  /// Orders above this are clamped, keeping cents within Int32.
  private static let maximumOrderCents = 50_000_000.0

  init(model: SimulationModel) {
    self.model = model
  }

  /// Simulates customers `range` (0-based indices) in order.
  mutating func simulate(_ range: Range<Int>) -> SimulationBlock {
    var block = SimulationBlock()
    block.customers.reserveCapacity(range.count)
    block.transactions.reserveCapacity(range.count * 12)
    block.events.reserveCapacity(range.count * 6)
    for index in range { simulate(customer: index, into: &block) }
    return block
  }

  /// Appends customer `index` (its record, its rows in date order, its
  /// events in date order) to `block`.
  mutating func simulate(customer index: Int, into block: inout SimulationBlock) {
    let parameters = model.parameters
    let effects = parameters.effects
    var rng = Xoshiro256StarStar(seed: SeedSequence.substream(seed: parameters.seed, stream: 1, index: index))

    // Who the customer is.
    let signup = model.signupTime(index: index, count: parameters.customers, u: rng.nextUnit())
    let segment = rng.nextIndex(cumulative: model.segmentCumulative)
    let profile = parameters.segments[segment]
    let dissatisfaction = rng.nextNormal()
    let priceSensitive = rng.nextBernoulli(profile.priceSensitiveShare)
    let member = rng.nextBernoulli(profile.memberShare)
    // Segments where membership is common also hold the higher tiers.
    let tier = member ? 1 + rng.nextIndex(cumulative: profile.memberShare >= 0.5 ? Self.highTiers : Self.lowTiers) : 0
    let province = rng.nextIndex(cumulative: model.provinceCumulative)
    let cityCount = parameters.provinces[province].cities.count
    let cityOffset = cityCount == 1 || rng.nextBernoulli(0.5) ? 0 : 1 + Int(rng.nextUnit() * Double(cityCount - 1))
    let gender = rng.nextIndex(cumulative: model.genderCumulative)
    let birthMissing = rng.nextBernoulli(0.03)
    let age = rng.nextNormal(mean: 33, standardDeviation: 9)
    let birthYear = min(max(model.startYear - Int(age.rounded()), model.startYear - 80), model.latestBirthYear)
    let source = rng.nextIndex(cumulative: model.sourceCumulative)

    // When the customer leaves: an exponential time with the hazard of the
    // latent drivers (see LatentEffects).
    let logHazardShift =
      effects.hazardPerDissatisfaction * dissatisfaction
      + (priceSensitive ? effects.hazardPriceSensitive : 0) + (member ? effects.hazardMember : 0)
      + effects.regionalScale * parameters.provinces[province].hazardEffect
    let hazard = profile.baseHazard * exp(logHazardShift)
    let churnTime = hazard > 0 ? signup + rng.nextExponential(mean: 1 / hazard) : .infinity
    let end = Double(model.dayCount)
    let churned = churnTime < end
    let stop = min(churnTime, end)
    // Each customer's own rate: the segment's times a Gamma(5, 1/5) spread
    // of mean 1 (±45%, one sd): segments differ by multiples, and the spread
    // within one stays smaller than the gaps between them, so the segments
    // are there to be found. Dissatisfied customers buy a little less.
    let purchaseRate =
      profile.purchasesPerDay * rng.nextGamma(shape: Self.rateSpreadShape, scale: 1 / Self.rateSpreadShape)
      * exp(-0.2 * dissatisfaction)

    let buyer = Buyer(
      index: Int32(index), segment: segment, priceSensitive: priceSensitive,
      favouriteChannel: UInt8(rng.nextIndex(cumulative: model.channelCumulative[segment])),
      favouriteCategory: UInt8(rng.nextIndex(cumulative: model.categoryCumulative[segment])),
      refundProbability: min(1, effects.refundProbability * exp(0.3 * dissatisfaction)))

    // Orders: a welcome order soon after signup, then a Poisson process
    // modulated by the festival calendar (thinning: candidates at the peak
    // rate, each kept with probability season[day] / peak).
    orders.removeAll(keepingCapacity: true)
    rows.removeAll(keepingCapacity: true)
    if rng.nextBernoulli(profile.welcomeProbability) {
      let time = signup + rng.nextExponential(mean: 2)
      if time < stop { addOrder(day: Int32(time), buyer, &rng, &block) }
    }
    if purchaseRate > 0 {
      let baseRate = purchaseRate / model.seasonMean
      let candidateMean = 1 / (baseRate * model.seasonMaximum)
      var time = signup
      while true {
        time += rng.nextExponential(mean: candidateMean)
        if time >= stop { break }
        if rng.nextUnit() * model.seasonMaximum < model.season[Int(time)] {
          addOrder(day: Int32(time), buyer, &rng, &block)
        }
      }
    }
    // Refunds come days after their order, so put the orders in date order.
    orders.sort { ($0.day, $0.sequence) < ($1.day, $1.sequence) }
    for order in orders {
      let first = Int(order.firstRow)
      block.transactions.append(contentsOf: rows[first..<first + Int(order.rowCount)])
    }

    // Events while active, and the complaints that announce churn.
    events.removeAll(keepingCapacity: true)
    let customer = Int32(index)
    addEvents(0, rate: Self.visitsPerPurchase * purchaseRate + Self.visitsPerDay, signup, stop, customer, dissatisfaction, &rng)
    addEvents(
      1, rate: effects.complaintsPerDay * exp(effects.complaintPerDissatisfaction * dissatisfaction),
      signup, stop, customer, dissatisfaction, &rng)
    addEvents(2, rate: Self.inquiriesPerDay, signup, stop, customer, dissatisfaction, &rng)
    addEvents(3, rate: Self.praisePerDay * exp(-0.8 * dissatisfaction), signup, stop, customer, dissatisfaction, &rng)
    if churned && effects.preChurnComplaints > 0 && effects.preChurnDays > 0 {
      let count = rng.nextPoisson(mean: effects.preChurnComplaints * exp(0.5 * dissatisfaction))
      let from = max(signup, churnTime - effects.preChurnDays)
      for _ in 0..<count {
        let time = from + rng.nextUnit() * (churnTime - from)
        events.append(
          EventRecord(customer: customer, day: Int32(time), kind: 1, value: complaintSeverity(dissatisfaction, &rng)))
      }
    }
    events.sort { ($0.day, $0.kind, $0.value) < ($1.day, $1.kind, $1.value) }
    appendDistinctEvents(to: &block)

    block.customers.append(
      SimulatedCustomer(
        purchaseRate: purchaseRate, hazard: hazard, dissatisfaction: dissatisfaction, signupDay: Int32(signup),
        churnDay: churned ? Int32(churnTime) : -1, birthYear: birthMissing ? 0 : Int16(birthYear),
        city: UInt16(model.firstCity[province] + cityOffset), segment: UInt8(segment), province: UInt8(province),
        gender: UInt8(gender), source: UInt8(source), tier: UInt8(tier), isPriceSensitive: priceSensitive))
  }

  /// One purchase order of 1–3 rows (lognormal value split over the rows),
  /// and possibly its refund: a later order of one row that negates the
  /// first row.
  private mutating func addOrder(
    day: Int32, _ buyer: Buyer, _ rng: inout Xoshiro256StarStar, _ block: inout SimulationBlock
  ) {
    let parameters = model.parameters
    let profile = parameters.segments[buyer.segment]
    let u = rng.nextUnit()
    let rowCount = u < Self.twoRowThreshold ? 1 : u < Self.threeRowThreshold ? 2 : 3
    let value = rng.nextLogNormal(mu: model.logMedianOrderValue[buyer.segment], sigma: profile.orderValueSigma)
    let totalCents = min(value * 100, Self.maximumOrderCents)
    let channel =
      rng.nextBernoulli(Self.favouriteChannelShare)
      ? buyer.favouriteChannel : UInt8(rng.nextIndex(cumulative: model.channelCumulative[buyer.segment]))
    let discounted = rng.nextBernoulli(
      buyer.priceSensitive
        ? parameters.effects.discountProbabilityPriceSensitive : parameters.effects.discountProbability)
    var weights = (0.2 + rng.nextUnit(), 0.2 + rng.nextUnit(), 0.2 + rng.nextUnit())
    if rowCount < 3 { weights.2 = 0 }
    if rowCount < 2 { weights.1 = 0 }
    let weightTotal = weights.0 + weights.1 + weights.2
    let firstRow = rows.count
    for row in 0..<rowCount {
      let weight = row == 0 ? weights.0 : row == 1 ? weights.1 : weights.2
      var cents = max(1, Int((totalCents * weight / weightTotal).rounded()))
      let category =
        rng.nextBernoulli(Self.favouriteCategoryShare)
        ? buyer.favouriteCategory : UInt8(rng.nextIndex(cumulative: model.categoryCumulative[buyer.segment]))
      let quantity = 1 + min(rng.nextPoisson(mean: 0.4), 99)
      let discount = discounted ? max(1, Int((Double(cents) * (0.05 + 0.25 * rng.nextUnit())).rounded())) : 0
      // Two rows of an order may come out equal (cheap orders split into
      // equal cents); a loader would drop the second as a duplicate, so a
      // cent more tells them apart.
      while rows[firstRow...].contains(where: {
        $0.cents == Int32(cents) && $0.category == category && $0.quantity == Int16(quantity)
          && $0.discountCents == Int32(discount)
      }) {
        cents += 1
      }
      rows.append(
        TransactionRecord(
          customer: buyer.index, day: day, cents: Int32(cents), discountCents: Int32(discount),
          quantity: Int16(quantity), category: category, channel: channel, startsOrder: row == 0))
    }
    orders.append(
      PendingOrder(day: day, sequence: Int32(orders.count), firstRow: Int32(firstRow), rowCount: Int32(rowCount)))
    block.purchaseOrders += 1

    if rng.nextBernoulli(buyer.refundProbability) {
      let refundDay = Int(day) + 1 + rng.nextPoisson(mean: 7)
      guard refundDay < model.dayCount else { return }
      var refund = rows[firstRow]
      refund.day = Int32(refundDay)
      refund.cents = -refund.cents
      refund.quantity = -refund.quantity
      refund.discountCents = 0
      rows.append(refund)
      orders.append(
        PendingOrder(day: Int32(refundDay), sequence: Int32(orders.count), firstRow: Int32(rows.count - 1), rowCount: 1))
      block.refundOrders += 1
    }
  }

  /// Events of one kind as a Poisson process of `rate` per day on [from, to).
  private mutating func addEvents(
    _ kind: UInt8, rate: Double, _ from: Double, _ to: Double, _ customer: Int32, _ dissatisfaction: Double,
    _ rng: inout Xoshiro256StarStar
  ) {
    guard rate > 0 else { return }
    let mean = 1 / rate
    var time = from
    while true {
      time += rng.nextExponential(mean: mean)
      if time >= to { return }
      let value: UInt8
      switch kind {
      case 0: value = UInt8(1 + min(rng.nextPoisson(mean: 4), 60))  // pages viewed
      case 1: value = complaintSeverity(dissatisfaction, &rng)
      case 3: value = rng.nextBernoulli(0.6) ? 5 : 4  // praise comes with a 4 or 5 rating
      default: value = 0  // inquiries carry no value
      }
      events.append(EventRecord(customer: customer, day: Int32(time), kind: kind, value: value))
    }
  }

  /// Appends the sorted scratch events, leaving no two rows equal: loaders
  /// drop exact duplicate rows, so a duplicate would make the files disagree
  /// with the simulated counts. Same-day visits become one visit with the
  /// pages added up; other same-day events with the same value are kept once.
  private mutating func appendDistinctEvents(to block: inout SimulationBlock) {
    var previous: EventRecord? = nil
    for event in events {
      if let last = previous, last.day == event.day, last.kind == event.kind {
        if event.kind == 0 {
          let pages = min(Int(block.events[block.events.count - 1].value) + Int(event.value), 255)
          block.events[block.events.count - 1].value = UInt8(pages)
          continue
        }
        if last.value == event.value { continue }
      }
      block.events.append(event)
      previous = event
    }
  }

  /// Severity 1–5: the more dissatisfied, the harsher the complaint.
  private func complaintSeverity(_ dissatisfaction: Double, _ rng: inout Xoshiro256StarStar) -> UInt8 {
    let raw = (3 + 0.8 * dissatisfaction + rng.nextNormal()).rounded()
    return UInt8(min(max(raw, 1), 5))
  }
}
