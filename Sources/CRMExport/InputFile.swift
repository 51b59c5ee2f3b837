/// The files of a run folder an export reads, in the order their columns
/// are looked up and their customers listed (features first: it lists every
/// known customer in the customers table's order).
public enum InputFile: String, Sendable, Equatable, CaseIterable, Comparable {
  /// `analyze features`: customer_id, features, rfm_segment, value_tier, lifecycle_stage, region…
  case features
  /// `analyze churn`: customer_id, probability, risk_band, reason_1…3.
  case scores
  /// `analyze segment`: customer_id, segment, segment_name, distances.
  case segments
  /// `analyze tag`: customer_id, tags joined by `;`.
  case tags

  /// The file name in a run folder.
  public var fileName: String { rawValue + ".csv" }

  public static func < (a: InputFile, b: InputFile) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
