/// The number columns of one day's ``CustomerFeatures`` while they are
/// written a row at a time, by several threads at once, each its own rows.
struct FeatureRows: @unchecked Sendable {
  enum Column: Int, CaseIterable {
    case recency, frequency, monetary, average, tenure, interpurchase, orders90, spend90
    case distinctCategories, discountShare, refunds, spend365, purchaseValue, churn, purchase
  }

  let asOf: Int32
  let hasCategories: Bool
  let hasDiscount: Bool
  let hasLabels: Bool
  /// The base address of each column, in the order of ``Column``.
  var columns: [UnsafeMutablePointer<Double>] = []

  init(asOf: Int32, hasCategories: Bool, hasDiscount: Bool, hasLabels: Bool) {
    self.asOf = asOf
    self.hasCategories = hasCategories
    self.hasDiscount = hasDiscount
    self.hasLabels = hasLabels
  }

  /// The length of each column for `rows` rows: 0 for those these features lack.
  func lengths(rows: Int) -> [Int] {
    Column.allCases.map { column in
      switch column {
      case .distinctCategories: hasCategories ? rows : 0
      case .discountShare: hasDiscount ? rows : 0
      case .churn, .purchase: hasLabels ? rows : 0
      default: rows
      }
    }
  }

  /// Writes the features of a customer with `totals` as row `row`; `bought`
  /// and `purchased` (a purchase in the label window, of any kind and of the
  /// kind the label counts) only when there are labels.
  @inline(__always) func write(
    _ totals: CustomerTotals, distinctCategories: Double, bought: Bool, purchased: Bool, at row: Int
  ) {
    let t = asOf
    let frequency = totals.frequency
    let recency = totals.last == .min ? .nan : Double(t - totals.last)
    let tenure = totals.first == .max ? .nan : Double(t - totals.first)
    let monetary = totals.monetary.value
    func set(_ column: Column, _ value: Double) { columns[column.rawValue][row] = value }
    set(.recency, recency)
    set(.frequency, frequency)
    set(.monetary, monetary)
    set(.average, frequency > 0 ? monetary / frequency : .nan)
    set(.tenure, tenure)
    set(.interpurchase, frequency > 1 ? (tenure - recency) / (frequency - 1) : .nan)
    set(.orders90, totals.orders90)
    set(.spend90, totals.spend90.value)
    if hasCategories { set(.distinctCategories, distinctCategories) }
    if hasDiscount { set(.discountShare, frequency > 0 ? totals.discounted / frequency : .nan) }
    set(.refunds, totals.refunds)
    set(.spend365, totals.spend365.value)
    set(.purchaseValue, totals.purchased.value)
    if hasLabels {
      set(.churn, totals.ordered ? (bought ? 0 : 1) : .nan)
      set(.purchase, purchased ? 1 : 0)
    }
  }

  /// The features from the columns `values` (made with ``lengths(rows:)``).
  func features(
    _ values: ArraySlice<[Double]>, horizon: Int?, customer: [Int32], hasOrders: [Bool],
    events: [(type: String, counts: [Double])], recentEvents: [(type: String, counts: [Double])]
  ) -> CustomerFeatures {
    func column(_ column: Column) -> [Double] { values[values.startIndex + column.rawValue] }
    return CustomerFeatures(
      asOf: asOf, horizon: hasLabels ? horizon : nil, customer: customer, hasOrders: hasOrders,
      recencyDays: column(.recency), frequency: column(.frequency), monetaryTotal: column(.monetary),
      monetaryAvg: column(.average), tenureDays: column(.tenure), interpurchaseDaysAvg: column(.interpurchase),
      orders90d: column(.orders90), spend90d: column(.spend90),
      distinctCategories: hasCategories ? column(.distinctCategories) : nil,
      discountShare: hasDiscount ? column(.discountShare) : nil, refundCount: column(.refunds),
      spend365d: column(.spend365), purchaseValue: column(.purchaseValue), events: events, recentEvents: recentEvents,
      churn: hasLabels ? column(.churn) : nil, purchase: hasLabels ? column(.purchase) : nil)
  }
}

/// Arrays of `lengths`, left uninitialised for `fill` to write through their
/// base addresses (so no thread zeroes them first); each must be fully written.
func makeColumns(_ lengths: [Int], _ fill: ([UnsafeMutablePointer<Double>]) -> Void) -> [[Double]] {
  var columns: [[Double]] = []
  func open(_ pointers: [UnsafeMutablePointer<Double>]) {
    let i = pointers.count
    guard i < lengths.count else { return fill(pointers) }
    let column = [Double](unsafeUninitializedCapacity: max(lengths[i], 1)) { buffer, initialized in
      open(pointers + [buffer.baseAddress!])
      initialized = lengths[i]
    }
    columns.append(column)
  }
  open([])
  return columns.reversed()
}

/// A base address the tasks of a concurrent loop write through, each its own elements.
struct SharedPointer<Element>: @unchecked Sendable {
  let base: UnsafeMutablePointer<Element>

  init(_ base: UnsafeMutablePointer<Element>) { self.base = base }

  @inline(__always) subscript(index: Int) -> Element {
    get { base[index] }
    nonmutating set { base[index] = newValue }
  }
}
