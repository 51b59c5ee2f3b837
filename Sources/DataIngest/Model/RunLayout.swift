import Foundation

/// Where a file written by one command sits in an output folder: at the top
/// (the folder a command wrote into), or in the step folder `analyze run`
/// gives that command (`churn/scores.csv`, `segment/segments.csv`).
///
/// ```swift
/// RunLayout.path(of: "scores.csv", in: "out/jobs/nightly/latest")   // ".../latest/churn/scores.csv"
/// ```
public enum RunLayout {
  /// The step folders that write each file, in the order they are looked at.
  public static let stepFolders: [String: [String]] = [
    "monthly.csv": ["describe"],
    "features.csv": ["features"],
    "scores.csv": ["churn", "propensity"],
    "coefficients.csv": ["churn", "propensity"],
    "segments.csv": ["segment"],
    "centroids.csv": ["segment"],
    "tags.csv": ["tag"],
  ]

  /// The path of `fileName` in `folder` or in its step folder, or `nil` when neither has it.
  public static func path(of fileName: String, in folder: String) -> String? {
    let candidates = [folder] + (stepFolders[fileName] ?? []).map { "\(folder)/\($0)" }
    return candidates.map { "\($0)/\(fileName)" }.first { FileManager.default.fileExists(atPath: $0) }
  }
}
