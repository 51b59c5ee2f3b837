import CMemory
import DataIngest
import Dispatch
import Features
import LinearAlgebra
import Models

/// A churn or propensity study on one purchase history: fit, validate out
/// of time, score — what `analyze churn` and `analyze propensity` run.
///
/// With `e` the day after the last transaction and `H` the horizon:
///
/// ```
/// fit:        features as of T = e − H, labels in [T, T + H)      → the model
/// validation: a model fitted as of T − H (labels in [T − H, T)),
///             applied to the features as of T, compared with what happened in [T, T + H)
/// scoring:    the model applied to features as of e               → scores for the next H days
/// ```
///
/// The validation model sees nothing dated on or after T, so its figures
/// are what the model would have scored had it run H days ago. Every date
/// can be set (`fitAsOf`, `validateAsOf`, `scoreAsOf`).
///
/// ```swift
/// let study = OutcomeStudy(outcome: .churn, horizon: 90)
/// let result = try study.run(history, toolVersion: "0.2.0")
/// print(result.validation?.metrics.auc ?? .nan)
/// ```
public struct OutcomeStudy: Sendable {
  public var outcome: Outcome
  public var horizon: Int
  /// T of the fit (default: e − H).
  public var fitAsOf: Int32?
  /// T of the validation model (default: T − H); `validationSkipped` when the data start later.
  public var validateAsOf: Int32?
  /// The day scores are as of (default: e).
  public var scoreAsOf: Int32?
  /// For churn, only customers whose last purchase is at most this many days before T.
  public var lookback: Int?
  /// The terms; `nil` for `featureNames` or ``ModelFormula/defaultTerms(for:)``.
  public var formula: ModelFormula?
  /// Feature names each taken with its usual transform (``ModelTerm/defaultTerm(for:in:)``), when there is no formula.
  public var featureNames: [String]?
  public var estimator: LogisticRegression
  public var encoding: DesignEncoder.Options
  public var threshold: ThresholdChoice
  public var bands: RiskBands
  /// Regions and the other classifications the feature table carries (`C(region)`, `C(value_tier)` …).
  public var classification: CustomerClassification
  /// Keep the fitted design matrix in the result (for `--export-design`).
  public var keepDesign: Bool

  public init(
    outcome: Outcome, horizon: Int, fitAsOf: Int32? = nil, validateAsOf: Int32? = nil, scoreAsOf: Int32? = nil,
    lookback: Int? = nil, formula: ModelFormula? = nil, featureNames: [String]? = nil, estimator: LogisticRegression = LogisticRegression(),
    encoding: DesignEncoder.Options = .init(), threshold: ThresholdChoice = .maximumF1, bands: RiskBands = .standard,
    classification: CustomerClassification = CustomerClassification(), keepDesign: Bool = false
  ) {
    self.outcome = outcome
    self.horizon = horizon
    self.fitAsOf = fitAsOf
    self.validateAsOf = validateAsOf
    self.scoreAsOf = scoreAsOf
    self.lookback = lookback
    self.formula = formula
    self.featureNames = featureNames
    self.estimator = estimator
    self.encoding = encoding
    self.threshold = threshold
    self.bands = bands
    self.classification = classification
    self.keepDesign = keepDesign
  }

  /// Runs the study. `progress` hears each stage as it starts.
  ///
  /// - Throws: ``PredictionError`` when the dates do not fit the data, a
  ///   term is unusable, or a model cannot be fitted.
  public func run(
    _ history: PurchaseHistory, toolVersion: String, progress: (String) -> Void = { _ in }
  ) throws(PredictionError) -> OutcomeStudyResult {
    try run(FeatureStore(history), toolVersion: toolVersion, progress: progress)
  }

