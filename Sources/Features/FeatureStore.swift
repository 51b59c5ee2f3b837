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
    lock.lock()
    defer { lock.unlock() }
    let base: CustomerFeatures
    if let index = recent.firstIndex(where: { $0.asOf == builder.asOf }) {
      base = recent.remove(at: index)
    } else {
      base = try builder.unlabelled(history)
      if recent.count == capacity { recent.removeFirst() }
    }
    recent.append(base)
    return try builder.labelled(base, history)
  }
}
