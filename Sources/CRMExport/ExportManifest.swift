import Foundation

/// The JSON sidecar written next to each export file (spec §8.1.11), for the
/// analyst to attach to the import ticket: what the file is, how it is
/// spelled, how to check it arrived whole, and what was noticed on the way.
public struct ExportManifest: Codable, Sendable, Equatable {
  public struct Key: Codable, Sendable, Equatable {
    /// The header of the key column in the file.
    public var header: String
    /// Where the keys came from: `customers.csv: Record Id`, or `customer_id`.
    public var source: String
  }

  public struct Column: Codable, Sendable, Equatable {
    public var source: String
    public var header: String
    public var kind: String
    public var scale: Int?
    public var formulaGuard: String
  }

  public var file: String
  public var part: Int
  public var parts: Int
  public var profile: String
  public var format: String
  public var encoding: String
  public var byteOrderMark: Bool
  public var delimiter: String?
  public var lineEnding: String?
  public var rows: Int
  public var bytes: Int
  public var sha256: String
  public var key: Key
  public var columns: [Column]
  public var inputs: [String]
  public var warnings: [String]
  public var notes: [String]

  /// Pretty-printed JSON with sorted snake_case keys: the same export, the same bytes.
  public func jsonBytes() throws(ExportError) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    do { return Array(try encoder.encode(self)) + [0x0A] } catch {
      throw .cannotWrite(reason: "cannot encode the manifest of \(file): \(error)")
    }
  }
}