  /// Runs the study on the history of `data`, taking features it already
  /// holds (a batch job's earlier steps) rather than building them again.
  public func run(
    _ data: FeatureStore, toolVersion: String, progress: (String) -> Void = { _ in }
  ) throws(PredictionError) -> OutcomeStudyResult {
    let history = data.history
    guard horizon >= 1 else { throw .invalidParameter(name: "horizon", value: "\(horizon)", reason: "must be at least 1 day") }
    if let lookback, lookback < 1 {
      throw .invalidParameter(name: "lookback", value: "\(lookback)", reason: "must be at least 1 day")
    }
    guard let end = FeatureBuilder.dayAfterLastTransaction(history) else { throw .features(.noTransactions) }
    let h = Int32(horizon)
    let t = fitAsOf ?? end - h
    guard t + h <= end else {
      throw .labelsIncomplete(
        asOf: DayNumber.isoString(t), horizon: horizon, lastDay: DayNumber.isoString(end - 1),
        needed: DayNumber.isoString(t + h - 1))
    }
    if let v = validateAsOf, v + h > t {
      throw .invalidParameter(
        name: "validate-as-of", value: DayNumber.isoString(v),
        reason: "its labels would reach past the fit's as-of \(DayNumber.isoString(t)); use \(DayNumber.isoString(t - h)) or earlier")
    }
    var warnings: [String] = []
    // Samples, tables and designs of a million rows are made and freed in turn here: each is mapped on its own
    // and what is freed is given back between them, so one never lands among the other's freed memory
    // (about 100 MiB of a 1,000,000-customer study's peak). 32 MiB is where the loader leaves the threshold.
    analyze_map_allocations_from(1 << 20)
    defer { analyze_map_allocations_from(32 << 20) }

    progress("features as of \(DayNumber.isoString(t))")
    var fitting = try LabelledSample(data, asOf: t, study: self)
    if let outcomeName = formula?.outcome, outcomeName != outcome.labelName {
      throw .invalidTerm(term: "\(outcomeName) ~", reason: "this command models \(outcome.labelName)")
    }
    let terms = try terms(for: fitting.table)
    // Formulas are checked against every column, as the messages name the nearest one.
    let columns = fitting.table.schema
    guard !terms.isEmpty else { throw .invalidTerm(term: "(none)", reason: "the model has no terms") }
    let sources = Set(terms.map(\.source))
    // The table waits for the validation model, whose design and earlier sample are then gone: the three
    // never take memory together. Only the terms' columns come back (the text columns above all go).
    fitting.table = FeatureTable(customerIDs: [])
    FreedMemory.release()

    var earlierModel: (encoder: DesignEncoder, regression: LogisticRegressionResult, threshold: Double)? = nil
    let v = validateAsOf ?? t - h
    if let first = history.transactions.day.min(), first < v {
      progress("validation: fit as of \(DayNumber.isoString(v)), scored as of \(DayNumber.isoString(t))")
      earlierModel = try validationModel(history, asOf: v, terms: terms, columns: columns, warnings: &warnings)
      FreedMemory.release()
    } else {
      warnings.append(
        "no out-of-time validation: it needs transactions before \(DayNumber.isoString(v)) (T − H); the metrics are in-sample")
    }
    fitting.makeTable(keeping: sources, history: history, study: self)
    var validation: OutcomeStudyResult.Validation? = nil
    if let earlierModel { validation = try validate(earlierModel, fitAsOf: v, on: fitting, warnings: &warnings) }

    progress("fit as of \(DayNumber.isoString(t))")
    let fitted = try fit(terms: terms, on: fitting, columns: columns, keepDesign: keepDesign)
    // The validation's, the fingerprint's, the design's and the scores' customers: one array, made only now so
    // that it takes no memory beside the fit's design.
    let fittingIDs = fitting.rows.map { fitting.table.customerIDs[$0] }
    validation?.customerIDs = fittingIDs
    warnings += fitted.regression.diagnostics.map(\.description)
    let cut = threshold.threshold(labels: fitting.labels, probabilities: fitted.probabilities)
    let inSample = try metrics(labels: fitting.labels, probabilities: fitted.probabilities, threshold: cut)
    let model = OutcomeModel(
      outcome: outcome, formula: ModelFormula(outcome: outcome.labelName, terms: terms), horizon: horizon,
      lookback: lookback, trainedAsOf: DayNumber.isoString(t), encoder: fitted.encoder, regression: fitted.regression,
      threshold: cut, bands: bands,
      training: TrainingFingerprint(customers: fitting.table.count, customerIDs: fittingIDs),
      toolVersion: toolVersion)
    let mainTerms = Self.mainTerms(model, count: 5)
    let profiled = fitting
    let profiles = Self.concurrentMap(mainTerms.count) {
      FactorProfile(term: mainTerms[$0], table: profiled.table, rows: profiled.rows, labels: profiled.labels)
    }
    let design = fitted.design.map {
      OutcomeStudyResult.Design(
        customerIDs: fittingIDs, labels: fitting.labels, matrix: $0.matrix,
        columnNames: fitted.encoder.columnNames)
    }
    let fitSummary = OutcomeStudyResult.Fit(
      asOf: t, knownCustomers: fitting.table.count, excluded: fitting.excluded, rows: fitting.rows.count,
      positives: fitting.labels.reduce(0) { $0 + ($1 ? 1 : 0) }, metrics: inSample)

    let s = scoreAsOf ?? end
    progress("scores as of \(DayNumber.isoString(s))")
    let scores: OutcomeStudyResult.Scores
    if s == t && !terms.contains(where: { $0.source == "churn" || $0.source == "purchase" }) {
      // The customers as of T are the fitting population: its table is at hand.
      scores = OutcomeStudyResult.Scores(
        asOf: s, customerIDs: fittingIDs, excluded: fitting.excluded,
        scores: try model.score(fitting.table, rows: fitting.rows))
    } else {
      scores = try score(model, data, asOf: s, warnings: &warnings)
    }
    return OutcomeStudyResult(
      model: model, fit: fitSummary, validation: validation, scores: scores, factorProfiles: profiles,
      design: design, warnings: warnings)
  }

