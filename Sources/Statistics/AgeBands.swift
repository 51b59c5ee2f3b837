/// How many customers fall in each age band, from their year of birth.
///
/// ```
/// age = referenceYear − birthYear      (the age reached during referenceYear)
/// band: <18 | 18–24 | 25–34 | 35–44 | 45–54 | 55–64 | 65+
/// ```
///
/// A missing year (NaN) counts as `missing`. A year that cannot be a birth
/// year — not a whole number, after `referenceYear` (age < 0), or giving an
/// age above ``maximumAge`` (such as 1800) — counts as `invalid`; it is
/// counted, not guessed or clamped.
public struct AgeBands: Sendable, Equatable {
  /// An age band, or why a customer has none.
  public enum Band: String, Sendable, CaseIterable {
    case under18 = "<18"
    case from18To24 = "18-24"
    case from25To34 = "25-34"
    case from35To44 = "35-44"
    case from45To54 = "45-54"
    case from55To64 = "55-64"
    case from65 = "65+"
    case invalid
    case missing
  }

  /// Oldest plausible age; an older one marks the birth year invalid.
  public static let maximumAge = 120

  public let referenceYear: Int
  /// Count per band, in ``Band/allCases`` order (every band listed, zeros included).
  public let counts: [(band: Band, count: Int)]

  /// Counts birth years into bands as of `referenceYear`.
  ///
  /// - Complexity: O(n).
  public init(birthYears: [Double], referenceYear: Int) {
    var tally = [Int](repeating: 0, count: Band.allCases.count)
    for year in birthYears {
      let band = Self.band(birthYear: year, referenceYear: referenceYear)
      tally[Band.allCases.firstIndex(of: band)!] += 1
    }
    self.referenceYear = referenceYear
    counts = zip(Band.allCases, tally).map { ($0, $1) }
  }

  /// The count of one band.
  public func count(_ band: Band) -> Int {
    counts.first { $0.band == band }!.count
  }

  /// Customers with a valid birth year (the denominator for shares of the
  /// age bands proper).
  public var valid: Int {
    counts.reduce(0) { $0 + ($1.band == .invalid || $1.band == .missing ? 0 : $1.count) }
  }

  /// The band of one birth year as of `referenceYear`.
  public static func band(birthYear: Double, referenceYear: Int) -> Band {
    if birthYear.isNaN { return .missing }
    guard birthYear.isFinite, birthYear == birthYear.rounded(),
      abs(birthYear) < 1e9
    else { return .invalid }
    let age = referenceYear - Int(birthYear)
    switch age {
    case ..<0: return .invalid
    case ..<18: return .under18
    case ..<25: return .from18To24
    case ..<35: return .from25To34
    case ..<45: return .from35To44
    case ..<55: return .from45To54
    case ..<65: return .from55To64
    case ...maximumAge: return .from65
    default: return .invalid
    }
  }

  public static func == (lhs: AgeBands, rhs: AgeBands) -> Bool {
    lhs.referenceYear == rhs.referenceYear
      && lhs.counts.map(\.band) == rhs.counts.map(\.band)
      && lhs.counts.map(\.count) == rhs.counts.map(\.count)
  }
}
