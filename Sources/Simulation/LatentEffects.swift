/// How the simulation's hidden drivers shape behaviour: the effects a churn
/// model fitted to simulated data should find.
///
/// The daily churn hazard of a customer is
///
/// ```
/// h = baseHazard(segment) · exp(hazardPerDissatisfaction · d
///                               + hazardPriceSensitive · priceSensitive
///                               + hazardMember · member
///                               + regionalScale · hazardEffect(province))
/// ```
///
/// with d ~ N(0, 1) the latent dissatisfaction, and the time to churn is
/// exponential with rate h. Dissatisfaction is never written to the data
/// files, only to truth.csv; what the data shows are its symptoms:
/// complaints at `complaintsPerDay · exp(complaintPerDissatisfaction · d)`
/// while active, plus a burst of Poisson(`preChurnComplaints · exp(0.5 d)`)
/// complaints in the `preChurnDays` before churning.
///
/// ``standard`` is the built-in world; ``neutral`` switches every mechanism
/// off (tests use it to show that their checks detect the mechanisms).
public struct LatentEffects: Sendable, Equatable {
  /// Change in log hazard per standard deviation of dissatisfaction.
  public var hazardPerDissatisfaction = 0.6
  /// Change in log hazard for a price-sensitive customer.
  public var hazardPriceSensitive = 0.45
  /// Change in log hazard for a member (tier other than `none`).
  public var hazardMember = -0.4
  /// Multiplies every province's ``Province/hazardEffect`` (0 turns the
  /// regional differences off).
  public var regionalScale = 1.0
  /// Complaints per active day at dissatisfaction 0.
  public var complaintsPerDay = 0.0012
  /// Change in log complaint rate per standard deviation of dissatisfaction.
  public var complaintPerDissatisfaction = 0.9
  /// Expected complaints in the days before churning, at dissatisfaction 0.
  public var preChurnComplaints = 0.8
  /// Length of the pre-churn complaint window, in days.
  public var preChurnDays = 60.0
  /// Probability that an order of a customer who is not price-sensitive
  /// uses a discount.
  public var discountProbability = 0.12
  /// Probability that an order of a price-sensitive customer uses a discount.
  public var discountProbabilityPriceSensitive = 0.60
  /// Probability that an order is refunded, at dissatisfaction 0 (times
  /// `exp(0.3 d)`).
  public var refundProbability = 0.025

  public init() {}

  /// The built-in effects.
  public static let standard = LatentEffects()

  /// Every mechanism off: churn, complaints and discounts no longer depend on
  /// dissatisfaction, price sensitivity, membership or region.
  public static let neutral: LatentEffects = {
    var effects = LatentEffects()
    effects.hazardPerDissatisfaction = 0
    effects.hazardPriceSensitive = 0
    effects.hazardMember = 0
    effects.regionalScale = 0
    effects.complaintPerDissatisfaction = 0
    effects.preChurnComplaints = 0
    effects.discountProbabilityPriceSensitive = effects.discountProbability
    return effects
  }()
}
