/// One simulated customer: the attributes written to customers.csv and the
/// latent truth written to truth.csv. Days are offsets from the start day.
struct SimulatedCustomer {
  /// Expected purchases per day (the customer's own Poisson rate).
  var purchaseRate: Double
  /// Daily churn hazard.
  var hazard: Double
  /// Latent dissatisfaction, standard normal.
  var dissatisfaction: Double
  var signupDay: Int32
  /// Day of churning, or -1 when the customer is still active at the end.
  var churnDay: Int32
  /// 0 when missing.
  var birthYear: Int16
  /// Index into the flattened city list of ``SimulationModel``.
  var city: UInt16
  var segment: UInt8
  var province: UInt8
  var gender: UInt8
  var source: UInt8
  /// Index into ``SimulationVocabulary/memberTiers``; 0 is `none`.
  var tier: UInt8
  var isPriceSensitive: Bool
}
