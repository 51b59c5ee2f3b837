import DataIngest
import Foundation
import Prediction
import TestSupport
import Testing

/// The numbers of `Fixtures/make_reference.py`: statsmodels and
/// scikit-learn on the fixture data (see the script for how each was made).
struct PredictionReference: Decodable {
  struct Fit: Decodable {
    let terms: [String]
    let coef: [String]
    let std_err: [String]
  }

  struct Validation: Decodable {
    let n: Int
    let positives: Int
    let auc: String
    let ks: String
    let log_loss: String
    let brier: String
  }

  let as_of: String
  let horizon: Int
  let formula: String
  let explicit: Fit
  let `default`: Fit
  let validation: Validation

  static func load() throws -> PredictionReference {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/reference", withExtension: "json"))
    return try JSONDecoder().decode(PredictionReference.self, from: Data(contentsOf: url))
  }

  static func history() throws -> PurchaseHistory {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/data", withExtension: nil))
    return try PurchaseHistoryLoader.load(try .folder(url.path))
  }
}

extension Array where Element == String {
  var doubles: [Double] { map { Double($0)! } }
}

@Suite("Churn models against statsmodels and scikit-learn")
struct PredictionFidelityTests {
  @Test("A formula's design equals the one rebuilt in pandas, and its fit statsmodels'")
  func explicitFormula() throws {
    let reference = try PredictionReference.load()
    let study = OutcomeStudy(outcome: .churn, horizon: reference.horizon, formula: try ModelFormula(parsing: reference.formula))
    let result = try study.run(try PredictionReference.history(), toolVersion: "test")
    let regression = result.model.regression
    #expect(DayNumber.isoString(result.fit.asOf) == reference.as_of)
    #expect(regression.terms == reference.explicit.terms)
    assertApproximatelyEqual(regression.coefficients, reference.explicit.coef.doubles, relativeTolerance: 1e-6, absoluteTolerance: 1e-9)
    assertApproximatelyEqual(regression.standardErrors, reference.explicit.std_err.doubles, relativeTolerance: 1e-6, absoluteTolerance: 1e-9)
  }

  @Test("The default model's fit equals statsmodels' on the exported design; the validation metrics scikit-learn's")
  func defaultModel() throws {
    let reference = try PredictionReference.load()
    let result = try OutcomeStudy(outcome: .churn, horizon: reference.horizon).run(try PredictionReference.history(), toolVersion: "test")
    let regression = result.model.regression
    #expect(regression.terms == reference.default.terms)
    assertApproximatelyEqual(regression.coefficients, reference.default.coef.doubles, relativeTolerance: 1e-6, absoluteTolerance: 1e-9)
    assertApproximatelyEqual(regression.standardErrors, reference.default.std_err.doubles, relativeTolerance: 1e-6, absoluteTolerance: 1e-9)

    let validation = try #require(result.validation)
    let expected = reference.validation
    #expect(validation.metrics.count == expected.n)
    #expect(validation.metrics.positives == expected.positives)
    assertApproximatelyEqual(try #require(validation.metrics.auc), Double(expected.auc)!, relativeTolerance: 1e-12)
    assertApproximatelyEqual(try #require(validation.metrics.ks), Double(expected.ks)!, relativeTolerance: 1e-12)
    assertApproximatelyEqual(validation.metrics.logLoss, Double(expected.log_loss)!, relativeTolerance: 1e-12)
    assertApproximatelyEqual(validation.metrics.brier, Double(expected.brier)!, relativeTolerance: 1e-12)
  }
}
