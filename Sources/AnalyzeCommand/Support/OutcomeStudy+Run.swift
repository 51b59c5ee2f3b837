import DataIngest
import Features
import Foundation
import Prediction
import Reports

/// Runs `study` on `data` and writes every output of `analyze churn` / `analyze propensity`.
func runOutcomeStudy(
  _ data: FeatureStore, input: InputOptions, output: OutputOptions, model: ModelOptions, study: OutcomeStudy
) throws {
  let history = data.history
  let folder = try OutputFolder(output.out)
  try folder.writeIngest(history.ingest)
  let result = try study.run(data, toolVersion: Analyze.configuration.version, progress: ProgressReporter.stages())
  let report = OutcomeReport(result: result, language: output.lang)
  try folder.write(report.coefficientsTable, as: "coefficients.csv")
  try folder.write(report.metricsTable, as: "metrics.csv")
  if let calibration = report.calibrationTable { try folder.write(calibration, as: "calibration.csv") }
  if let lift = report.liftTable { try folder.write(lift, as: "lift.csv") }
  try report.writeValidation(to: "\(output.out)/validation.csv")
  try report.writeScores(to: "\(output.out)/scores.csv")
  try AtomicFile.write(try result.model.jsonBytes(), to: "\(output.out)/model.json")
  try folder.writeReport(markdown: report.markdown, as: "report.md", charts: report.charts, language: output.lang)
  if let path = model.exportDesign { try report.writeDesign(to: path) }
  for warning in result.warnings { FileHandle.standardError.write(Data("analyze: warning: \(warning)\n".utf8)) }
  print(report.consoleSummary)
  try enforceStrict(input, history.ingest)
}
