import DataIngest
import Foundation

/// A loaded purchase history and the features built from it: the steps of a
/// batch job (`analyze run`) share one, so features as of a day are built
/// once however many steps ask for them.
///
/// ```swift
/// let store = FeatureStore(history)
/// let fitting = try store.features(FeatureBuilder(asOf: t, horizon: 90))   // built
/// let current = try store.features(FeatureBuilder(asOf: t))                 // the same, without labels
/// ```
///
/// It keeps the features of the last two days asked for (a churn study asks
/// for T, T − H, then T again); labels are added per request.
public final class FeatureStore: @unchecked Sendable {
  public let history: PurchaseHistory
  private let lock = NSLock()
  /// Unlabelled features, the most recently used last.
  private var recent: [CustomerFeatures] = []
  private let capacity = 2

  public init(_ history: PurchaseHistory) {
    self.history = history
  }

  /// What `builder.build(history)` returns.
  /// - Throws: what ``FeatureBuilder/build(_:)`` throws.
  public func features(_ builder: FeatureBuilder) throws(FeatureError) -> CustomerFeatures {
    try features([builder])[0]
  }

  /// What `builders.map { try features($0) }` returns: the days not held are
  /// built together (``FeatureBuilder/build(_:_:)``), grouping the rows into
  /// orders once for all of them.
  /// - Throws: what ``FeatureBuilder/build(_:_:)`` throws.
  public func features(_ builders: [FeatureBuilder]) throws(FeatureError) -> [CustomerFeatures] {
    lock.lock()
    defer { lock.unlock() }
    var missing: [FeatureBuilder] = []
    for builder in builders
    where !recent.contains(where: { $0.asOf == builder.asOf }) && !missing.contains(where: { $0.asOf == builder.asOf }) {
      missing.append(builder)
    }
    // Taken before the new days are kept, which may push them out.
    let held = builders.map { builder in recent.first { $0.asOf == builder.asOf } }
    let built = try FeatureBuilder.build(missing, history)
    var result: [CustomerFeatures] = []
    for (builder, base) in zip(builders, held) {
      if let base {
        result.append(try builder.labelled(base, history))
      } else {
        let index = missing.firstIndex { $0.asOf == builder.asOf }!
        let sameBuild = missing[index].horizon == builder.horizon && missing[index].purchaseFilter == builder.purchaseFilter
        result.append(sameBuild ? built[index] : try builder.labelled(Self.unlabelled(built[index]), history))
      }
    }
    for features in (held.compactMap { $0 } + built.map(Self.unlabelled)) { remember(features) }
    return result
  }

  private static func unlabelled(_ features: CustomerFeatures) -> CustomerFeatures {
    var base = features
    base.horizon = nil
    base.churn = nil
    base.purchase = nil
    return base
  }

  /// Keeps `features`, unlabelled, as the most recently used.
  private func remember(_ features: CustomerFeatures) {
    recent.removeAll { $0.asOf == features.asOf }
    if recent.count == capacity { recent.removeFirst() }
    recent.append(features)
  }
}
