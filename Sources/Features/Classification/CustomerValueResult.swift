/// Current and potential value per customer (see ``CustomerValue``).
public struct CustomerValueResult: Sendable, Equatable {
  /// spend_365d per customer, as given (NaN stays NaN).
  public let current: [Double]
  /// Expected spend over the horizon per customer; never negative, 0 without purchases.
  public let potential: [Double]

  public init(current: [Double], potential: [Double]) {
    precondition(current.count == potential.count)
    self.current = current
    self.potential = potential
  }
}