  // MARK: - Stages

  /// The formula's terms, or the named features with their usual transforms, or the default model.
  private func terms(for table: FeatureTable) throws(PredictionError) -> [ModelTerm] {
    if let formula { return formula.terms }
    guard let featureNames else { return ModelFormula.defaultTerms(for: table) }
    var terms: [ModelTerm] = []
    for name in featureNames {
      guard let term = ModelTerm.defaultTerm(for: name, in: table) else {
        throw .unknownColumn(name: name, suggestion: EditDistance.nearest(to: name, among: table.columns.map(\.name)))
      }
      terms.append(term)
    }
    return terms
  }

  /// The out-of-time figures of `model` (fitted as of `v`, see ``validationModel(_:asOf:terms:columns:warnings:)``) on `target`,
  /// but for the customer ids, which ``run(_:toolVersion:progress:)`` sets after the fit.
  private func validate(
    _ model: (encoder: DesignEncoder, regression: LogisticRegressionResult, threshold: Double), fitAsOf v: Int32,
    on target: LabelledSample, warnings: inout [String]
  ) throws(PredictionError) -> OutcomeStudyResult.Validation {
    let (encoder, regression, cut) = model
    // Scored a block of rows at a time: the same numbers without a second n × p design in memory.
    var probabilities: [Double] = []
    probabilities.reserveCapacity(target.rows.count)
    let unknownLevels = try encoder.encode(target.table, rows: target.rows, blockSize: 1 << 16) { _, block in
      probabilities += regression.predictProbabilities(for: block)
    }
    for unknown in unknownLevels {
      warnings.append("validation: \(unknown.rows) customers have \(unknown.term) = \(unknown.level), unseen as of \(DayNumber.isoString(v))")
    }
    let labels = target.labels
    let scored = probabilities
    // Each summary sorts the probabilities on its own: the three side by side.
    let metrics = ConcurrentSlots<Result<BinaryClassificationMetrics, ModelError>?>(repeating: nil, count: 1)
    let calibration = ConcurrentSlots<Result<CalibrationTable, ModelError>?>(repeating: nil, count: 1)
    let gains = ConcurrentSlots<Result<GainsTable, ModelError>?>(repeating: nil, count: 1)
    DispatchQueue.concurrentPerform(iterations: 3) { task in
      switch task {
      case 0: metrics[0] = Result { () throws(ModelError) in try BinaryClassificationMetrics(labels: labels, probabilities: scored, threshold: cut) }
      case 1: calibration[0] = Result { () throws(ModelError) in try CalibrationTable(labels: labels, probabilities: scored) }
      default: gains[0] = Result { () throws(ModelError) in try GainsTable(labels: labels, probabilities: scored) }
      }
    }
    return OutcomeStudyResult.Validation(
      fitAsOf: v, scoredAsOf: target.asOf, customerIDs: [], labels: labels,
      probabilities: probabilities, metrics: try Self.wrap { () throws(ModelError) in try metrics[0]!.get() },
      calibration: try Self.wrap { () throws(ModelError) in try calibration[0]!.get() },
      gains: try Self.wrap { () throws(ModelError) in try gains[0]!.get() },
      bands: Self.bandRates(bands, labels: labels, probabilities: probabilities))
  }

  /// The model fitted as of `v` and its threshold. Its features, table and
  /// design serve only this fit and are gone when it returns; they are not
  /// kept in the store either, as no later step asks for them.
  /// `columns` are those the earlier sample's full table would have: the terms are checked against them.
  private func validationModel(
    _ history: PurchaseHistory, asOf v: Int32, terms: [ModelTerm], columns: FeatureTable, warnings: inout [String]
  ) throws(PredictionError) -> (encoder: DesignEncoder, regression: LogisticRegressionResult, threshold: Double) {
    let encoded: Encoded
    do {
      let earlier = try LabelledSample(FeatureStore(history), asOf: v, study: self, keeping: Set(terms.map(\.source)))
      // What building its features freed goes back before the design is made.
      FreedMemory.release()
      encoded = try encode(terms: terms, sample: earlier, checkedAgainst: columns)
    }
    let regression = try fit(encoded)
    warnings += regression.diagnostics.map { "validation model: \($0.description)" }
    let cut = threshold.threshold(labels: encoded.labels, probabilities: regression.predictProbabilities(for: encoded.design.matrix))
    return (encoded.encoder, regression, cut)
  }

