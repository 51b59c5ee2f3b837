import Foundation
import DataIngest

/// Known segments to check a segmentation against: the `truth.csv` written
/// by `analyze simulate` and the reference generator (customer_id, segment, …).
public enum SegmentTruth {
  /// Reads `customer_id` and `segment` (an integer) from a CSV file; other
  /// columns are ignored.
  ///
  /// - Throws: `IngestError` when the file cannot be read;
  ///   ``FeatureError/invalidConfiguration(path:line:column:message:)`` for a
  ///   missing column or a segment that is not an integer.
  public static func load(path: String) throws -> [String: Int32] {
    let reader = try CSVReader(path: path)
    guard let header = try reader.next() else { return [:] }
    let names = (0..<header.count).map { header.string($0).trimmingCharacters(in: .whitespaces).lowercased() }
    guard let id = names.firstIndex(of: "customer_id"), let segment = names.firstIndex(of: "segment") else {
      throw FeatureError.invalidConfiguration(
        path: path, line: 1, column: nil, message: "expected the columns customer_id and segment, found \(names.joined(separator: ", "))")
    }
    // Labels may be numbers or names (`champions`): each distinct label gets a
    // code in order of first appearance; the adjusted Rand index needs no more.
    var truth: [String: Int32] = [:]
    var codes: [String: Int32] = [:]
    var sized = false
    var failure: FeatureError? = nil
    try reader.forEachRemainingRecord { record in
      if !sized {
        // Room for the whole file once, from the first row's length (rows vary: a quarter more), rather than
        // growing through a million rows.
        truth.reserveCapacity(reader.fileSize / max(record.raw.count + 1, 8) * 5 / 4 + 16)
        sized = true
      }
      guard record.count > max(id, segment) else {
        failure = .invalidConfiguration(
          path: path, line: record.line, column: nil, message: "expected \(max(id, segment) + 1) fields, found \(record.count)")
        return false
      }
      let label = record.string(segment).trimmingBlanks
      guard !label.isEmpty else {
        failure = .invalidConfiguration(path: path, line: record.line, column: segment + 1, message: "the segment is empty")
        return false
      }
      let code = codes[label] ?? Int32(codes.count)
      codes[label] = code
      truth[record.string(id)] = code
      return true
    }
    if let failure { throw failure }
    return truth
  }
}
