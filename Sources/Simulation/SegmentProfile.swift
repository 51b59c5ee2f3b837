#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The latent behaviour of one customer segment: how often its customers
/// buy, how much, what, where, and how soon they leave.
///
/// Segments are the simulation's ground truth for clustering: they differ
/// by multiples in purchase frequency and order value, as the segments of a
/// real customer base do (a bargain hunter buys every few days for ¥30, a
/// big-ticket buyer once a year for ¥1,500), and in category and channel
/// mix, so a segmentation of the simulated data has something real to
/// recover.
public struct SegmentProfile: Sendable, Equatable {
  /// The name written in truth.csv (`champions`, `loyal_regulars`, ...).
  public var name: String
  /// Share of new customers who belong to the segment.
  public var share: Double
  /// Purchases per day at the segment's typical rate (each customer's own
  /// rate is this times a Gamma(5, 1/5) draw of mean 1).
  public var purchasesPerDay: Double
  /// Median order value in yuan; order values are lognormal around it.
  public var medianOrderValue: Double
  /// σ of log order value.
  public var orderValueSigma: Double
  /// Daily churn hazard of a baseline customer (dissatisfaction 0, not
  /// price-sensitive, no membership, neutral region).
  public var baseHazard: Double
  /// Probability that a customer of the segment is price-sensitive.
  public var priceSensitiveShare: Double
  /// Probability that a customer of the segment holds a membership tier.
  public var memberShare: Double
  /// Probability of a welcome order within days of signing up.
  public var welcomeProbability: Double
  /// Weights of the 8 categories (``SimulationVocabulary/categories``).
  public var categoryWeights: [Double]
  /// Weights of the 6 channels (``SimulationVocabulary/channels``).
  public var channelWeights: [Double]

  /// The mean order value implied by the lognormal: `median · exp(σ²/2)`.
  public var meanOrderValue: Double {
    medianOrderValue * exp(0.5 * orderValueSigma * orderValueSigma)
  }

  public init(
    name: String, share: Double, purchasesPerDay: Double, medianOrderValue: Double,
    orderValueSigma: Double, baseHazard: Double, priceSensitiveShare: Double, memberShare: Double,
    welcomeProbability: Double, categoryWeights: [Double], channelWeights: [Double]
  ) {
    self.name = name
    self.share = share
    self.purchasesPerDay = purchasesPerDay
    self.medianOrderValue = medianOrderValue
    self.orderValueSigma = orderValueSigma
    self.baseHazard = baseHazard
    self.priceSensitiveShare = priceSensitiveShare
    self.memberShare = memberShare
    self.welcomeProbability = welcomeProbability
    self.categoryWeights = categoryWeights
    self.channelWeights = channelWeights
  }

  /// The five built-in segments, in the order their indices appear in
  /// truth.csv. On purchases a year and order value they sit at the corners
  /// of a square with loyal regulars in the middle: frequent and expensive
  /// (champions, every 8 days, ¥600), frequent and cheap (bargain hunters,
  /// every 5 days, ¥30), rare and expensive (big ticket, 1.5 a year, ¥1,500),
  /// rare and cheap (drifters, 2 a year, ¥40), and in between (loyal
  /// regulars, monthly, ¥180). Category columns: 服装 美妆 食品 母婴 数码 家居 运动 图书;
  /// channel columns: app web store wechat tmall jd.
  public static let builtIn: [SegmentProfile] = [
    SegmentProfile(
      name: "champions", share: 0.10, purchasesPerDay: 0.12, medianOrderValue: 600,
      orderValueSigma: 0.55, baseHazard: 0.00035, priceSensitiveShare: 0.15, memberShare: 0.85,
      welcomeProbability: 0.95,
      categoryWeights: [0.18, 0.18, 0.08, 0.07, 0.22, 0.12, 0.10, 0.05],
      channelWeights: [0.46, 0.10, 0.18, 0.14, 0.06, 0.06]),
    SegmentProfile(
      name: "loyal_regulars", share: 0.22, purchasesPerDay: 0.030, medianOrderValue: 180,
      orderValueSigma: 0.50, baseHazard: 0.00080, priceSensitiveShare: 0.25, memberShare: 0.60,
      welcomeProbability: 0.90,
      categoryWeights: [0.20, 0.14, 0.18, 0.12, 0.08, 0.13, 0.07, 0.08],
      channelWeights: [0.30, 0.12, 0.26, 0.20, 0.06, 0.06]),
    SegmentProfile(
      name: "bargain_hunters", share: 0.20, purchasesPerDay: 0.20, medianOrderValue: 30,
      orderValueSigma: 0.45, baseHazard: 0.00150, priceSensitiveShare: 0.80, memberShare: 0.30,
      welcomeProbability: 0.85,
      categoryWeights: [0.22, 0.10, 0.30, 0.15, 0.03, 0.10, 0.06, 0.04],
      channelWeights: [0.18, 0.06, 0.04, 0.30, 0.24, 0.18]),
    SegmentProfile(
      name: "occasional_big_ticket", share: 0.18, purchasesPerDay: 0.0040, medianOrderValue: 1500,
      orderValueSigma: 0.65, baseHazard: 0.00160, priceSensitiveShare: 0.15, memberShare: 0.30,
      welcomeProbability: 0.80,
      categoryWeights: [0.07, 0.05, 0.03, 0.07, 0.42, 0.26, 0.08, 0.02],
      channelWeights: [0.14, 0.28, 0.34, 0.04, 0.10, 0.10]),
    SegmentProfile(
      name: "drifters", share: 0.30, purchasesPerDay: 0.0050, medianOrderValue: 40,
      orderValueSigma: 0.60, baseHazard: 0.00400, priceSensitiveShare: 0.45, memberShare: 0.12,
      welcomeProbability: 0.70,
      categoryWeights: [0.25, 0.20, 0.17, 0.09, 0.08, 0.08, 0.08, 0.05],
      channelWeights: [0.26, 0.16, 0.08, 0.26, 0.14, 0.10]),
  ]
}