  /// A sample's design, with the encoder learnt from it and its labels.
  private struct Encoded {
    let encoder: DesignEncoder
    let design: DesignEncoder.Encoded
    let labels: [Bool]
  }

  /// The fitted model, its probabilities for the rows it was fitted on, and
  /// their design only when asked for: the n × p matrix goes as soon as the
  /// fit is done, before scoring allocates its own.
  private struct Fitted {
    let encoder: DesignEncoder
    let regression: LogisticRegressionResult
    let probabilities: [Double]
    let design: DesignEncoder.Encoded?
  }

  private func fit(
    terms: [ModelTerm], on sample: LabelledSample, columns: FeatureTable, keepDesign: Bool
  ) throws(PredictionError) -> Fitted {
    let encoded = try encode(terms: terms, sample: sample, checkedAgainst: columns)
    let regression = try fit(encoded)
    return Fitted(
      encoder: encoded.encoder, regression: regression, probabilities: regression.predictProbabilities(for: encoded.design.matrix),
      design: keepDesign ? encoded.design : nil)
  }

  /// `columns`: the full table's columns (``FeatureTable/schema``), for the
  /// check of the terms, as the sample's table may hold only theirs.
  private func encode(terms: [ModelTerm], sample: LabelledSample, checkedAgainst columns: FeatureTable) throws(PredictionError)
    -> Encoded
  {
    guard sample.rows.count >= 2 else {
      throw .emptyPopulation(asOf: DayNumber.isoString(sample.asOf), reason: "\(sample.rows.count) customers in the population")
    }
    try ModelFormula(terms: terms).validate(against: columns)
    let (encoder, design) = try DesignEncoder.fitted(terms, table: sample.table, rows: sample.rows, options: encoding)
    return Encoded(encoder: encoder, design: design, labels: sample.labels)
  }

  private func fit(_ encoded: Encoded) throws(PredictionError) -> LogisticRegressionResult {
    let outcome = encoded.labels.map { $0 ? 1.0 : 0.0 }
    return try Self.wrap { () throws(ModelError) in
      try estimator.fit(encoded.design.matrix, outcome: outcome, columnNames: encoded.encoder.columnNames)
    }
  }

  private func metrics(labels: [Bool], probabilities: [Double], threshold: Double) throws(PredictionError) -> BinaryClassificationMetrics {
    try Self.wrap { () throws(ModelError) in
      try BinaryClassificationMetrics(labels: labels, probabilities: probabilities, threshold: threshold)
    }
  }

  private func score(
    _ model: OutcomeModel, _ data: FeatureStore, asOf s: Int32, warnings: inout [String]
  ) throws(PredictionError) -> OutcomeStudyResult.Scores {
    let features = try Self.wrap { () throws(FeatureError) in try data.features(FeatureBuilder(asOf: s)) }
    let table = Self.table(features, history: data.history, classification: classification)
    let (rows, excluded) = outcome.population(features, lookback: lookback)
    guard !rows.isEmpty else { throw .emptyPopulation(asOf: DayNumber.isoString(s), reason: "no customer to score") }
    let scores = try model.score(table, rows: rows)
    for unknown in scores.unknownLevels {
      warnings.append("scores: \(unknown.rows) customers have \(unknown.term) = \(unknown.level), unseen in training")
    }
    return OutcomeStudyResult.Scores(
      asOf: s, customerIDs: rows.map { table.customerIDs[$0] }, excluded: excluded, scores: scores)
  }

  // MARK: - Helpers

  /// The feature table a model reads: features, attributes and the
  /// language-independent classifications (English names, so a model
  /// fitted under one `--lang` scores under the other).
  public static func table(
    _ features: CustomerFeatures, history: PurchaseHistory, classification: CustomerClassification
  ) -> FeatureTable {
    var table = FeatureTable(features, history: history)
    neutral(classification).append(to: &table, features: features)
    return table
  }

