#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import DataIngest

/// Validated parameters turned into the lookup tables the per-customer
/// kernel reads: cumulative weights, log order values, the seasonal calendar.
///
/// Built once per run, shared read-only by all worker threads.
struct SimulationModel: Sendable {
  let parameters: SimulationParameters
  let dayCount: Int
  let segmentCumulative: [Double]
  let categoryCumulative: [[Double]]
  let channelCumulative: [[Double]]
  let logMedianOrderValue: [Double]
  let provinceCumulative: [Double]
  /// Index of each province's first city in ``cityNames``.
  let firstCity: [Int]
  let cityNames: [String]
  let sourceCumulative: [Double]
  let genderCumulative: [Double]
  /// Purchase-intensity multiplier of each day (shopping festivals), and its
  /// maximum for thinning.
  let season: [Double]
  let seasonMaximum: Double
  /// Mean of ``season`` over the period: purchase rates are divided by it so
  /// a segment's `purchasesPerDay` stays its long-run average.
  let seasonMean: Double
  /// Signup-curve growth over the whole period (acquisitions grow 25% a year).
  let signupGrowth: Double
  /// The youngest birth year: customers are at least 16 at the start.
  let latestBirthYear: Int
  let startYear: Int

  /// - Precondition: `parameters.validate()` passed.
  init(_ parameters: SimulationParameters) {
    self.parameters = parameters
    dayCount = parameters.dayCount
    segmentCumulative = Self.cumulative(parameters.segments.map(\.share))
    categoryCumulative = parameters.segments.map { Self.cumulative($0.categoryWeights) }
    channelCumulative = parameters.segments.map { Self.cumulative($0.channelWeights) }
    logMedianOrderValue = parameters.segments.map { log($0.medianOrderValue) }
    provinceCumulative = Self.cumulative(parameters.provinces.map(\.populationMillions))
    var first: [Int] = []
    var names: [String] = []
    for province in parameters.provinces {
      first.append(names.count)
      names += province.cities
    }
    firstCity = first
    cityNames = names
    sourceCumulative = Self.cumulative(SimulationVocabulary.sourceWeights)
    genderCumulative = Self.cumulative(SimulationVocabulary.genderWeights)
    season = (0..<dayCount).map { Self.festivalMultiplier(DayNumber.components(parameters.startDay + Int32($0))) }
    seasonMaximum = season.max() ?? 1
    seasonMean = season.reduce(0, +) / Double(max(1, dayCount))
    signupGrowth = log(1.25) * Double(dayCount) / 365.25
    startYear = DayNumber.components(parameters.startDay).year
    latestBirthYear = startYear - 16
  }

  /// The signup time (in days from the start) of customer `index` of `count`,
  /// given a uniform draw `u` in [0, 1).
  ///
  /// Acquisitions grow exponentially at rate g over the period (density
  /// ∝ exp(g·t/D)); customer i takes the quantile of (i + u)/N, so signup
  /// times rise with the index (ids rise with the signup date, as CRM ids do)
  /// while each customer still draws its own time from its own stream.
  ///
  /// ```
  /// t = D/g · ln(1 + q·(e^g − 1)),  q = (i + u)/N
  /// ```
  func signupTime(index: Int, count: Int, u: Double) -> Double {
    let q = (Double(index) + u) / Double(count)
    let d = Double(dayCount)
    return min(d / signupGrowth * log1p(q * expm1(signupGrowth)), d.nextDown)
  }

  /// Running sums of `weights`.
  static func cumulative(_ weights: [Double]) -> [Double] {
    var total = 0.0
    return weights.map {
      total += $0
      return total
    }
  }

  /// Shopping festivals raise purchase intensity: 双11 (Nov 11, and the
  /// presales from Nov 1), 双12 (Dec 12) and 618 (Jun 1–18, peak on the 18th).
  static func festivalMultiplier(_ date: (year: Int, month: Int, day: Int)) -> Double {
    switch (date.month, date.day) {
    case (11, 11): return 4.0
    case (11, 1...10): return 1.8
    case (12, 12): return 2.0
    case (6, 18): return 2.5
    case (6, 1...17): return 1.4
    default: return 1.0
    }
  }
}
