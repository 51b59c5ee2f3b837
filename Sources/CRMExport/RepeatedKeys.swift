/// The customers whose CRM key an earlier customer had, in the order
/// ``CRMExporter/export(_:customers:to:)`` lists them: a repeated key's first
/// holder once, then each later holder.
struct RepeatedKeys {
  /// The keys seen, each once.
  private(set) var seen = IDIndex()
  /// Where each key was first seen: its offender is made only when the key comes again.
  private var firstHolders: [(customer: Int, place: Int)] = []
  private(set) var offenders: [ExportError.Offender] = []

  /// Notes that `customer` has `key`, found at `place` of `keys`.
  mutating func note(_ key: String, customer: Int, place: Int, in keys: KeyLookup) {
    guard let first = seen.insert(key).map({ firstHolders[$0] }) else {
      firstHolders.append((customer, place))
      return
    }
    let firstOffender = keys.offender(customer: first.customer, at: first.place)
    if !offenders.contains(firstOffender) { offenders.append(firstOffender) }
    offenders.append(keys.offender(customer: customer, at: place))
  }
}