  /// ``table(_:history:classification:)`` with only the columns in `names`.
  static func table(
    _ features: CustomerFeatures, history: PurchaseHistory, classification: CustomerClassification, keeping names: Set<String>
  ) -> FeatureTable {
    var table = FeatureTable(features, history: history)
    neutral(classification).append(to: &table, features: features, only: names)
    return table.keeping(names)
  }

  private static func neutral(_ classification: CustomerClassification) -> CustomerClassification {
    var neutral = classification
    neutral.chineseNames = false
    return neutral
  }

  /// The terms with the largest standardized effect, numbers before text
  /// only by effect size.
  static func mainTerms(_ model: OutcomeModel, count: Int) -> [ModelTerm] {
    let regression = model.regression
    let offset = regression.fitIntercept ? 1 : 0
    var effect = [Double](repeating: 0, count: model.encoder.encodings.count)
    for (k, column) in regression.inputColumnIndices.enumerated() {
      let size = abs(regression.standardizedEffects[k + offset] ?? 0)
      let term = model.encoder.columnTerms[column]
      effect[term] = max(effect[term], size)
    }
    return effect.indices.filter { effect[$0] > 0 }.sorted { effect[$0] > effect[$1] }.prefix(count)
      .map { model.encoder.encodings[$0].term }
  }

  static func bandRates(_ bands: RiskBands, labels: [Bool], probabilities: [Double]) -> [OutcomeStudyResult.BandRate] {
    var counts = [Int](repeating: 0, count: bands.names.count)
    var positives = [Int](repeating: 0, count: bands.names.count)
    for (label, p) in zip(labels, probabilities) {
      let b = bands.band(of: p)
      counts[b] += 1
      if label { positives[b] += 1 }
    }
    return bands.names.indices.map { OutcomeStudyResult.BandRate(band: $0, count: counts[$0], positives: positives[$0]) }
  }

  /// `body` of `0..<count`, computed on all cores, in order.
  static func concurrentMap<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = ConcurrentSlots<T?>(repeating: nil, count: count)
    DispatchQueue.concurrentPerform(iterations: count) { slots[$0] = body($0) }
    return (0..<count).map { slots[$0]! }
  }

  static func wrap<T>(_ body: () throws(ModelError) -> T) throws(PredictionError) -> T {
    do { return try body() } catch { throw .model(error) }
  }

  static func wrap<T>(_ body: () throws(FeatureError) -> T) throws(PredictionError) -> T {
    do { return try body() } catch { throw .features(error) }
  }
}

/// The population of a study as of one day, with its labels.
struct LabelledSample {
  let asOf: Int32
  /// The labelled features the table is made from, kept only when the
  /// table has every column (``makeTable(keeping:history:study:)`` may make
  /// it again with fewer): otherwise the other columns' memory goes at once.
  let features: CustomerFeatures?
  var table: FeatureTable
  let rows: [Int]
  let labels: [Bool]
  let excluded: PopulationExclusions

  /// - Parameter names: the table's columns when not all (see ``OutcomeStudy/table(_:history:classification:keeping:)``).
  init(_ data: FeatureStore, asOf: Int32, study: OutcomeStudy, keeping names: Set<String>? = nil) throws(PredictionError) {
    let history = data.history
    let builder = FeatureBuilder(asOf: asOf, horizon: study.horizon, purchaseFilter: study.outcome.purchaseFilter)
    let features = try OutcomeStudy.wrap { () throws(FeatureError) in try data.features(builder) }
    let (rows, excluded) = study.outcome.population(features, lookback: study.lookback)
    let label: [Double]? =
      switch study.outcome {
      case .churn: features.churn
      case .purchase: features.purchase
      }
    guard let label else {
      let end = FeatureBuilder.dayAfterLastTransaction(history) ?? asOf
      throw .labelsIncomplete(
        asOf: DayNumber.isoString(asOf), horizon: study.horizon, lastDay: DayNumber.isoString(end - 1),
        needed: DayNumber.isoString(asOf + Int32(study.horizon) - 1))
    }
    self.asOf = asOf
    self.features = names == nil ? features : nil
    self.table =
      names.map { OutcomeStudy.table(features, history: history, classification: study.classification, keeping: $0) }
      ?? OutcomeStudy.table(features, history: history, classification: study.classification)
    self.rows = rows
    self.labels = rows.map { label[$0] == 1 }
    self.excluded = excluded
  }

  /// Makes the table again from the features, with only the columns in `names`.
  mutating func makeTable(keeping names: Set<String>, history: PurchaseHistory, study: OutcomeStudy) {
    table = OutcomeStudy.table(features!, history: history, classification: study.classification, keeping: names)
  }
}
