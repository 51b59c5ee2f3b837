import Foundation
import LinearAlgebra
import TestSupport
import Testing

/// The numbers written by `Fixtures/make_logit_reference.py` (statsmodels
/// 0.15, scikit-learn 1.9.1, numpy/scipy); see that script for each case.
struct LogitReference: Decodable {
  struct Case: Decodable {
    var terms: [String]?
    var params: [Double]?
    var bse: [Double]?
    var tvalues: [Double]?
    var pvalues: [Double]?
    var conf_int_lower: [Double]?
    var conf_int_upper: [Double]?
    var llf: Double?
    var llnull: Double?
    var aic: Double?
    var bic: Double?
    var prsquared: Double?
    var deviance: Double?
    var null_deviance: Double?
    var iterations: Int?
    var nobs: Double?
    var vif: [Double]?
    var column_sd_ddof1: [Double]?
    var strength: Double?
    var class_weights: [Double]?
    var columns: [String]?
    var design: [[Double]]?
    var x: [Double]?
    var z: [Double]?
    var y: [Double]?
    var penalized_llf: Double?
    var statsmodels: String?
  }

  var cases: [String: Case]

  static let shared: LogitReference = {
    let url = Bundle.module.url(forResource: "Fixtures/logit_reference", withExtension: "json")!
    return try! JSONDecoder().decode(LogitReference.self, from: Data(contentsOf: url))
  }()

  /// A fixture CSV with a header: the named columns as a design matrix, plus
  /// every column by name.
  static func csv(_ name: String) -> [String: [Double]] {
    let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "csv")!
    let text = try! String(contentsOf: url, encoding: .utf8)
    var lines = text.split(separator: "\n")
    let header = lines.removeFirst().split(separator: ",").map(String.init)
    var columns = [[Double]](repeating: [], count: header.count)
    for line in lines {
      for (j, field) in line.split(separator: ",").enumerated() { columns[j].append(Double(field)!) }
    }
    return Dictionary(uniqueKeysWithValues: zip(header, columns))
  }
}

/// Row-major nested arrays to a column-major `Matrix`.
func matrix(rows: [[Double]]) -> Matrix {
  Matrix(rows: rows.count, columns: rows.first?.count ?? 0, rowMajor: rows.flatMap { $0 })
}

/// Compares arrays at a relative tolerance (with a tiny absolute floor for
/// values that are zero in the reference) and returns the worst relative
/// difference, so tests can report how close the fit is.
@discardableResult
func compare(
  _ actual: [Double], _ expected: [Double], relativeTolerance: Double = 1e-6, _ label: String,
  sourceLocation: SourceLocation = #_sourceLocation
) -> Double {
  assertApproximatelyEqual(
    actual, expected, relativeTolerance: relativeTolerance, absoluteTolerance: 1e-300, label,
    sourceLocation: sourceLocation)
  var worst = 0.0
  for (a, e) in zip(actual, expected) where e != 0 { worst = max(worst, abs(a - e) / abs(e)) }
  print("\(label): worst relative difference \(worst)")
  return worst
}
