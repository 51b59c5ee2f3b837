import Foundation
import LinearAlgebra

/// A segmentation kept for later: the scaling and the centres, so `analyze
/// score` can put new customers in the segments (`model.json`).
///
/// ```swift
/// let model = try SegmentModel.decode(bytes)
/// var table = FeatureTable(newFeatures, history: newHistory)
/// PurchaseBehaviour.append(to: &table, features: newFeatures)   // the default measures
/// let assigned = try model.assign(table)
/// ```
///
/// `Codable`; ``jsonBytes()`` writes sorted keys, so the same fit gives the
/// same file byte for byte.
public struct SegmentModel: Sendable, Codable, Equatable {
  /// The file format this code writes and reads.
  public static let currentFormatVersion = 1

  /// Who the model was trained on, to recognise the data later.
  public typealias Fingerprint = TrainingFingerprint

  public let formatVersion: Int
  public let k: Int
  /// The features as asked (`name:transform*weight`).
  public let features: [SegmentFeature]
  /// The design's columns and scaling: transform, fill, mean, standard deviation, weight.
  public let columns: [SegmentColumn]
  /// The centres in the standardized, weighted space: `centres[j][c]` for design column `c`.
  public let centres: [[Double]]
  /// Segment names (English, Chinese), after the user's overrides.
  public let names: [SegmentName]
  public let seed: UInt64
  /// T of the training features (ISO date).
  public let asOf: String
  public let training: Fingerprint
  /// The `analyze` version that wrote the model.
  public let toolVersion: String

  public init(
    result: SegmentationResult, names: [SegmentName], asOf: String, tableRows: Int, toolVersion: String
  ) {
    formatVersion = Self.currentFormatVersion
    k = result.k
    features = result.design.features
    columns = result.design.columns
    centres = result.kMeans.centres
    self.names = names
    seed = result.seed
    self.asOf = asOf
    training = Fingerprint(customers: tableRows, customerIDs: result.customerIDs)
    self.toolVersion = toolVersion
  }

  /// The segments of new customers: each row of `table` with a recency
  /// (a purchase before its T) goes to the nearest centre.
  ///
  /// ```
  /// z = scaled features (the training scaling);  segment = argminⱼ ‖z − cⱼ‖  (ties → lower j)
  /// ```
  ///
  /// On the training table this gives back the training segments.
  ///
  /// - Throws: ``FeatureError/unknownColumn(name:known:)`` when the table
  ///   lacks a feature of the model.
  /// - Complexity: O(n · k · p).
  public func assign(_ table: FeatureTable) throws(FeatureError) -> SegmentAssignment {
    let rows = SegmentDesign.population(of: table)
    let x = try SegmentDesign.matrix(columns: columns, table: table, rows: rows)
    return assign(x, rows: rows, customerIDs: rows.map { table.customerIDs[$0] })
  }

  /// The nearest and second-nearest centre of each row of a design matrix
  /// already scaled by this model. Assumes `x.columns == columns.count`.
  public func assign(_ x: Matrix, rows: [Int], customerIDs: [String]) -> SegmentAssignment {
    precondition(x.columns == columns.count, "SegmentModel.assign: \(x.columns) columns, the model has \(columns.count)")
    var segment = [Int32](repeating: 0, count: x.rows)
    var distance = [Double](repeating: 0, count: x.rows)
    var second = [Int32](repeating: -1, count: x.rows)
    var secondDistance = [Double](repeating: .infinity, count: x.rows)
    let p = columns.count
    var point = [Double](repeating: 0, count: p)
    for i in 0..<x.rows {
      for c in 0..<p { point[c] = x[i, c] }
      var best = (j: -1, d: Double.infinity)
      var next = (j: -1, d: Double.infinity)
      for j in 0..<k {
        var d = 0.0
        for c in 0..<p {
          let e = point[c] - centres[j][c]
          d += e * e
        }
        if d < best.d {
          next = best
          best = (j, d)
        } else if d < next.d {
          next = (j, d)
        }
      }
      segment[i] = Int32(best.j)
      distance[i] = best.d.squareRoot()
      second[i] = Int32(next.j)
      secondDistance[i] = next.d.squareRoot()
    }
    return SegmentAssignment(
      rows: rows, customerIDs: customerIDs, segment: segment, distance: distance, second: second,
      secondDistance: secondDistance)
  }

  /// `model.json`: pretty-printed, keys sorted, ending with a line feed.
  public func jsonBytes() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(self)) + [10]
  }

  /// Reads a model file's bytes.
  ///
  /// - Throws: ``FeatureError/modelMismatch(reason:)`` for a format version
  ///   this code does not know; `DecodingError` for a malformed file.
  public static func decode(_ bytes: [UInt8]) throws -> SegmentModel {
    let model = try JSONDecoder().decode(SegmentModel.self, from: Data(bytes))
    guard model.formatVersion == currentFormatVersion else {
      throw FeatureError.modelMismatch(
        reason: "format version \(model.formatVersion); this analyze reads version \(currentFormatVersion)")
    }
    guard model.centres.count == model.k, model.centres.allSatisfy({ $0.count == model.columns.count }) else {
      throw FeatureError.modelMismatch(reason: "the centres do not match k = \(model.k) and \(model.columns.count) columns")
    }
    return model
  }
}

/// Customers put into the segments of a ``SegmentModel``.
public struct SegmentAssignment: Sendable, Equatable {
  /// The feature table rows assigned (those with a purchase before T).
  public let rows: [Int]
  public let customerIDs: [String]
  public let segment: [Int32]
  /// Euclidean distance to the segment's centre, in standardized units.
  public let distance: [Double]
  /// The second-nearest segment (`-1` when k = 1) and the distance to it.
  public let second: [Int32]
  public let secondDistance: [Double]
}
