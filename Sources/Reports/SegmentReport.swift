import Features
import Models

/// The outputs of `analyze segment` as values: the CSV tables here, the
/// profile in `SegmentReport+Markdown.swift`. Nothing here computes a
/// statistic; it lays out a ``SegmentationResult`` and its ``SegmentProfile``.
public struct SegmentReport: Sendable {
  /// Who was left out of the clustering, and why.
  public struct Excluded: Sendable, Equatable {
    /// Known customers with no order before T.
    public var prospects: Int
    /// Customers whose orders before T are all refunds or voids.
    public var refundOnly: Int

    public init(prospects: Int, refundOnly: Int) {
      self.prospects = prospects
      self.refundOnly = refundOnly
    }
  }

  /// The adjusted Rand index against known segments.
  public struct TruthCheck: Sendable, Equatable {
    public var source: String
    public var index: Double
    public var customers: Int

    public init(source: String, index: Double, customers: Int) {
      self.source = source
      self.index = index
      self.customers = customers
    }
  }

  public let result: SegmentationResult
  public let profile: SegmentProfile
  public let names: [SegmentName]
  public let asOf: String
  public let excluded: Excluded
  public let truth: TruthCheck?
  public let language: ReportLanguage
  /// Silhouette's exact limit and sample size, for the note on sampling.
  public let silhouetteExactLimit: Int
  public let silhouetteSampleSize: Int

  public init(
    result: SegmentationResult, profile: SegmentProfile, names: [SegmentName], asOf: String, excluded: Excluded,
    truth: TruthCheck?, language: ReportLanguage = .en, silhouetteExactLimit: Int = 10_000,
    silhouetteSampleSize: Int = 10_000
  ) {
    precondition(names.count == result.k, "SegmentReport: \(names.count) names for \(result.k) segments")
    self.result = result
    self.profile = profile
    self.names = names
    self.asOf = asOf
    self.excluded = excluded
    self.truth = truth
    self.language = language
    self.silhouetteExactLimit = silhouetteExactLimit
    self.silhouetteSampleSize = silhouetteSampleSize
  }

  func name(_ j: Int) -> String { language.pick(names[j].en, names[j].zh) }

  /// Writes `segments.csv`: one row per clustered customer, in the feature table's order.
  public func writeSegments(to path: String) throws(ReportError) {
    let d = result.distances
    try Self.writeSegments(
      customerIDs: result.customerIDs, nearest: d.nearest, nearestDistance: d.nearestDistance, second: d.second,
      secondDistance: d.secondDistance, names: names.indices.map(name), to: path)
  }

  /// Writes the `segments.csv` of customers put into a saved model's segments (`analyze score`).
  public static func writeAssignment(
    _ assigned: SegmentAssignment, names: [SegmentName], language: ReportLanguage, to path: String
  ) throws(ReportError) {
    try writeSegments(
      customerIDs: assigned.customerIDs, nearest: assigned.segment, nearestDistance: assigned.distance,
      second: assigned.second, secondDistance: assigned.secondDistance,
      names: names.map { language.pick($0.en, $0.zh) }, to: path)
  }

  /// Streamed from the columns: a million rows never sit in memory as a table.
  private static func writeSegments(
    customerIDs: [String], nearest: [Int32], nearestDistance: [Double], second: [Int32], secondDistance: [Double],
    names: [String], to path: String
  ) throws(ReportError) {
    try CSVWriter.writeFile(
      at: path, columns: ["customer_id", "segment", "segment_name", "distance", "second_segment", "second_distance"],
      rowCount: customerIDs.count
    ) { i, cells in
      let j = Int(nearest[i])
      let other = Int(second[i])
      cells[0] = .text(customerIDs[i])
      cells[1] = .integer(j)
      cells[2] = .text(names[j])
      cells[3] = .number(nearestDistance[i])
      cells[4] = other < 0 ? .missing : .integer(other)
      cells[5] = other < 0 ? .missing : .number(secondDistance[i])
    }
  }

  /// `centroids.csv`: one row per segment; for every design column the mean
  /// and median in original units (one-hot levels: the share) and the
  /// standardized centre.
  public var centroidsTable: ReportTable {
    var columns = ["segment", "segment_name", "size", "share"]
    for (column, summary) in zip(result.design.columns, profile.designColumns) {
      if column.level != nil {
        columns += ["\(column.name)_share", "\(column.name)_centre"]
      } else {
        columns += ["\(summary.name)_mean", "\(summary.name)_median", "\(column.name)_centre"]
      }
    }
    var table = ReportTable(title: "centroids", columns: columns)
    for j in 0..<result.k {
      var row: [ReportCell] = [.integer(j), .text(name(j)), .integer(profile.sizes[j]), .number(profile.shares[j])]
      for (c, (column, summary)) in zip(result.design.columns, profile.designColumns).enumerated() {
        let centre = ReportCell.number(result.kMeans.centres[j][c])
        if column.level != nil {
          row += [cell(summary.mean[j]), centre]
        } else {
          row += [cell(summary.mean[j]), cell(summary.median[j]), centre]
        }
      }
      table.append(row)
    }
    return table
  }

  /// `k_selection.csv`: one row per k tried (one row when k was given).
  public var kSelectionTable: ReportTable {
    var table = ReportTable(
      title: "k_selection",
      columns: ["k", "inertia", "silhouette", "calinski_harabasz", "davies_bouldin", "sizes", "chosen"])
    for row in result.kSelection {
      table.append([
        .integer(row.k), .number(row.inertia), ReportCell(row.silhouette), ReportCell(row.calinskiHarabasz),
        ReportCell(row.daviesBouldin), .text(row.sizes.map(String.init).joined(separator: ";")),
        .integer(row.k == result.k ? 1 : 0),
      ])
    }
    return table
  }

  /// `--export-design`: the exact standardized matrix clustered, with the customer ids.
  public var designTable: ReportTable {
    let design = result.design
    var table = ReportTable(title: "design", columns: ["customer_id"] + design.columns.map(\.name))
    for i in result.customerIDs.indices {
      table.append([.text(result.customerIDs[i])] + (0..<design.columns.count).map { .number(design.matrix[i, $0]) })
    }
    return table
  }

  private func cell(_ value: Double) -> ReportCell { value.isNaN ? .missing : .number(value) }
}
