import Foundation
import DataIngest

/// Known segments to check a segmentation against: the `truth.csv` written
/// by `analyze simulate` and the reference generator (customer_id, segment, …).
///
/// Labels may be numbers or names (`champions`): each distinct label gets a
/// code in order of first appearance; the adjusted Rand index needs no more.
public struct SegmentTruth: Sendable {
  private var ids = IDTable()
  /// Per id (by its number in ``ids``), its label's code.
  private var labels: [Int32] = []

  /// Known labels by customer id.
  public init(_ labels: [String: Int32]) {
    for (id, label) in labels { set(label, for: id) }
  }

  /// The label's code of customer `id`, if known.
  public func label(of id: String) -> Int32? {
    ids.index(of: id).map { labels[$0] }
  }

  /// Gives `id` the label `code`; a later row for an id wins.
  private mutating func set(_ code: Int32, for id: UnsafeBufferPointer<UInt8>) {
    let (index, isNew) = ids.insert(id)
    if isNew { labels.append(code) } else { labels[index] = code }
  }

  private mutating func set(_ code: Int32, for id: String) {
    var id = id
    id.withUTF8 { set(code, for: $0) }
  }

  /// Reads `customer_id` and `segment` from a CSV file; other columns are
  /// ignored.
  ///
  /// - Throws: `IngestError` when the file cannot be read;
  ///   ``FeatureError/invalidConfiguration(path:line:column:message:)`` for a
  ///   missing column or an empty segment.
  public static func load(path: String) throws -> SegmentTruth {
    var truth = SegmentTruth([:])
    let reader = try CSVReader(path: path)
    guard let header = try reader.next() else { return truth }
    let names = (0..<header.count).map { header.string($0).trimmingCharacters(in: .whitespaces).lowercased() }
    guard let id = names.firstIndex(of: "customer_id"), let segment = names.firstIndex(of: "segment") else {
      throw FeatureError.invalidConfiguration(
        path: path, line: 1, column: nil, message: "expected the columns customer_id and segment, found \(names.joined(separator: ", "))")
    }
    var codes = IDTable()
    var failure: FeatureError? = nil
    try reader.forEachRemainingRecord { record in
      guard record.count > max(id, segment) else {
        failure = .invalidConfiguration(
          path: path, line: record.line, column: nil, message: "expected \(max(id, segment) + 1) fields, found \(record.count)")
        return false
      }
      let code: Int
      let field = record[segment]
      if let first = field.first, let last = field.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) {
        // No blank at either end: the bytes are the label.
        code = codes.insert(field).index
      } else {
        let label = record.string(segment).trimmingBlanks
        guard !label.isEmpty else {
          failure = .invalidConfiguration(path: path, line: record.line, column: segment + 1, message: "the segment is empty")
          return false
        }
        code = codes.insert(label).index
      }
      truth.set(Int32(code), for: record[id])
      return true
    }
    if let failure { throw failure }
    return truth
  }
}
