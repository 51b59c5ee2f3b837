import Features
import LinearAlgebra
import Models

/// What an ``OutcomeStudy`` found: the model, how it did out of time, and
/// the scores.
public struct OutcomeStudyResult: Sendable {
  /// The fitting sample.
  public struct Fit: Sendable {
    public let asOf: Int32
    /// Customers known before T (the feature table's rows).
    public let knownCustomers: Int
    public let excluded: PopulationExclusions
    /// Customers fitted on.
    public let rows: Int
    public let positives: Int
    /// In-sample figures, at the model's threshold.
    public let metrics: BinaryClassificationMetrics
  }

  /// The out-of-time check.
  public struct Validation: Sendable {
    /// T of the validation model.
    public let fitAsOf: Int32
    /// The day its scores are as of (the fit's T).
    public let scoredAsOf: Int32
    /// Set once the fit is done (the same customers as its own, in one array; see ``OutcomeStudy``).
    public internal(set) var customerIDs: [String]
    public let labels: [Bool]
    public let probabilities: [Double]
    public let metrics: BinaryClassificationMetrics
    public let calibration: CalibrationTable
    public let gains: GainsTable
    /// Customers per risk band and what happened to them.
    public let bands: [BandRate]
  }

  /// Customers in a band and how many had the outcome.
  public struct BandRate: Sendable, Hashable {
    public let band: Int
    public let count: Int
    public let positives: Int

    public var rate: Double { count > 0 ? Double(positives) / Double(count) : .nan }
  }

  /// The current scores.
  public struct Scores: Sendable {
    public let asOf: Int32
    public let customerIDs: [String]
    public let excluded: PopulationExclusions
    public let scores: OutcomeModel.Scores
  }

  /// The exact matrix fitted (with `keepDesign`).
  public struct Design: Sendable {
    public let customerIDs: [String]
    public let labels: [Bool]
    public let matrix: Matrix
    public let columnNames: [String]
  }

  public let model: OutcomeModel
  public let fit: Fit
  public let validation: Validation?
  public let scores: Scores
  /// The outcome rate across the values of the main factors, on the fitting sample.
  public let factorProfiles: [FactorProfile]
  public let design: Design?
  /// Things the analyst should know: dropped columns, separation, unseen levels, a skipped validation.
  public let warnings: [String]
}
