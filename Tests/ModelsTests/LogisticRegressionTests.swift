import Foundation
import LinearAlgebra
import TestSupport
import Testing

@testable import Models

/// Golden-number tests: every expected value comes from
/// `Fixtures/make_logit_reference.py` (statsmodels / scikit-learn / scipy),
/// never from this code's own output.
@Suite struct LogisticRegressionTests {
  static let churnNames = [
    "log_recency", "log_frequency", "log_monetary", "log_tenure", "orders_90d",
    "discount_share", "events_complaint",
  ]

  static let churn: (design: Matrix, y: [Double]) = {
    let table = LogitReference.csv("logit_churn")
    return (Matrix(columns: churnNames.map { table[$0]! }), table["y"]!)
  }()

  /// Checks everything statsmodels reports for a maximum-likelihood fit.
  func compareInference(
    _ result: LogisticRegressionResult, _ ref: LogitReference.Case, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.terms == ref.terms!, sourceLocation: sourceLocation)
    var worst = 0.0
    worst = max(worst, compare(result.coefficients, ref.params!, "\(label) coefficients", sourceLocation: sourceLocation))
    worst = max(worst, compare(result.standardErrors, ref.bse!, "\(label) standard errors", sourceLocation: sourceLocation))
    worst = max(worst, compare(result.zValues, ref.tvalues!, "\(label) z", sourceLocation: sourceLocation))
    worst = max(worst, compare(result.pValues, ref.pvalues!, "\(label) p", sourceLocation: sourceLocation))
    let intervals = result.confidenceIntervals(level: 0.95)
    worst = max(worst, compare(intervals.map(\.lower), ref.conf_int_lower!, "\(label) CI lower", sourceLocation: sourceLocation))
    worst = max(worst, compare(intervals.map(\.upper), ref.conf_int_upper!, "\(label) CI upper", sourceLocation: sourceLocation))
    var scalars: [(Double, Double?, String)] = [
      (result.logLikelihood, ref.llf, "llf"), (result.nullLogLikelihood, ref.llnull, "llnull"),
      (result.aic, ref.aic, "aic"), (result.bic, ref.bic, "bic"),
      (result.pseudoRSquared, ref.prsquared, "prsquared"), (result.deviance, ref.deviance, "deviance"),
      (result.nullDeviance, ref.null_deviance, "null deviance"),
      (result.numberOfObservations, ref.nobs, "nobs"),
    ]
    scalars.removeAll { $0.1 == nil }
    worst = max(
      worst,
      compare(scalars.map(\.0), scalars.map { $0.1! }, "\(label) \(scalars.map(\.2))", sourceLocation: sourceLocation))
    print("\(label): worst relative difference overall \(worst)")
  }

  @Test("churn design: every statistic equals statsmodels Logit(method=\"newton\") to 1e-6")
  func churnMaximumLikelihood() throws {
    let ref = LogitReference.shared.cases["churn"]!
    let result = try LogisticRegression().fit(
      Self.churn.design, outcome: Self.churn.y, columnNames: Self.churnNames)
    #expect(result.converged)
    #expect(result.diagnostics.isEmpty)
    #expect(result.droppedColumns.isEmpty)
    compareInference(result, ref, "churn")
    print("churn: iterations \(result.iterations), statsmodels \(ref.iterations!)")
    #expect(abs(result.iterations - ref.iterations!) <= 1)
    #expect(result.history.count == result.iterations)
    #expect(result.history.allSatisfy { $0.stepHalvings == 0 })
    // Odds ratios and their intervals are the exponentiated estimates.
    compare(result.oddsRatios, ref.params!.map { exp($0) }, "churn odds ratios")
    compare(result.oddsRatioIntervals().map(\.upper), ref.conf_int_upper!.map { exp($0) }, "churn OR upper")
    // Standardized effects: coefficient × sample standard deviation.
    let effects = result.standardizedEffects.dropFirst().map { $0! }
    compare(effects, zip(ref.params!.dropFirst(), ref.column_sd_ddof1!).map { $0 * $1 }, "churn standardized")
    #expect(result.standardizedEffects[0] == nil)
    // VIFs: statsmodels variance_inflation_factor on the design with constant.
    compare(result.varianceInflationFactors, ref.vif!, "churn VIF")
  }

  @Test("ten copies of the churn rows: statsmodels' coefficients, SE / √10, ℓ × 10 (rows in concurrent chunks)")
  func replicatedRowsInChunks() throws {
    // 20,000 rows are five blocks of 4,096, each its own chunk of the pass.
    let ref = LogitReference.shared.cases["churn"]!
    let copies = 10
    let design = Matrix(
      columns: (0..<Self.churn.design.columns).map { j in
        Array([[Double]](repeating: Self.churn.design.column(j), count: copies).joined())
      })
    let outcome = Array([[Double]](repeating: Self.churn.y, count: copies).joined())
    let result = try LogisticRegression().fit(design, outcome: outcome, columnNames: Self.churnNames)
    #expect(result.converged)
    compare(result.coefficients, ref.params!, "replicated coefficients")
    compare(result.standardErrors, ref.bse!.map { $0 / Double(copies).squareRoot() }, "replicated standard errors")
    compare([result.logLikelihood], [ref.llf! * Double(copies)], "replicated llf")
    compare(result.varianceInflationFactors, ref.vif!, "replicated VIF")
  }

  @Test("frequency weights equal statsmodels GLM(Binomial, freq_weights=w)")
  func frequencyWeights() throws {
    let ref = LogitReference.shared.cases["weighted"]!
    let table = LogitReference.csv("logit_weighted")
    let names = ["x1", "x2", "flag"]
    let result = try LogisticRegression().fit(
      Matrix(columns: names.map { table[$0]! }), outcome: table["y"]!, columnNames: names,
      sampleWeights: table["w"]!)
    #expect(result.converged)
    compareInference(result, ref, "weighted")
  }

  @Test("L2 with strength 1/C equals scikit-learn LogisticRegression(C=0.5)")
  func ridgeMatchesScikitLearn() throws {
    let ref = LogitReference.shared.cases["l2"]!
    let model = LogisticRegression(penalty: .l2(strength: ref.strength!))
    let result = try model.fit(Self.churn.design, outcome: Self.churn.y, columnNames: Self.churnNames)
    #expect(result.converged)
    compare(result.coefficients, ref.params!, "l2 coefficients")
    // The penalty shrinks the slopes but leaves the intercept free.
    let mle = LogitReference.shared.cases["churn"]!.params!
    let penalty = zip(result.coefficients.dropFirst(), mle.dropFirst()).map { abs($0) - abs($1) }
    #expect(penalty.reduce(0, +) < 0)
    let slopes = result.coefficients.dropFirst().reduce(0) { $0 + $1 * $1 }
    assertApproximatelyEqual(
      result.penalizedLogLikelihood!, result.logLikelihood - ref.strength! / 2 * slopes,
      relativeTolerance: 1e-12)
  }

  @Test("balanced class weights equal GLM with those weights and scikit-learn class_weight='balanced'")
  func balancedClassWeights() throws {
    let ref = LogitReference.shared.cases["balanced"]!
    let result = try LogisticRegression(classWeights: .balanced).fit(
      Self.churn.design, outcome: Self.churn.y, columnNames: Self.churnNames)
    compareInference(result, ref, "balanced")
    let weights = ref.class_weights!
    let custom = try LogisticRegression(
      classWeights: .custom(negative: weights[0], positive: weights[1])
    ).fit(Self.churn.design, outcome: Self.churn.y, columnNames: Self.churnNames)
    compare(custom.coefficients, ref.params!, "custom class weights")
  }

  @Test("a collinear column (x3 = x1 + x2) is named, dropped, and the rest equals statsmodels")
  func collinearColumnDropped() throws {
    let ref = LogitReference.shared.cases["collinear"]!
    let result = try LogisticRegression().fit(
      matrix(rows: ref.design!), outcome: ref.y!, columnNames: ref.columns!)
    #expect(result.droppedColumns == ["x3"])
    #expect(result.diagnostics == [.droppedCollinear(column: "x3", dependsOn: ["x1", "x2"])])
    #expect(result.inputColumnIndices == [0, 1, 3])
    compareInference(result, ref, "collinear")
    // Predictions take the full input layout and ignore the dropped column.
    let design = matrix(rows: ref.design!)
    let eta = result.linearPredictor(for: design)
    let row = ref.design![7]
    assertApproximatelyEqual(
      eta[7], ref.params![0] + ref.params![1] * row[0] + ref.params![2] * row[1] + ref.params![3] * row[3],
      relativeTolerance: 1e-6)
    let probabilities = result.predictProbabilities(for: design)
    assertApproximatelyEqual(probabilities[7], 1 / (1 + exp(-eta[7])))
  }

  @Test("a dummy trap names the intercept among what the dropped column depends on")
  func dummyTrap() throws {
    let ref = LogitReference.shared.cases["collinear"]!
    let x1 = ref.design!.map { $0[0] }
    let flag = x1.map { $0 > 0 ? 1.0 : 0.0 }
    let result = try LogisticRegression().fit(
      Matrix(columns: [x1, flag, flag.map { 1 - $0 }]), outcome: ref.y!,
      columnNames: ["x1", "high", "low"])
    #expect(result.diagnostics == [.droppedCollinear(column: "low", dependsOn: ["intercept", "high"])])
  }

  @Test("a constant column is named, dropped, and the rest equals statsmodels")
  func constantColumnDropped() throws {
    let ref = LogitReference.shared.cases["constant"]!
    let result = try LogisticRegression().fit(
      matrix(rows: ref.design!), outcome: ref.y!, columnNames: ref.columns!)
    #expect(result.droppedColumns == ["five"])
    #expect(result.diagnostics == [.droppedConstant(column: "five")])
    compareInference(result, ref, "constant")
    // Without an intercept a constant column is the intercept: it is kept.
    let noIntercept = try LogisticRegression(fitIntercept: false).fit(
      matrix(rows: ref.design!), outcome: ref.y!, columnNames: ref.columns!)
    #expect(noIntercept.droppedColumns.isEmpty)
    compare(
      noIntercept.coefficients, [ref.params![1], ref.params![0] / 5, ref.params![2]],
      "constant as intercept")
  }

  @Test("perfect separation is reported with the diverging columns, not hidden")
  func perfectSeparation() throws {
    let ref = LogitReference.shared.cases["perfect_separation"]!
    #expect(ref.statsmodels!.contains("PerfectSeparationWarning"))
    let result = try LogisticRegression().fit(
      Matrix(columns: [ref.x!]), outcome: ref.y!, columnNames: ["x"])
    #expect(!result.converged)
    #expect(result.isSeparated)
    #expect(result.diagnostics == [.perfectSeparation(columns: ["intercept", "x"])])
    #expect(result.deviance < 1e-6)
    #expect(result.diagnostics[0].description.contains("firth"))
  }

  @Test("quasi-complete separation names only the diverging columns")
  func quasiSeparation() throws {
    let ref = LogitReference.shared.cases["quasi_separation"]!
    let result = try LogisticRegression().fit(
      Matrix(columns: [ref.x!, ref.z!]), outcome: ref.y!, columnNames: ["x", "z"])
    #expect(!result.converged)
    #expect(result.diagnostics == [.quasiSeparation(columns: ["intercept", "x"])])
    // The overlap at x = 5 keeps the deviance at 4·log 2 (four rows at p = ½).
    assertApproximatelyEqual(result.deviance, 8 * log(2.0), relativeTolerance: 1e-6)
    #expect(abs(result.coefficients[2]) < 1e-6)
  }

  @Test("Firth equals an independent BFGS maximisation of ℓ + ½ log det I (scipy)")
  func firthMatchesReference() throws {
    let ref = LogitReference.shared.cases["firth"]!
    let result = try LogisticRegression(penalty: .firth).fit(
      matrix(rows: ref.design!), outcome: ref.y!, columnNames: ref.columns!)
    #expect(result.converged)
    compare(result.coefficients, ref.params!, "firth coefficients")
    compare(result.standardErrors, ref.bse!, "firth standard errors")
    compare([result.penalizedLogLikelihood!, result.logLikelihood], [ref.penalized_llf!, ref.llf!], "firth llf")
  }

  @Test("Firth gives finite estimates under perfect separation, equal to the reference")
  func firthUnderSeparation() throws {
    let ref = LogitReference.shared.cases["firth_separated"]!
    let result = try LogisticRegression(penalty: .firth).fit(
      Matrix(columns: [ref.x!]), outcome: ref.y!, columnNames: ["x"])
    #expect(result.converged)
    #expect(result.diagnostics.isEmpty)
    compare(result.coefficients, ref.params!, "firth separated coefficients")
    compare(result.standardErrors, ref.bse!, "firth separated standard errors")
  }

  @Test("Firth on a 2×2 table adds ½ to every cell (closed form)")
  func firthTwoByTwo() throws {
    // Group 0: 0 events in 5 (separated); group 1: 3 events in 7.
    let x = [Double](repeating: 0, count: 5) + [Double](repeating: 1, count: 7)
    let y = [Double](repeating: 0, count: 5) + [1, 1, 1, 0, 0, 0, 0]
    let result = try LogisticRegression(penalty: .firth).fit(
      Matrix(columns: [x]), outcome: y, columnNames: ["group"])
    let b0 = log(0.5 / 5.5)
    let b1 = log(3.5 / 4.5) - b0
    assertApproximatelyEqual(result.coefficients, [b0, b1], relativeTolerance: 1e-9)
  }

  @Test("an iteration limit is reported as non-convergence")
  func notConverged() throws {
    let result = try LogisticRegression(maxIterations: 2).fit(
      Self.churn.design, outcome: Self.churn.y, columnNames: Self.churnNames)
    #expect(!result.converged)
    #expect(result.iterations == 2)
    guard case let .notConverged(iterations, lastChange) = result.diagnostics.first else {
      Issue.record("expected .notConverged, got \(result.diagnostics)")
      return
    }
    #expect(iterations == 2)
    #expect(lastChange > 0)
  }

  @Test("a nearly collinear column that passes screening is flagged as a near-singular Hessian")
  func nearSingularHessian() throws {
    let ref = LogitReference.shared.cases["collinear"]!
    let x1 = ref.design!.map { $0[0] }
    let x2 = ref.design!.map { $0[1] }
    let almost = zip(x1, x2).map { $0 + 1e-6 * $1 }
    let result = try LogisticRegression().fit(
      Matrix(columns: [x1, almost]), outcome: ref.y!, columnNames: ["x1", "almost"])
    #expect(result.droppedColumns.isEmpty)
    #expect(result.diagnostics.contains {
      if case let .nearSingularHessian(condition) = $0 { return condition > 1e10 }
      return false
    })
    #expect(result.varianceInflationFactors[1] > 1e10)
  }

  @Test("bad hyper-parameters and inputs throw errors that name them")
  func validation() {
    let x = Matrix(columns: [[0, 1, 2, 3]])
    let y: [Double] = [0, 1, 0, 1]
    #expect(throws: ModelError.invalidParameter(name: "maxIterations", value: "0", reason: "must be at least 1")) {
      try LogisticRegression(maxIterations: 0).fit(x, outcome: y, columnNames: ["x"])
    }
    #expect(throws: ModelError.self) { try LogisticRegression(penalty: .l2(strength: -1)).validate() }
    #expect(throws: ModelError.self) {
      try LogisticRegression(classWeights: .custom(negative: 0, positive: 1)).validate()
    }
    #expect(throws: ModelError.invalidValue(column: "outcome", row: 2, value: 2)) {
      try LogisticRegression().fit(x, outcome: [0, 1, 2, 1], columnNames: ["x"])
    }
    #expect(throws: ModelError.invalidValue(column: "x", row: 1, value: .infinity)) {
      try LogisticRegression().fit(Matrix(columns: [[0, .infinity, 2, 3]]), outcome: y, columnNames: ["x"])
    }
    #expect(throws: ModelError.shapeMismatch(what: "outcome length (one per design row)", expected: 4, actual: 3)) {
      try LogisticRegression().fit(x, outcome: [0, 1, 0], columnNames: ["x"])
    }
    #expect(throws: ModelError.singleClass(value: 1)) {
      try LogisticRegression().fit(x, outcome: [1, 1, 1, 1], columnNames: ["x"])
    }
    #expect(throws: ModelError.invalidValue(column: "sampleWeights", row: 0, value: -1)) {
      try LogisticRegression().fit(x, outcome: y, columnNames: ["x"], sampleWeights: [-1, 1, 1, 1])
    }
  }

  @Test("a result survives a JSON round trip")
  func codable() throws {
    let result = try LogisticRegression().fit(
      Self.churn.design, outcome: Self.churn.y, columnNames: Self.churnNames)
    let data = try JSONEncoder().encode(result)
    let decoded = try JSONDecoder().decode(LogisticRegressionResult.self, from: data)
    #expect(decoded.coefficients == result.coefficients)
    #expect(decoded.terms == result.terms)
    #expect(decoded.standardizedEffects == result.standardizedEffects)
    #expect(decoded.coefficientTable().count == 8)
  }

  @Test("normal quantiles and tail p-values equal scipy.stats.norm")
  func normalDistribution() {
    assertApproximatelyEqual(NormalDistribution.quantile(0.975), 1.959963984540054, relativeTolerance: 1e-15)
    assertApproximatelyEqual(NormalDistribution.quantile(0.995), 2.5758293035489004, relativeTolerance: 1e-15)
    assertApproximatelyEqual(NormalDistribution.quantile(0.01), -2.3263478740408408, relativeTolerance: 1e-15)
    assertApproximatelyEqual(NormalDistribution.quantile(1e-10), -6.361340902404056, relativeTolerance: 1e-14)
    assertApproximatelyEqual(NormalDistribution.twoSidedPValue(30), 9.813427854295816e-198, relativeTolerance: 1e-14)
    assertApproximatelyEqual(NormalDistribution.twoSidedPValue(-1.5), 0.13361440253771614, relativeTolerance: 1e-15)
  }
}
