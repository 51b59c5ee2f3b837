import Foundation

/// The numbers written by `Fixtures/metrics/make_metrics_reference.py`
/// (scikit-learn 1.9.1, scipy 1.17.1, numpy 2.4.6); see that script for
/// each case.
struct MetricsReference: Decodable {
  struct ThresholdRow: Decodable {
    let threshold: Double
    let tp: Int
    let fp: Int
    let tn: Int
    let fn: Int
    let accuracy: Double
    let precision: Double
    let recall: Double
    let f1: Double
  }
  struct ROC: Decodable {
    let fpr: [Double]
    let tpr: [Double]
    let thresholds: [Double]
  }
  struct CalibrationRow: Decodable {
    let bin: Int
    let count: Int
    let meanPredicted: Double
    let observedRate: Double
    let minPredicted: Double
    let maxPredicted: Double
  }
  struct Calibration: Decodable {
    let bins: Int
    let rows: [CalibrationRow]
  }
  struct GainsRow: Decodable {
    let decile: Int
    let count: Int
    let positives: Int
    let rate: Double
    let cumulativeCount: Int
    let cumulativePositives: Int
    let cumulativeGain: Double?
    let lift: Double?
    let cumulativeLift: Double?
  }
  struct Gains: Decodable {
    let bins: Int
    let baseRate: Double
    let rows: [GainsRow]
  }
  struct Case: Decodable {
    let name: String
    let count: Int
    let positives: Int
    let logLoss: Double
    let brier: Double
    let thresholds: [ThresholdRow]
    let calibration: [Calibration]
    let gains: [Gains]
    /// scikit-learn's `roc_auc_score` (trapezoids on rounded rates).
    let auc: Double?
    /// The exact Mann–Whitney fraction, rounded once.
    let aucExact: Double?
    let giniExact: Double?
    /// scipy's `ks_2samp` statistic.
    let ks: Double?
    /// The exact fraction, rounded once.
    let ksExact: Double?
    let ksThreshold: Double?
    let roc: ROC?

    /// The case's inputs, from `<name>.csv`.
    var inputs: (labels: [Bool], probabilities: [Double]) {
      let table = MetricsReference.csv(name)
      return (table["label"]!.map { $0 == 1 }, table["probability"]!)
    }
  }
  struct PSI: Decodable {
    let name: String
    let reference: String
    let current: String
    let bins: Int
    let edges: [Double]
    let referenceCounts: [Int]
    let currentCounts: [Int]
    let contributions: [Double]
    let value: Double
  }

  let cases: [Case]
  let psi: [PSI]

  func `case`(_ name: String) -> Case { cases.first { $0.name == name }! }

  static let shared: MetricsReference = {
    let url = Bundle.module.url(forResource: "Fixtures/metrics/metrics_reference", withExtension: "json")!
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try! decoder.decode(MetricsReference.self, from: Data(contentsOf: url))
  }()

  /// A CSV of `Fixtures/metrics` by file name (with or without `.csv`),
  /// column by column.
  static func csv(_ file: String) -> [String: [Double]] {
    let name = file.hasSuffix(".csv") ? String(file.dropLast(4)) : file
    return LogitReference.csv("metrics/\(name)")
  }
}
