/// Who a saved model was trained on, to recognise the data later: the
/// number of customers and a hash of the ids of those the model was fitted to.
public struct TrainingFingerprint: Sendable, Codable, Equatable {
  /// Rows of the feature table (customers known before T).
  public let customers: Int
  /// Customers the model was fitted to.
  public let population: Int
  /// FNV-1a 64-bit hash of the fitted customers' ids, each followed by a
  /// line feed, in row order, as 16 hex digits.
  public let customerIDHash: String

  public init(customers: Int, customerIDs: [String]) {
    self.customers = customers
    population = customerIDs.count
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for id in customerIDs {
      for byte in id.utf8 + [10] {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
      }
    }
    let hex = String(hash, radix: 16)
    customerIDHash = String(repeating: "0", count: 16 - hex.count) + hex
  }
}
