/// The story a notebook tells.
public enum NotebookKind: String, CaseIterable, Sendable {
  /// A churn or propensity model: factors, validation, current scores.
  case churn
  /// A segmentation: the segments, their profiles and the choice of k.
  case segments
}
