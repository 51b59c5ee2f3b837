import Features
import Foundation
import Prediction
import TestSupport
import Testing

@Suite("Design encoding")
struct DesignEncoderTests {
  /// Six customers: a count with one missing value, a text column with a
  /// frequent, a middling and a rare level and one missing value.
  let table = FeatureTable(customerIDs: ["a", "b", "c", "d", "e", "f"], columns: [
    .number("orders", [0, 1, 3, .nan, 7, -2]),
    .text("tier", ["gold", "none", "none", "gold", "none", nil]),
  ])

  @Test("log1p, standardization with ddof 0 and a missing indicator, worked by hand")
  func numeric() throws {
    let encoder = try DesignEncoder(fitting: [ModelTerm("orders", .log1p)], table: table, rows: Array(0..<6))
    #expect(encoder.columnNames == ["log1p(orders)", "missing(orders)"])
    // Transformed present values: log 1, log 2, log 4, log 8, log 1 (−2 clips to 0) = 0, L, 2L, 3L, 0 with L = ln 2.
    // Mean 6L/5 = 1.2L; deviations −1.2L, −0.2L, 0.8L, 1.8L, −1.2L; squares sum 6.8L²; sd = L·√1.36.
    let l = log(2.0)
    let sd = l * 1.36.squareRoot()
    let design = try encoder.encode(table, rows: Array(0..<6)).matrix
    assertApproximatelyEqual(design.column(0), [-1.2 * l / sd, -0.2 * l / sd, 0.8 * l / sd, 0, 1.8 * l / sd, -1.2 * l / sd], relativeTolerance: 1e-14, absoluteTolerance: 1e-15)
    #expect(design.column(1) == [0, 0, 0, 1, 0, 0])
    // The standardized column sums to 0 over the training rows; the indicator's mean is 1/6.
    assertApproximatelyEqual(encoder.columnMeans, [0, 1.0 / 6], relativeTolerance: 1e-14, absoluteTolerance: 1e-15)
  }

  @Test("One-hot against the most frequent level; rare levels grouped; unseen levels counted")
  func categorical() throws {
    let options = DesignEncoder.Options(rareLevelShare: 0, rareLevelCount: 2)
    let encoder = try DesignEncoder(fitting: [ModelTerm("tier", .categorical)], table: table, rows: Array(0..<6), options: options)
    // none ×3 (reference), gold ×2 (own column), (missing) ×1 (rare → other).
    #expect(encoder.columnNames == ["C(tier)[gold]", "C(tier)[(other)]"])
    guard case .categorical(let e) = encoder.encodings[0] else { Issue.record("not categorical"); return }
    #expect(e.reference == "none")
    #expect(e.grouped == ["(missing)"])

    let fresh = FeatureTable(customerIDs: ["x", "y", "z"], columns: [.text("tier", ["platinum", "gold", "none"])])
    let encoded = try encoder.encode(fresh, rows: [0, 1, 2])
    #expect(encoded.matrix.column(0) == [0, 1, 0])
    #expect(encoded.matrix.column(1) == [1, 0, 0])
    #expect(encoded.unknownLevels.count == 1)
    #expect(encoded.unknownLevels.first?.level == "platinum")
    #expect(encoded.unknownLevels.first?.rows == 1)
  }

  @Test("A numeric column asked for as C() is read as whole-number text")
  func numericAsCategorical() throws {
    let encoder = try DesignEncoder(fitting: [ModelTerm("orders", .categorical)], table: table, rows: Array(0..<6), options: .init(rareLevelShare: 0, rareLevelCount: 0))
    // Every level once: the reference is the first in code point order, "(missing)" ('(' < '-').
    #expect(encoder.columnNames == ["C(orders)[-2]", "C(orders)[0]", "C(orders)[1]", "C(orders)[3]", "C(orders)[7]"])
  }

  @Test("Encoding a table that lacks a column names it")
  func missingColumn() throws {
    let encoder = try DesignEncoder(fitting: [ModelTerm("orders")], table: table, rows: Array(0..<6))
    let other = FeatureTable(customerIDs: ["x"], columns: [.number("order", [1])])
    #expect(throws: PredictionError.unknownColumn(name: "orders", suggestion: "order")) {
      try encoder.encode(other, rows: [0])
    }
  }
}
