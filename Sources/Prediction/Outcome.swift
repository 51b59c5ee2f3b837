import Features

/// What a model predicts over the `H` days after T, and who it is fitted on
/// (the data contract's labels and populations).
public enum Outcome: Sendable, Hashable, Codable, CustomStringConvertible {
  /// No purchase in [T, T + H); population: customers with a purchase before T.
  case churn
  /// A purchase (of one category or channel when filtered) in [T, T + H);
  /// population: every customer known before T, buyers or not.
  case purchase(PurchaseFilter?)

  /// The label's column name in the feature table.
  public var labelName: String {
    switch self {
    case .churn: "churn"
    case .purchase: "purchase"
    }
  }

  public var purchaseFilter: PurchaseFilter? {
    if case .purchase(let filter) = self { return filter }
    return nil
  }

  public var description: String {
    switch self {
    case .churn: "churn"
    case .purchase(let filter): "purchase" + (filter.map { " (\($0))" } ?? "")
    }
  }

  /// The rows of `features` in the population, and how many known customers were left out and why.
  ///
  /// - Parameter lookback: for churn, keep customers whose last purchase is at most this many days before T.
  public func population(_ features: CustomerFeatures, lookback: Int?) -> (rows: [Int], excluded: PopulationExclusions) {
    var excluded = PopulationExclusions()
    var rows: [Int] = []
    rows.reserveCapacity(features.count)
    for i in 0..<features.count {
      switch self {
      case .churn:
        let recency = features.recencyDays[i]
        if recency.isNaN {
          if features.hasOrders[i] { excluded.refundOnly += 1 } else { excluded.noPurchase += 1 }
          continue
        }
        if let lookback, recency > Double(lookback) {
          excluded.outsideLookback += 1
          continue
        }
      case .purchase:
        break
      }
      rows.append(i)
    }
    return (rows, excluded)
  }
}

/// Known customers left out of a model's population, by reason.
public struct PopulationExclusions: Sendable, Hashable, Codable {
  /// Customers with no order before T (signed up, never bought).
  public var noPurchase = 0
  /// Customers whose orders before T are all refunds or zero (no recency; the contract leaves them out).
  public var refundOnly = 0
  /// Customers whose last purchase is older than the lookback.
  public var outsideLookback = 0

  public init() {}

  public var total: Int { noPurchase + refundOnly + outsideLookback }
}
