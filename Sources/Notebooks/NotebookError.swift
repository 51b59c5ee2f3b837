/// Why a notebook could not be made from a folder.
public enum NotebookError: Error, Equatable, CustomStringConvertible {
  /// The folder holds none of the results a notebook of `kind` (or of any kind, when `nil`) retells.
  case noResults(folder: String, kind: NotebookKind?)
  /// The folder holds both a model and segments, and no kind was chosen.
  case ambiguousKind(folder: String)
  /// A file of the run could not be read.
  case cannotRead(path: String, reason: String)

  public var description: String {
    switch self {
    case .noResults(let folder, .churn?):
      return "no churn or propensity model in \(folder): coefficients.csv is neither there nor in its churn/ or propensity/ folder."
    case .noResults(let folder, .segments?):
      return "no segments in \(folder): centroids.csv is neither there nor in its segment/ folder."
    case .noResults(let folder, nil):
      return "nothing to retell in \(folder): it holds no model (coefficients.csv) and no segments (centroids.csv), "
        + "neither itself nor in the step folders of a run (churn/, propensity/, segment/)."
    case .ambiguousKind(let folder):
      return "\(folder) holds both a model and segments; choose one with --kind churn or --kind segments."
    case .cannotRead(let path, let reason):
      return "cannot read \(path): \(reason)."
    }
  }
}
